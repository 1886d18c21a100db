// What an unknown address's domain tells: a registered .gov domain or not (and a .gov-looking
// host that is not registered), a free email provider, and the organization behind it with its
// kind, parent agency and place.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { DomainFacts } from '../../../../shared/domain/sender-safety.ts';
import { describePlace } from '../model/describe-provenance.ts';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  line: { margin: 0, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground3 },
});

export function FirstContactFacts(props: { domain: DomainFacts }) {
  const styles = useStyles();
  const { domain } = props;
  const organization = domain.organization;
  const looksGov = /\.gov$/i.test(domain.host);
  const parent = organization?.agency && organization.agency !== organization.name ? organization.agency : null;
  const place = organization ? describePlace(organization) : null;
  return (
    <div className={styles.block}>
      <span className={styles.badges}>
        {domain.dotgov && (
          <Badge appearance="tint" color="success" size="small">
            Registered .gov
          </Badge>
        )}
        {!domain.dotgov && looksGov && (
          <Badge appearance="tint" color="danger" size="small">
            Not in the .gov registry
          </Badge>
        )}
        {domain.freemail && (
          <Badge appearance="tint" color="warning" size="small">
            Free email address
          </Badge>
        )}
      </span>
      {organization && !domain.freemail && (
        <p className={styles.line}>
          {organization.name}
          <span className={styles.secondary}> · {organization.kindLabel}</span>
        </p>
      )}
      {parent && <p className={styles.line}>Part of {parent}</p>}
      {place && <p className={styles.line}>{place}</p>}
      <p className={`${styles.line} ${styles.secondary}`}>
        Domain: {domain.host}
        {/* An internationalized domain also in the form mail systems use, where look-alike letters show. */}
        {organization && organization.domain !== domain.host && /^xn--|\.xn--/.test(organization.domain) && ` (written ${organization.domain})`}
      </p>
    </div>
  );
}
