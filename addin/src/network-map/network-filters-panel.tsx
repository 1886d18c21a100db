// The map's controls: how far out to look, which kinds of node, the weakest relationship still
// drawn, which kinds of organization. Native controls through Fluent: keyboard and
// screen-reader friendly.
import { Checkbox, Field, makeStyles, Radio, RadioGroup, Slider, tokens } from '@fluentui/react-components';
import type { NetworkNodeKind } from '../../../shared/api/network-routes.ts';
import { labelOrganizationKind, type OrganizationKind } from '../../../shared/domain/organization-kind.ts';
import { strengthConstants } from '../../../shared/scoring/strength-constants.ts';
import type { NetworkFilters } from './filter-network.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

const kindOptions: { kind: NetworkNodeKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'organization', label: 'Organizations' },
  { kind: 'group', label: 'Groups' },
];

/** "Any" or "50 or more (Strong)", with the card's strength labels. */
export function describeMinimumStrength(value: number): string {
  if (value <= 0) return 'Any';
  const label = strengthConstants.labels.find((entry) => value >= entry.min)?.label ?? 'Weak';
  return `${value} or more (${label})`;
}

function toggle<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function NetworkFiltersPanel(props: {
  depth: 1 | 2;
  onDepthChange: (depth: 1 | 2) => void;
  filters: NetworkFilters;
  organizationKinds: readonly OrganizationKind[];
  onChange: (filters: NetworkFilters) => void;
}) {
  const styles = useStyles();
  const { filters } = props;
  const checkedKinds = filters.organizationKinds ?? new Set(props.organizationKinds);
  return (
    <div className={styles.panel}>
      <Field label="Reach">
        <RadioGroup value={String(props.depth)} onChange={(_, data) => props.onDepthChange(data.value === '1' ? 1 : 2)}>
          <Radio value="1" label="Direct ties" />
          <Radio value="2" label="Two steps out" />
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Show</legend>
        {kindOptions.map(({ kind, label }) => (
          <Checkbox key={kind} label={label} checked={filters.kinds.has(kind)} onChange={(_, data) => props.onChange({ ...filters, kinds: toggle(filters.kinds, kind, data.checked === true) })} />
        ))}
      </fieldset>
      <Field label={`Weakest relationship shown: ${describeMinimumStrength(filters.minStrength)}`}>
        <Slider
          min={0}
          max={100}
          step={5}
          value={filters.minStrength}
          aria-valuetext={describeMinimumStrength(filters.minStrength)}
          onChange={(_, data) => props.onChange({ ...filters, minStrength: data.value })}
        />
      </Field>
      {props.organizationKinds.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Organization kinds</legend>
          {props.organizationKinds.map((kind) => (
            <Checkbox
              key={kind}
              label={labelOrganizationKind(kind)}
              checked={checkedKinds.has(kind)}
              onChange={(_, data) => {
                const next = toggle(checkedKinds, kind, data.checked === true);
                props.onChange({ ...filters, organizationKinds: next.size === props.organizationKinds.length ? null : next });
              }}
            />
          ))}
        </fieldset>
      )}
    </div>
  );
}
