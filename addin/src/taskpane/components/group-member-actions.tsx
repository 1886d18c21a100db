// A member's actions on the group page, for editors and owners: change role, end term, remove.
// One small menu button per row keeps the 350 px row to one line; each action opens a dialog.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { Member } from '../../../../shared/domain/group.ts';
import { nameOf } from '../model/use-member-edit.ts';
import type { MemberEditKind } from './group-member-edit-dialog.tsx';

export function GroupMemberActions(props: { member: Member; tabbable: boolean; onAction: (kind: MemberEditKind) => void }) {
  const { member } = props;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          aria-label={`Actions for ${nameOf(member)}`}
          // The list is one tab stop: only the focused row's button is in the tab order.
          tabIndex={props.tabbable ? 0 : -1}
          icon={<span aria-hidden="true">⋯</span>}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => props.onAction('role')}>Change role…</MenuItem>
          {member.current && <MenuItem onClick={() => props.onAction('end-term')}>End term…</MenuItem>}
          <MenuItem onClick={() => props.onAction('remove')}>Remove from group…</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
