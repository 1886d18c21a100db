// What is known about an organization: its name and kind, the parent agency it belongs to, where
// it is, and where the answer came from (the tenant's directory, the .gov registry, …).
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { OrganizationSummary } from '../../../../shared/domain/person-card.ts';
import { describeOrganizationSource, describePlace } from '../model/describe-provenance.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(4.5em, max-content) 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  link: { fontSize: 'inherit', textAlign: 'left' },
});

export function OrganizationDetails(props: {
  organization: OrganizationSummary;
  headingId: string;
  heading?: string;
  onOpenOrganization?: (organizationId: string) => void;
}) {
  const styles = useStyles();
  const { organization } = props;
  const parent = organization.agency && organization.agency !== organization.name ? organization.agency : null;
  const place = describePlace(organization);
  const source = describeOrganizationSource(organization.source);
  const open = props.onOpenOrganization;
  return (
    <CardSection labelledBy={props.headingId} className={styles.block}>
      <CardSectionHeading id={props.headingId}>{props.heading ?? 'Organization'}</CardSectionHeading>
      <dl className={styles.list}>
        <dt className={styles.term}>Name</dt>
        <dd className={styles.value}>
          {open && organization.id ? (
            <Link as="button" className={styles.link} onClick={() => open(organization.id!)}>
              {organization.name}
            </Link>
          ) : (
            organization.name
          )}
        </dd>
        <dt className={styles.term}>Kind</dt>
        <dd className={styles.value}>
          {organization.kindLabel}
          {organization.detail && organization.detail !== organization.kindLabel ? ` (${organization.detail})` : ''}
        </dd>
        {parent && (
          <>
            <dt className={styles.term}>Part of</dt>
            <dd className={styles.value}>{parent}</dd>
          </>
        )}
        {place && (
          <>
            <dt className={styles.term}>Where</dt>
            <dd className={styles.value}>{place}</dd>
          </>
        )}
        <dt className={styles.term}>Domain</dt>
        <dd className={styles.value}>{organization.domain}</dd>
        {source && (
          <>
            <dt className={styles.term}>Source</dt>
            <dd className={styles.value}>{source}</dd>
          </>
        )}
      </dl>
    </CardSection>
  );
}
