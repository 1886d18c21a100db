// The task pane's root: Fluent theme following Office, a header, and one body per state.
import { FluentProvider, makeStyles, mergeClasses, teamsHighContrastTheme, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PaneAppearance } from '../../office/read-office-theme.ts';
import type { TaskPaneServices } from '../model/task-pane-services.ts';
import { flagRecipients } from '../model/flag-recipients.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { GroupServicesContext } from '../model/group-services-context.ts';
import { usePaneState } from '../model/use-pane-state.ts';
import { markAfterPaint, PANE_MARKS } from '../model/mark-pane-timing.ts';
import { AddToGroupPanel } from './add-to-group-panel.tsx';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { LoadingState } from './loading-state.tsx';
import { PaneHeader } from './pane-header.tsx';
import { ParticipantList } from './participant-list.tsx';
import { RecipientSummary } from './recipient-summary.tsx';
import { SearchBox, SEARCH_INPUT_ID, type SearchChoice } from './search-box.tsx';

// The group page is a second view most opens of the pane never reach: its code loads on demand.
const GroupPage = lazy(() => import('./group-page.tsx').then((module) => ({ default: module.GroupPage })));
// So is the person page (everything about one person, notes, actions).
const PersonPage = lazy(() => import('./person-page.tsx').then((module) => ({ default: module.PersonPage })));
// And the suggestions view (merges and groups to decide), opened from the header.
const SuggestionsView = lazy(() => import('./suggestions-view.tsx').then((module) => ({ default: module.SuggestionsView })));
// And an organization's page, opened from search or a person's page.
const OrganizationPage = lazy(() => import('./organization-page.tsx').then((module) => ({ default: module.OrganizationPage })));

type PaneView =
  | { kind: 'people' }
  | { kind: 'group'; groupId: string }
  | { kind: 'person'; email: string; displayName: string; isSelf: boolean }
  | { kind: 'suggestions' }
  | { kind: 'organization'; id: string };

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
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // A class's display would override the hidden attribute's.
  hidden: { display: 'none' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function TaskPaneApp(props: { services: TaskPaneServices }) {
  const styles = useStyles();
  const theme = useOfficeTheme(props.services);
  const { state, retry, refreshCards } = usePaneState(props.services);
  const [view, setView] = useState<PaneView>({ kind: 'people' });
  const now = props.services.now?.() ?? new Date();
  const composing = 'item' in state && state.item?.mode === 'compose';
  const userEmail = props.services.getUserEmail();
  const shownParticipants = useMemo(
    () => ('participants' in state ? (composing ? flagRecipients({ participants: state.participants, cards: state.cards, userEmail }) : state.participants) : []),
    [state, composing, userEmail],
  );
  // Views opened from another view go back to it (a group opened from a person page returns there).
  const viewRef = useRef(view);
  viewRef.current = view;
  const previousViews = useRef<PaneView[]>([]);
  /** Where focus returns when the user comes back to the people on the message. */
  const returnFocusId = useRef('crosswalk-people-heading');
  const showView = useCallback((next: PaneView) => {
    previousViews.current.push(viewRef.current);
    setView(next);
  }, []);
  const openGroup = useCallback((groupId: string) => showView({ kind: 'group', groupId }), [showView]);
  const openPerson = useCallback(
    (participant: OrderedParticipant) => {
      returnFocusId.current = `details-${participant.key}`;
      showView({ kind: 'person', email: participant.key, displayName: participant.displayName, isSelf: participant.isSelf });
    },
    [showView],
  );
  const goBack = useCallback(() => {
    const previous = previousViews.current.pop() ?? { kind: 'people' };
    setView(previous);
    if (previous.kind !== 'people') return;
    // Back where the user came from: the card they opened, else the people on the message.
    requestAnimationFrame(() => (document.getElementById(returnFocusId.current) ?? document.getElementById('crosswalk-people-heading'))?.focus());
  }, []);
  const backToPeople = goBack;
  const openSuggestions = useCallback(() => {
    if (viewRef.current.kind !== 'suggestions') showView({ kind: 'suggestions' });
  }, [showView]);
  const personCard = view.kind === 'person' && 'cards' in state ? state.cards.get(view.email) : undefined;
  // The speed budget's finish line: the cards, with data, on screen (bench/pane.ts).
  useEffect(() => (state.status === 'ready' ? markAfterPaint(PANE_MARKS.cardsPainted, { item: state.item.itemId, people: state.participants.length }) : undefined), [state]);
  const openOrganization = useCallback((id: string) => showView({ kind: 'organization', id }), [showView]);
  const openSearchChoice = useCallback(
    (choice: SearchChoice) => {
      // Back from what was opened, focus returns to the search box.
      returnFocusId.current = SEARCH_INPUT_ID;
      if (choice.kind === 'group') openGroup(choice.result.id);
      else if (choice.kind === 'organization') openOrganization(choice.result.id);
      else showView({ kind: 'person', email: choice.result.email, displayName: choice.result.displayName, isSelf: choice.result.email === userEmail?.toLowerCase() });
    },
    [openGroup, openOrganization, showView, userEmail],
  );

  return (
    // Layout styles sit on an inner div: Fluent copies the provider's className onto portal
    // mount nodes (tooltips), where a full-height background would cover the pane.
    <FluentProvider theme={fluentThemes[theme]} data-theme={theme}>
      <div className={styles.root}>
      <PaneHeader
        subject={'item' in state && state.item ? state.item.subject : null}
        mode={'item' in state && state.item ? state.item.mode : null}
        onOpenSuggestions={props.services.suggestions ? openSuggestions : undefined}
      />
      {/* Cards reach the group services (a person's History) without every list in between passing them on. */}
      <GroupServicesContext.Provider value={props.services.groups}>
      <main className={styles.main} aria-busy={state.status === 'loading' || state.status === 'reading-item'}>
        {props.services.search && <SearchBox services={props.services.search} onChoose={openSearchChoice} />}
        {view.kind === 'organization' && props.services.search && (
          <Suspense fallback={<LoadingState label="Opening the organization…" count={0} />}>
            <OrganizationPage key={view.id} id={view.id} services={props.services.search} now={now} onBack={goBack} backLabel="Back" />
          </Suspense>
        )}
        {view.kind === 'group' && (
          <Suspense fallback={<LoadingState label="Opening the group…" count={0} />}>
            <GroupPage key={view.groupId} services={props.services.groups} groupId={view.groupId} now={now} onBack={backToPeople} onOpenNetworkMap={props.services.onOpenGroupNetworkMap} />
          </Suspense>
        )}
        {view.kind === 'suggestions' && props.services.suggestions && (
          <Suspense fallback={<LoadingState label="Opening suggestions…" count={0} />}>
            <SuggestionsView services={props.services.suggestions} onBack={goBack} onDecided={refreshCards} />
          </Suspense>
        )}
        {view.kind === 'person' && (
          <Suspense fallback={<LoadingState label="Opening…" count={0} />}>
            <PersonPage
              key={view.email}
              email={view.email}
              card={personCard}
              displayName={view.displayName}
              isSelf={view.isSelf}
              now={now}
              groups={props.services.groups}
              people={props.services.people}
              onBack={goBack}
              backLabel="Back"
              onOpenGroup={openGroup}
              onOpenNetworkMap={props.services.onOpenNetworkMap}
              onOpenOrganization={props.services.search ? openOrganization : undefined}
              onMembershipChanged={refreshCards}
            />
          </Suspense>
        )}
        {/* Hidden, not unmounted, while a group is open: the add result and its Undo survive a visit. */}
        <div className={mergeClasses(styles.view, view.kind !== 'people' && styles.hidden)} hidden={view.kind !== 'people'}>
          {state.status === 'reading-item' && <LoadingState label="Reading the message…" count={0} />}
          {/* The cards' skeletons show the wait; the words are for screen readers, so nothing shifts when they go. */}
          {state.status === 'loading' && <p className={styles.visuallyHidden} role="status">Looking up people…</p>}
          {state.status === 'no-item' && <EmptyState title="No message selected" detail="Select a message to see who is on it." />}
          {state.status === 'empty' && <EmptyState title="No people on this message" detail="Add recipients to see what Crosswalk knows about them." />}
          {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
          {composing && state.status === 'ready' && <RecipientSummary participants={shownParticipants} />}
          {(state.status === 'ready' || state.status === 'loading') && (
            <AddToGroupPanel
              services={props.services.groups}
              participants={state.participants}
              itemKey={describeItemKey(state.item.itemId, state.participants)}
              onMembershipChanged={refreshCards}
              onOpenGroup={openGroup}
            />
          )}
          {(state.status === 'ready' || state.status === 'loading' || (state.status === 'error' && state.participants.length > 0)) && (
            <ParticipantList
              participants={shownParticipants}
              cards={state.cards}
              safety={state.safety}
              now={now}
              missing={state.status === 'error' ? 'failed' : 'pending'}
              composing={composing}
              onOpenGroup={openGroup}
              onOpenPerson={openPerson}
            />
          )}
        </div>
      </main>
      </GroupServicesContext.Provider>
      </div>
    </FluentProvider>
  );
}

/** Fluent's theme per appearance; high contrast uses Fluent's own (system colours, thick focus outlines). */
const fluentThemes: Record<PaneAppearance, Theme> = { light: webLightTheme, dark: webDarkTheme, 'high-contrast': teamsHighContrastTheme };

/** Identifies the open message for the add form, which starts over for another one (drafts have no id). */
function describeItemKey(itemId: string | null, participants: readonly { key: string }[]): string {
  return `${itemId ?? 'draft'}|${participants.map((p) => p.key).join(',')}`;
}

/** The current Office theme, updated when the host reports a theme change. */
function useOfficeTheme(services: TaskPaneServices): PaneAppearance {
  const [theme, setTheme] = useState<PaneAppearance>(() => services.readTheme());
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
