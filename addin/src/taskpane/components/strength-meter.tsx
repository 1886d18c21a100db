// Relationship strength with the signed-in user: the score and label, a small bar, and the
// inputs it was computed from, so the number is never a black box.
import { makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { Strength } from '../../../../shared/domain/person-card.ts';
import { describeStrengthInputs } from '../model/describe-strength.ts';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  label: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  score: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  inputs: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
});

export function StrengthMeter(props: { strength: Strength; now: Date }) {
  const styles = useStyles();
  const { strength } = props;
  return (
    <div className={styles.block} role="group" aria-label={`Relationship strength: ${strength.label}, ${strength.score} out of 100`}>
      <div className={styles.row}>
        <span className={styles.label}>{strength.label}</span>
        <span className={styles.score}>{strength.score}/100</span>
      </div>
      <ProgressBar value={strength.score} max={100} thickness="medium" aria-hidden="true" color={strength.score >= 50 ? 'success' : 'brand'} />
      <span className={styles.inputs}>{describeStrengthInputs({ strength, now: props.now })}</span>
    </div>
  );
}
