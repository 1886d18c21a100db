// The task pane's root: Fluent theme following Office, a header, and one body per state.
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PaneTheme } from '../../office/read-office-theme.ts';
import type { TaskPaneServices } from '../model/task-pane-services.ts';
import { usePaneState } from '../model/use-pane-state.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { LoadingState } from './loading-state.tsx';
import { PaneHeader } from './pane-header.tsx';
import { ParticipantList } from './participant-list.tsx';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    minWidth: '0',
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
});

export function TaskPaneApp(props: { services: TaskPaneServices }) {
  const styles = useStyles();
  const theme = useOfficeTheme(props.services);
  const { state, retry } = usePaneState(props.services);
  const now = props.services.now?.() ?? new Date();

  return (
    // Layout styles sit on an inner div: Fluent copies the provider's className onto portal
    // mount nodes (tooltips), where a full-height background would cover the pane.
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <div className={styles.root}>
      <PaneHeader subject={'item' in state && state.item ? state.item.subject : null} mode={'item' in state && state.item ? state.item.mode : null} />
      <main className={styles.main} aria-busy={state.status === 'loading' || state.status === 'reading-item'}>
        {state.status === 'reading-item' && <LoadingState label="Reading the message…" count={0} />}
        {state.status === 'loading' && <LoadingState label="Looking up people…" count={state.participants.length} />}
        {state.status === 'no-item' && <EmptyState title="No message selected" detail="Select a message to see who is on it." />}
        {state.status === 'empty' && <EmptyState title="No people on this message" detail="Add recipients to see what Crosswalk knows about them." />}
        {state.status === 'error' && <ErrorState message={state.message} onRetry={retry} />}
        {state.status === 'ready' && <ParticipantList participants={state.participants} cards={state.cards} now={now} />}
      </main>
      </div>
    </FluentProvider>
  );
}

/** The current Office theme, updated when the host reports a theme change. */
function useOfficeTheme(services: TaskPaneServices): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>(() => services.readTheme());
  useEffect(() => {
    if (!services.onThemeChanged) return;
    let off: (() => void) | null = null;
    let unmounted = false;
    void services.onThemeChanged(setTheme).then((unsubscribe) => {
      if (unmounted) unsubscribe();
      else off = unsubscribe;
    });
    return () => {
      unmounted = true;
      off?.();
    };
  }, [services]);
  return theme;
}
