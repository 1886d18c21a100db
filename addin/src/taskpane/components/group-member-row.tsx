// One member on the group page: name, role, organization and its kind, the user's relationship
// strength and last contact; past members show when their term ended.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Member } from '../../../../shared/domain/group.ts';
import { formatRelativeTime } from '../model/format-relative-time.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  role: { flexShrink: 0, maxWidth: '45%' },
  secondary: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  tertiary: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
});

export function GroupMemberRow(props: { member: Member; now: Date }) {
  const styles = useStyles();
  const { member } = props;
  const name = member.displayName ?? member.email;
  // People created on the way have only their address as a name: show it once.
  const showEmail = name.trim().toLowerCase() !== member.email.toLowerCase();
  return (
    <li className={styles.row}>
      <div className={styles.top}>
        <h4 className={styles.name}>{name}</h4>
        <Badge className={styles.role} appearance="tint" color={member.current ? 'brand' : 'subtle'} shape="rounded">
          {member.role}
        </Badge>
      </div>
      {showEmail && <span className={styles.tertiary}>{member.email}</span>}
      {(member.title || member.organization) && (
        <span className={styles.secondary}>
          {[member.title, member.organization ? `${member.organization.name} · ${member.organization.kindLabel}` : null].filter(Boolean).join(', ')}
        </span>
      )}
      <span className={styles.tertiary}>{describeContact(member, props.now)}</span>
      {!member.current && <span className={styles.tertiary}>Past member{member.end ? ` · term ended ${member.end}` : ''}</span>}
      {member.source === 'inferred' && <span className={styles.tertiary}>Inferred{member.evidence ? `: ${member.evidence}` : ''}</span>}
    </li>
  );
}

function describeContact(member: Member, now: Date): string {
  if (!member.strength) return 'No contact with you yet';
  const last = member.strength.lastInteractionAt ? `last contact ${formatRelativeTime({ iso: member.strength.lastInteractionAt, now })}` : 'no contact yet';
  return `${member.strength.label} relationship (${member.strength.score}/100) · ${last}`;
}
