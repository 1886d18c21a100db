// The group page's filters: role, organization kind, and current / past members. Native
// selects: compact at 350 px and fully keyboard- and screen-reader-friendly.
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { MemberFilters, TermFilter } from '../model/filter-members.ts';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))', gap: tokens.spacingHorizontalS },
});

export function GroupMemberFilters(props: {
  filters: MemberFilters;
  roles: string[];
  organizationKinds: { kind: string; label: string }[];
  onChange: (filters: MemberFilters) => void;
}) {
  const styles = useStyles();
  const { filters } = props;
  return (
    <div className={styles.grid} role="group" aria-label="Filter members">
      <Field label="Role" size="small">
        <Select size="small" value={filters.role} onChange={(_, data) => props.onChange({ ...filters, role: data.value })}>
          <option value="">All roles</option>
          {props.roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Organization" size="small">
        <Select size="small" value={filters.organizationKind} onChange={(_, data) => props.onChange({ ...filters, organizationKind: data.value })}>
          <option value="">All kinds</option>
          {props.organizationKinds.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Show" size="small">
        <Select size="small" value={filters.term} onChange={(_, data) => props.onChange({ ...filters, term: data.value as TermFilter })}>
          <option value="current">Current</option>
          <option value="past">Past</option>
          <option value="all">All</option>
        </Select>
      </Field>
    </div>
  );
}
