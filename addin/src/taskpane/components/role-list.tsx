// A person's roles across groups ("Lead · Homelessness Reduction Initiative"). Inferred roles
// say so, with the evidence as secondary text and as a tooltip.
import { makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import type { Role } from '../../../../shared/domain/person-card.ts';
import { CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  role: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  roleName: { fontWeight: tokens.fontWeightSemibold },
  inferred: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3, display: 'block' },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function RoleList(props: { roles: Role[]; headingId: string }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={props.headingId}>
      <CardSectionHeading id={props.headingId}>Roles</CardSectionHeading>
      {props.roles.length === 0 ? (
        <p className={styles.none}>No roles recorded yet.</p>
      ) : (
        <ul className={styles.list}>
          {props.roles.map((role) => (
            <li key={`${role.groupId}:${role.role}`} className={styles.role}>
              <span className={styles.roleName}>{role.role}</span> · {role.group}
              {role.source === 'inferred' && <InferredNote evidence={role.evidence} className={styles.inferred} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InferredNote(props: { evidence: string | undefined; className: string }) {
  const text = props.evidence ? `Inferred: ${props.evidence}` : 'Inferred from mail and meetings';
  return (
    <Tooltip content={text} relationship="description" withArrow>
      <span className={props.className} tabIndex={0}>
        {text}
      </span>
    </Tooltip>
  );
}
