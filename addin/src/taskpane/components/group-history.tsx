// An audit trail, newest first: who changed what and when, with each changed field as
// before → after. Read-only, like the trail itself. The group page's History tab shows a
// group's; a person's card shows a person's (loaded on demand, see person-history.tsx).
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AuditEntry } from '../../../../shared/domain/group.ts';
import { describeAuditChanges } from '../model/describe-audit-change.ts';
import { describeGroupError } from '../model/describe-group-error.ts';
import { formatShortDate } from '../model/format-relative-time.ts';
import type { GroupServices } from '../model/group-services.ts';
import { EmptyState } from './empty-state.tsx';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    overflow: 'hidden',
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  what: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  meta: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground2 },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
});

type HistoryState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: AuditEntry[] };

export function GroupHistory(props: { services: GroupServices; groupId: string; now: Date }) {
  const { services, groupId } = props;
  const load = useCallback((signal: AbortSignal) => services.readAudit(groupId, signal), [services, groupId]);
  return (
    <AuditHistory load={load} now={props.now} empty={<EmptyState title="No changes yet" detail="Changes to this group and its members will be listed here." />} />
  );
}

/** Loads entries with `load` (again when it changes, or on Retry) and lists them. */
export function AuditHistory(props: { load: (signal: AbortSignal) => Promise<AuditEntry[]>; now: Date; empty: ReactNode }) {
  const styles = useStyles();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const generation = useRef(0);
  const { load: read } = props;

  const load = useCallback(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState({ status: 'loading' });
    read(controller.signal)
      .then((entries) => current === generation.current && setState({ status: 'ready', entries }))
      .catch((error: unknown) => current === generation.current && setState({ status: 'error', message: describeGroupError(error, { action: 'read' }).message }));
    return controller;
  }, [read]);

  useEffect(() => {
    const controller = load();
    return () => {
      generation.current++;
      controller.abort();
    };
  }, [load]);

  if (state.status === 'loading') return <Spinner size="tiny" label="Loading history…" labelPosition="after" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>Could not load the history: {state.message}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void load()}>
            Retry
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (state.entries.length === 0) return <>{props.empty}</>;
  return (
    <ol className={styles.list} aria-label="Changes, newest first">
      {state.entries.map((entry) => {
        const changes = describeAuditChanges(entry);
        return (
          <li key={entry.id} className={styles.entry}>
            <span className={styles.what}>{entry.summary}</span>
            <span className={styles.meta}>
              {entry.actor.name ?? entry.actor.email} · <time dateTime={entry.at}>{formatShortDate({ iso: entry.at, now: props.now })}</time>
            </span>
            {changes.length > 0 && (
              <ul className={styles.changes}>
                {changes.map((change) => (
                  <li key={change.field}>
                    {change.label}: {change.before !== null && <span className={styles.before}>{change.before}</span>}
                    {change.before !== null && change.after !== null && ' → '}
                    {change.after ?? (change.before !== null ? ' (removed)' : '')}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
