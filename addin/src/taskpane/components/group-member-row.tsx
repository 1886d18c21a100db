// One member on the group page: name, role and (for editors) the member's actions; address;
// title, organization and its kind; the user's relationship strength and last contact, or when
// a past member's term ended. Every row has the same height (MEMBER_ROW_HEIGHT), one line per
// fact, so the list can render only the rows in view; a line too long ends in "…" and keeps
// its full text for screen readers and as a tooltip.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Member } from '../../../../shared/domain/group.ts';
import { formatRelativeTime } from '../model/format-relative-time.ts';

/** Pixels: padding 8 + top line 24 + three 16 px lines with 2 px gaps + padding 8, and a border. */
export const MEMBER_ROW_HEIGHT = 96;

const line = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 } as const;

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    height: `${MEMBER_ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    overflow: 'hidden',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, height: '24px', minWidth: 0 },
  name: { ...line, flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: '20px', fontWeight: tokens.fontWeightSemibold },
  role: { flexShrink: 0, maxWidth: '45%', ...line },
  secondary: { ...line, fontSize: tokens.fontSizeBase200, lineHeight: '16px', height: '16px', color: tokens.colorNeutralForeground2 },
  tertiary: { ...line, fontSize: tokens.fontSizeBase100, lineHeight: '16px', height: '16px', color: tokens.colorNeutralForeground3 },
});

export function GroupMemberRow(props: { member: Member; now: Date; actions?: ReactNode }) {
  const styles = useStyles();
  const { member } = props;
  const name = member.displayName ?? member.email;
  // People created on the way have only their address as a name: show it once.
  const showEmail = name.trim().toLowerCase() !== member.email.toLowerCase();
  const work = [member.title, member.organization ? `${member.organization.name} · ${member.organization.kindLabel}` : null].filter(Boolean).join(', ');
  const status = [describeTerm(member), member.source === 'inferred' ? `Inferred${member.evidence ? `: ${member.evidence}` : ''}` : null, describeContact(member, props.now)].filter(
    (part): part is string => part !== null,
  );
  return (
    <div className={styles.row}>
      <div className={styles.top}>
        <h4 className={styles.name} title={name}>
          {name}
        </h4>
        <Badge className={styles.role} appearance="tint" color={member.current ? 'brand' : 'subtle'} shape="rounded" title={member.role}>
          {member.role}
        </Badge>
        {props.actions}
      </div>
      <span className={styles.tertiary} title={showEmail ? member.email : undefined}>
        {showEmail ? member.email : ''}
      </span>
      <span className={styles.secondary} title={work || undefined}>
        {work}
      </span>
      <span className={styles.tertiary} title={status.join(' · ')}>
        {status.map((part, index) => (
          <span key={part}>
            {index > 0 && ' · '}
            <span>{part}</span>
          </span>
        ))}
      </span>
    </div>
  );
}

/** Past members say when their term ended; current ones with an end date say until when. */
function describeTerm(member: Member): string | null {
  if (!member.current) return `Past member${member.end ? ` · term ended ${member.end}` : ''}`;
  if (member.end) return `Term ends ${member.end}`;
  return null;
}

function describeContact(member: Member, now: Date): string {
  if (!member.strength) return 'No contact with you yet';
  const last = member.strength.lastInteractionAt ? `last contact ${formatRelativeTime({ iso: member.strength.lastInteractionAt, now })}` : 'no contact yet';
  return `${member.strength.label} relationship (${member.strength.score}/100) · ${last}`;
}
