// The group page's member tab: outreach actions, filters (applied by the server), the windowed
// member list (a 5,000-member coalition scrolls smoothly and arrives a page at a time), and for
// editors and owners each member's actions: change role, end term, remove.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Member } from '../../../../shared/domain/group.ts';
import { listRoleChoices, organizationKindChoices, type MemberFilters } from '../model/filter-members.ts';
import type { GroupServices } from '../model/group-services.ts';
import type { GroupPageModel, GroupPageReadyState } from '../model/use-group-page.ts';
import { EmailGroupPanel } from './email-group-panel.tsx';
import { EmptyState } from './empty-state.tsx';
import { GroupExportButtons } from './group-export-buttons.tsx';
import { GroupMemberActions } from './group-member-actions.tsx';
import { GroupMemberEditDialog, type MemberEditKind } from './group-member-edit-dialog.tsx';
import { GroupMemberFilters } from './group-member-filters.tsx';
import { GroupMemberList, type MemberListFocusRequest } from './group-member-list.tsx';
import { GroupMemberRow } from './group-member-row.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  surface: { borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow2, overflow: 'hidden' },
  count: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  none: { margin: 0, padding: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'stretch' },
});

const numberFormat = new Intl.NumberFormat('en-US');

type Editing = { member: Member; kind: MemberEditKind };

export function GroupMembersView(props: {
  services: GroupServices;
  state: GroupPageReadyState;
  page: Pick<GroupPageModel, 'setFilters' | 'loadMore' | 'loadCurrentMembers' | 'updateMember' | 'dropMember'>;
  now: Date;
}) {
  const styles = useStyles();
  const { state, page } = props;
  const { group, filters, members } = state;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<MemberListFocusRequest | null>(null);
  const hasMore = state.nextCursor !== null;
  // Viewers see no actions; an archived group is read-only; an inferred membership must be confirmed (added) first.
  const canEdit = group.myRole !== 'viewer' && group.status !== 'archived';
  const { loadMore: loadNextPage } = page;
  const loadMore = useCallback(() => void loadNextPage(), [loadNextPage]);

  if (group.memberCount === 0 && members.length === 0) {
    return <EmptyState title="No members yet" detail="Open a message, tick its participants and add them to this group." />;
  }

  const closeEditing = (text: string | null) => {
    if (editing) setFocusRequest({ personId: editing.member.personId, nonce: Date.now() });
    setEditing(null);
    if (text) setAnnouncement(text);
  };

  return (
    <div className={styles.block}>
      <EmailGroupPanel services={props.services} group={group} loadCurrentMembers={page.loadCurrentMembers} />
      <GroupExportButtons services={props.services} groupId={group.id} />
      <GroupMemberFilters
        filters={filters}
        roles={listRoleChoices(state.roles, filters.role)}
        organizationKinds={[...organizationKindChoices]}
        onChange={(next: MemberFilters) => void page.setFilters(next)}
      />
      <div className={styles.count} role="status">
        {state.refiltering ? <Spinner size="extra-tiny" label="Filtering…" labelPosition="after" /> : describeShown({ state, hasMore })}
      </div>
      {announcement && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{announcement}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setAnnouncement(null)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.surface}>
        {members.length === 0 ? (
          <p className={styles.none}>{hasMore || state.loadingMore ? 'Looking for matching members…' : 'No member matches these filters.'}</p>
        ) : (
          <GroupMemberList
            members={members}
            canLoadMore={hasMore && !state.loadingMore && !state.refiltering && state.moreError === null}
            onLoadMore={loadMore}
            focusRequest={focusRequest}
            renderRow={(member, { tabbable }) => (
              <GroupMemberRow
                member={member}
                now={props.now}
                actions={
                  canEdit && member.source === 'manual' ? (
                    <GroupMemberActions member={member} tabbable={tabbable} onAction={(kind) => setEditing({ member, kind })} />
                  ) : undefined
                }
              />
            )}
          />
        )}
      </div>
      {hasMore && (
        <div className={styles.more}>
          <Button disabledFocusable={state.loadingMore || state.refiltering} icon={state.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={loadMore}>
            {state.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
          {state.moreError && (
            <MessageBar layout="multiline" intent="error" role="alert">
              <MessageBarBody>Could not load more members: {state.moreError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {!hasMore && state.moreError && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>Could not load the members: {state.moreError}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void page.setFilters(filters)}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {editing && (
        <GroupMemberEditDialog
          services={props.services}
          group={group}
          member={editing.member}
          kind={editing.kind}
          now={props.now}
          onUpdated={page.updateMember}
          onRemoved={page.dropMember}
          onClose={closeEditing}
        />
      )}
    </div>
  );
}

/** "Showing 12 current members with role “chair” so far · 5,000 in the group (current and past)". */
function describeShown(options: { state: GroupPageReadyState; hasMore: boolean }): string {
  const { state, hasMore } = options;
  const { filters } = state;
  const count = state.members.length;
  const kind = organizationKindChoices.find((choice) => choice.kind === filters.organizationKind)?.label;
  const noun = [filters.term === 'all' ? null : filters.term, count === 1 ? 'member' : 'members'].filter(Boolean).join(' ');
  const role = filters.role.trim() === '' ? '' : ` with role “${filters.role.trim()}”`;
  const organization = kind ? ` (${kind})` : '';
  const total = state.group.memberCount;
  return (
    `Showing ${numberFormat.format(count)} ${noun}${role}${organization}${hasMore ? ' so far' : ''}` +
    (total === undefined ? '.' : ` · ${numberFormat.format(total)} in the group (current and past).`)
  );
}
