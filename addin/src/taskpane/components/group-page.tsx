// A group inside the pane (loaded lazily: most opens of the pane never need it): its name,
// kind and team, what the user may do, and two tabs — Members (outreach, filters, the windowed
// list, member actions for editors) and History (the audit trail).
import { Badge, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FORBIDDEN_MESSAGE } from '../model/describe-group-error.ts';
import type { GroupServices } from '../model/group-services.ts';
import { useGroupPage } from '../model/use-group-page.ts';
import { GroupHistory } from './group-history.tsx';
import { GroupMembersView } from './group-members-view.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  back: { alignSelf: 'flex-start' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, outline: 'none' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  description: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // The tab's name as a heading for screen readers, so member names (h4) sit one level under it.
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

const numberFormat = new Intl.NumberFormat('en-US');

export function GroupPage(props: { services: GroupServices; groupId: string; now: Date; onBack: () => void; onOpenNetworkMap?: (groupId: string) => void }) {
  const styles = useStyles();
  const page = useGroupPage({ services: props.services, groupId: props.groupId });
  const [tab, setTab] = useState<'members' | 'history'>('members');
  const heading = useRef<HTMLHeadingElement>(null);
  const { state } = page;

  // Focus follows the view change, so keyboard and screen-reader users land on the group's name.
  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  return (
    <div className={styles.page}>
      <Button className={styles.back} appearance="subtle" size="small" onClick={props.onBack}>
        ← Back to the message
      </Button>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading the group…" labelPosition="after" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Could not load the group</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={page.reload}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          <header className={styles.header}>
            <h2 ref={heading} tabIndex={-1} className={styles.name}>
              {state.group.name}
            </h2>
            <div className={styles.meta}>
              <Badge appearance="tint" shape="rounded">
                {state.group.kindLabel}
              </Badge>
              {state.group.status === 'archived' && (
                <Badge appearance="tint" color="warning" shape="rounded">
                  Archived
                </Badge>
              )}
              <span>
                Team: {state.group.teamName}
                {state.group.memberCount !== undefined && ` · ${numberFormat.format(state.group.memberCount)} ${state.group.memberCount === 1 ? 'member' : 'members'}`}
              </span>
            </div>
            {state.group.description && <p className={styles.description}>{state.group.description}</p>}
            {props.onOpenNetworkMap && (
              <Button className={styles.back} size="small" onClick={() => props.onOpenNetworkMap?.(state.group.id)}>
                Open in network map
              </Button>
            )}
          </header>
          {state.group.myRole === 'viewer' && (
            <MessageBar layout="multiline" intent="info">
              <MessageBarBody>{FORBIDDEN_MESSAGE}</MessageBarBody>
            </MessageBar>
          )}
          <TabList size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as 'members' | 'history')}>
            <Tab value="members">Members</Tab>
            <Tab value="history">History</Tab>
          </TabList>
          <div role="tabpanel" aria-label={tab === 'members' ? 'Members' : 'History'}>
            <h3 className={styles.visuallyHidden}>{tab === 'members' ? 'Members' : 'History'}</h3>
            {tab === 'members' ? (
              <GroupMembersView services={props.services} state={state} page={page} now={props.now} />
            ) : (
              <GroupHistory services={props.services} groupId={state.group.id} now={props.now} />
            )}
          </div>
        </>
      )}
    </div>
  );
}
