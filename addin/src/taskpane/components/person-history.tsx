// "History" on a person's card: the audit trail about them (their memberships added, changed
// and removed, their record created or merged), newest first, with who, when and each field's
// before → after. Folded by default; the list's code and the entries load when it is opened.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useContext, useId, useState } from 'react';
import { GroupServicesContext } from '../model/group-services-context.ts';

const AuditHistory = lazy(() => import('./group-history.tsx').then((module) => ({ default: module.AuditHistory })));

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function PersonHistory(props: { email: string; name: string; now: Date }) {
  const styles = useStyles();
  const services = useContext(GroupServicesContext);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const { email } = props;
  const load = useCallback((signal: AbortSignal) => (services ? services.readPersonAudit(email, signal) : Promise.resolve([])), [services, email]);
  if (!services) return null;
  return (
    <div className={styles.block}>
      <Button className={styles.toggle} appearance="transparent" size="small" aria-expanded={open} aria-controls={open ? regionId : undefined} onClick={() => setOpen(!open)}>
        {open ? 'Hide history' : 'History'}
      </Button>
      {open && (
        <section id={regionId} aria-label={`Changes about ${props.name}`}>
          <Suspense fallback={<Spinner size="tiny" label="Loading history…" labelPosition="after" />}>
            <AuditHistory
              load={load}
              now={props.now}
              empty={<p className={styles.empty}>No changes recorded yet. Roles added, changed or ended in Crosswalk will be listed here.</p>}
            />
          </Suspense>
        </section>
      )}
    </div>
  );
}
