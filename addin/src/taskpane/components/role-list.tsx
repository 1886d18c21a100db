// A person's roles across groups ("Lead · Homelessness Reduction Initiative"): current roles
// first, past ones (a term that has ended) behind "Show past roles". Inferred roles say so,
// with the evidence as secondary text (always shown: a tooltip would only repeat it, and would
// cost the pane's first load a component). A group's name opens its page.
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Role } from '../../../../shared/domain/person-card.ts';
import { splitRolesByTerm } from '../model/split-roles-by-term.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  role: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  past: { color: tokens.colorNeutralForeground3 },
  roleName: { fontWeight: tokens.fontWeightSemibold },
  groupLink: { fontSize: 'inherit', textAlign: 'left' },
  secondary: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3, display: 'block' },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function RoleList(props: { roles: Role[]; headingId: string; now: Date; onOpenGroup?: (groupId: string) => void }) {
  const styles = useStyles();
  const [showPast, setShowPast] = useState(false);
  const { current, past } = splitRolesByTerm(props.roles, { now: props.now });
  const pastListId = `${props.headingId}-past`;
  return (
    <CardSection labelledBy={props.headingId} className={styles.block}>
      <CardSectionHeading id={props.headingId}>Roles</CardSectionHeading>
      {current.length === 0 ? (
        <p className={styles.none}>{past.length > 0 ? 'No current roles.' : 'No roles recorded yet.'}</p>
      ) : (
        <ul className={styles.list}>
          {current.map((role) => (
            <RoleItem key={`${role.groupId}:${role.role}`} role={role} onOpenGroup={props.onOpenGroup} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <>
          <Button
            className={styles.toggle}
            appearance="transparent"
            size="small"
            aria-expanded={showPast}
            aria-controls={pastListId}
            onClick={() => setShowPast(!showPast)}
          >
            {showPast ? 'Hide past roles' : `Show past roles (${past.length})`}
          </Button>
          {showPast && (
            <ul id={pastListId} className={styles.list} aria-label="Past roles">
              {past.map((role) => (
                <RoleItem key={`${role.groupId}:${role.role}`} role={role} past onOpenGroup={props.onOpenGroup} />
              ))}
            </ul>
          )}
        </>
      )}
    </CardSection>
  );
}

function RoleItem(props: { role: Role; past?: boolean; onOpenGroup: ((groupId: string) => void) | undefined }) {
  const styles = useStyles();
  const { role } = props;
  return (
    <li className={mergeClasses(styles.role, props.past && styles.past)}>
      <span className={styles.roleName}>{role.role}</span> ·{' '}
      {props.onOpenGroup ? (
        <Link as="button" className={styles.groupLink} onClick={() => props.onOpenGroup?.(role.groupId)}>
          {role.group}
        </Link>
      ) : (
        role.group
      )}
      {props.past && <span className={styles.secondary}>{describeTerm(role)}</span>}
      {role.source === 'inferred' && <InferredNote evidence={role.evidence} className={styles.secondary} />}
    </li>
  );
}

function describeTerm(role: Role): string {
  if (role.start && role.end) return `${role.start} – ${role.end}`;
  if (role.end) return `Ended ${role.end}`;
  return 'Term ended';
}

function InferredNote(props: { evidence: string | undefined; className: string }) {
  return <span className={props.className}>{props.evidence ? `Inferred: ${props.evidence}` : 'Inferred from mail and meetings'}</span>;
}
