// An organization inside the pane (loaded lazily; opened from search or a person's page): what
// is known about it — name, kind, parent agency, place, every domain that resolves to it, where
// the answer came from — and the changes the team made to it.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { Organization } from '../../../../shared/api/organization-routes.ts';
import { isApiError } from '../../api/api-error.ts';
import { formatShortDate } from '../model/format-relative-time.ts';
import type { SearchServices } from '../model/search-services.ts';
import { CardSectionHeading, SectionHeadingLevel } from './card-section-heading.tsx';
import { LoadFailure } from './load-failure.tsx';
import { OrganizationDetails } from './organization-details.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  back: { alignSelf: 'flex-start' },
  surface: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    overflowWrap: 'anywhere',
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, outline: 'none' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  secondary: { color: tokens.colorNeutralForeground3 },
});

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; organization: Organization };

export function OrganizationPage(props: { id: string; services: SearchServices; now: Date; onBack: () => void; backLabel: string }) {
  const styles = useStyles();
  const baseId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    props.services
      .readOrganization(props.id, controller.signal)
      .then((organization) => {
        if (!controller.signal.aborted) setLoaded({ status: 'ready', organization });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', message: isApiError(error) ? error.message : 'Something went wrong while loading the organization.' });
      });
    return () => controller.abort();
  }, [props.services, props.id, attempt]);

  const ready = loaded.status === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  return (
    <div className={styles.page}>
      <Button className={styles.back} appearance="subtle" size="small" onClick={props.onBack}>
        ← {props.backLabel}
      </Button>
      {loaded.status === 'loading' && <Spinner size="tiny" label="Loading the organization…" labelPosition="after" />}
      {loaded.status === 'error' && <LoadFailure title="Could not load the organization" message={loaded.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {loaded.status === 'ready' && (
        <SectionHeadingLevel.Provider value={3}>
        <article className={styles.surface} aria-labelledby={`${baseId}-name`}>
          <h2 id={`${baseId}-name`} ref={heading} tabIndex={-1} className={styles.name}>
            {loaded.organization.name}
          </h2>
          <OrganizationDetails organization={loaded.organization} headingId={`${baseId}-facts`} heading="About" />
          <section aria-labelledby={`${baseId}-domains`}>
            <CardSectionHeading id={`${baseId}-domains`}>Domains</CardSectionHeading>
            <ul className={styles.list}>
              {loaded.organization.domains.map((domain) => (
                <li key={domain}>{domain}</li>
              ))}
            </ul>
          </section>
          {loaded.organization.history && loaded.organization.history.length > 0 && (
            <section aria-labelledby={`${baseId}-history`}>
              <CardSectionHeading id={`${baseId}-history`}>Changes by your team</CardSectionHeading>
              <ul className={styles.list}>
                {loaded.organization.history.map((change, index) => (
                  <li key={`${change.at}:${index}`}>
                    {change.summary}
                    <span className={styles.secondary}>
                      {' '}
                      · {change.by}, {formatShortDate({ iso: change.at, now: props.now })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
        </SectionHeadingLevel.Provider>
      )}
    </div>
  );
}
