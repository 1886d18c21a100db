// The group page's member tab: outreach actions, filters, the members loaded so far and
// "Load more" for the rest (a 5,000-member coalition arrives a page at a time).
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { defaultMemberFilters, filterMembers, listMemberOrganizationKinds, listMemberRoles } from '../model/filter-members.ts';
import type { MemberFilters } from '../model/filter-members.ts';
import type { GroupServices } from '../model/group-services.ts';
import { EmailGroupPanel } from './email-group-panel.tsx';
import { EmptyState } from './empty-state.tsx';
import { GroupExportButtons } from './group-export-buttons.tsx';
import { GroupMemberFilters } from './group-member-filters.tsx';
import { GroupMemberRow } from './group-member-row.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  surface: { borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow2, overflow: 'hidden' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  count: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  none: { margin: 0, padding: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'stretch' },
});

const numberFormat = new Intl.NumberFormat('en-US');

export function GroupMembersView(props: {
  services: GroupServices;
  group: Group;
  members: Member[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  onLoadMore: () => void;
  loadAllMembers: () => Promise<Member[] | null>;
  now: Date;
}) {
  const styles = useStyles();
  const [filters, setFilters] = useState<MemberFilters>(defaultMemberFilters);
  const shown = filterMembers(props.members, filters);
  const total = props.group.memberCount;

  if (props.members.length === 0 && !props.hasMore) {
    return <EmptyState title="No members yet" detail="Open a message, tick its participants and add them to this group." />;
  }

  return (
    <div className={styles.block}>
      <EmailGroupPanel services={props.services} group={props.group} loadAllMembers={props.loadAllMembers} disabled={props.loadingMore} />
      <GroupExportButtons services={props.services} groupId={props.group.id} />
      <GroupMemberFilters
        filters={filters}
        roles={listMemberRoles(props.members)}
        organizationKinds={listMemberOrganizationKinds(props.members)}
        onChange={setFilters}
      />
      <p className={styles.count} role="status">
        Showing {numberFormat.format(shown.length)} of {numberFormat.format(props.members.length)} loaded
        {total !== undefined && total > props.members.length ? ` (${numberFormat.format(total)} in the group)` : ''}
        {props.hasMore ? '; filters apply to loaded members.' : '.'}
      </p>
      <div className={styles.surface}>
        {shown.length === 0 ? (
          <p className={styles.none}>No loaded member matches these filters.</p>
        ) : (
          <ul className={styles.list} aria-label="Members">
            {shown.map((member) => (
              <GroupMemberRow key={member.personId} member={member} now={props.now} />
            ))}
          </ul>
        )}
      </div>
      {props.hasMore && (
        <div className={styles.more}>
          <Button disabledFocusable={props.loadingMore} icon={props.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={props.onLoadMore}>
            {props.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
          {props.moreError && (
            <MessageBar layout="multiline" intent="error" role="alert">
              <MessageBarBody>Could not load more members: {props.moreError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );
}
