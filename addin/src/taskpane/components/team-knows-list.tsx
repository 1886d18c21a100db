// Who on the team knows the person best: colleagues with their own strength to them, strongest
// first (aggregates only: never their mail or subjects).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TeamStrength } from '../../../../shared/domain/person-card.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  strength: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function TeamKnowsList(props: { team: readonly TeamStrength[] | undefined; headingId: string }) {
  const styles = useStyles();
  const team = props.team ?? [];
  return (
    <CardSection labelledBy={props.headingId}>
      <CardSectionHeading id={props.headingId}>Who on your team knows them best</CardSectionHeading>
      {team.length === 0 ? (
        <p className={styles.none}>Nobody else on your team has been in touch with them yet.</p>
      ) : (
        <ol className={styles.list}>
          {team.map((colleague) => (
            <li key={colleague.email} className={styles.item}>
              <span className={styles.name} title={colleague.email}>
                {colleague.displayName || colleague.email}
              </span>
              <span className={styles.strength}>
                {colleague.label} · {colleague.score}/100
              </span>
            </li>
          ))}
        </ol>
      )}
    </CardSection>
  );
}
