// A person inside the pane (loaded lazily: opened from a card's "Details" or from search):
// who they are, their organization with its kind and parent agency, the relationship with the
// user and why it scores what it does, who on the team knows them best, roles current and past
// with their groups, the user's own recent interactions, attribute history, notes shared with a
// team, and actions: add to a group, open in the network map.
import { Avatar, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { KnownPersonCard, PersonCard } from '../../../../shared/domain/person-card.ts';
import { isApiError } from '../../api/api-error.ts';
import { explainStrength } from '../model/describe-strength.ts';
import type { GroupServices } from '../model/group-services.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import type { PersonServices } from '../model/person-services.ts';
import { AddToGroupPanel } from './add-to-group-panel.tsx';
import { AttributeHistory } from './attribute-history.tsx';
import { CardSection, CardSectionHeading, SectionHeadingLevel } from './card-section-heading.tsx';
import { LoadFailure } from './load-failure.tsx';
import { OrganizationDetails } from './organization-details.tsx';
import { PersonNotes } from './person-notes.tsx';
import { RecentInteractions } from './recent-interactions.tsx';
import { RoleList } from './role-list.tsx';
import { StrengthMeter } from './strength-meter.tsx';
import { TeamKnowsList } from './team-knows-list.tsx';

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
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', minWidth: 0 },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, outline: 'none' },
  address: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  explanation: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PersonPageProps {
  email: string;
  /** The card when the pane already has it (a participant); otherwise it is looked up. */
  card?: PersonCard;
  displayName?: string;
  isSelf?: boolean;
  now: Date;
  groups: GroupServices;
  people?: PersonServices;
  onBack: () => void;
  backLabel: string;
  onOpenGroup: (groupId: string) => void;
  onOpenOrganization?: (organizationId: string) => void;
  /** Opens the person's ego network (the network map dialog); the action shows only when given. */
  onOpenNetworkMap?: (personId: string) => void;
  /** After a membership change: the pane looks its cards up again. */
  onMembershipChanged?: () => void;
}

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; card: PersonCard };

export function PersonPage(props: PersonPageProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>(
    props.card ? { status: 'ready', card: props.card } : props.people ? { status: 'loading' } : { status: 'ready', card: { email: props.email, known: false } },
  );
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const { people, email } = props;

  // A card handed in from the pane stays current with it (e.g. after a membership change).
  useEffect(() => {
    if (props.card) setLoaded({ status: 'ready', card: props.card });
  }, [props.card]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if ((props.card && attempt === 0) || !people) return;
    const controller = new AbortController();
    if (!props.card) setLoaded({ status: 'loading' });
    people
      .lookupPerson(email, controller.signal)
      .then((card) => {
        if (!controller.signal.aborted) setLoaded({ status: 'ready', card });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ status: 'error', message: isApiError(error) ? error.message : 'Something went wrong while loading this person.' });
      });
    return () => controller.abort();
    // props.card is left out on purpose: a handed-in card needs no lookup until an explicit reload.
  }, [people, email, attempt]);

  const ready = loaded.status === 'ready';
  // Focus follows the view change, so keyboard and screen-reader users land on the person's name.
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  const membershipChanged = useCallback(() => {
    props.onMembershipChanged?.();
    if (!props.card) reload();
  }, [props, reload]);

  return (
    <div className={styles.page}>
      <Button className={styles.back} appearance="subtle" size="small" onClick={props.onBack}>
        ← {props.backLabel}
      </Button>
      {loaded.status === 'loading' && <Spinner size="tiny" label="Loading the person…" labelPosition="after" />}
      {loaded.status === 'error' && <LoadFailure title="Could not load this person" message={loaded.message} onRetry={reload} />}
      {loaded.status === 'ready' && (
        <PersonDetail {...props} card={loaded.card} headingRef={heading} onMembershipChanged={membershipChanged} />
      )}
    </div>
  );
}

function PersonDetail(props: PersonPageProps & { card: PersonCard; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const styles = useStyles();
  const baseId = useId();
  const { card } = props;
  const known: KnownPersonCard | null = card.known ? card : null;
  const name = known?.displayName || props.displayName || props.email;
  const participant: OrderedParticipant = {
    email: props.email,
    displayName: name,
    key: normalizeEmail(props.email),
    position: 'to',
    isSelf: props.isSelf ?? false,
  };
  const personId = known?.personId;
  const subtitle = [known?.title, known?.department].filter(Boolean).join(' · ');
  return (
    <SectionHeadingLevel.Provider value={3}>
      <article className={styles.surface} aria-labelledby={`${baseId}-name`}>
        <header className={styles.header}>
          <Avatar name={name} size={48} color="colorful" aria-hidden="true" />
          <div className={styles.who}>
            <h2 id={`${baseId}-name`} ref={props.headingRef} tabIndex={-1} className={styles.name}>
              {name}
            </h2>
            {subtitle && <span>{subtitle}</span>}
            <span className={styles.address}>{props.email}</span>
            {known?.aliases && known.aliases.length > 0 && <span className={styles.address}>Also: {known.aliases.join(', ')}</span>}
            {known?.phone && <span>Phone: {known.phone}</span>}
            {known?.office && <span>Office: {known.office}</span>}
          </div>
        </header>
        {!known && <p className={styles.explanation}>Crosswalk has not seen this address in your team's mail or meetings yet.</p>}
        {known?.organization && (
          <OrganizationDetails organization={known.organization} headingId={`${baseId}-org`} onOpenOrganization={props.onOpenOrganization} />
        )}
        {known && !props.isSelf && (
          <CardSection labelledBy={`${baseId}-strength`} className={styles.section}>
            <CardSectionHeading id={`${baseId}-strength`}>Your relationship</CardSectionHeading>
            <StrengthMeter strength={known.strength} now={props.now} />
            {explainStrength({ strength: known.strength, now: props.now }).map((sentence) => (
              <p key={sentence} className={styles.explanation}>
                {sentence}
              </p>
            ))}
          </CardSection>
        )}
        {known && <TeamKnowsList team={known.team} headingId={`${baseId}-team`} />}
        {known && <RoleList roles={known.roles} headingId={`${baseId}-roles`} now={props.now} onOpenGroup={props.onOpenGroup} />}
        {known && !props.isSelf && (
          <div className={styles.section}>
            <RecentInteractions interactions={known.lastInteractions} now={props.now} headingId={`${baseId}-recent`} />
            <p className={styles.note}>Only your own mail and meetings are listed; colleagues' stay theirs.</p>
          </div>
        )}
        {known && <AttributeHistory attributes={known.attributes} history={known.attributeHistory} headingId={`${baseId}-history`} now={props.now} />}
        {props.people && personId && <PersonNotes services={props.people} personId={personId} personName={name} now={props.now} />}
        {props.onOpenNetworkMap && personId && (
          <div className={styles.actions}>
            <Button size="small" onClick={() => props.onOpenNetworkMap?.(personId)}>
              Open in network map
            </Button>
          </div>
        )}
      </article>
      <AddToGroupPanel
        services={props.groups}
        participants={[participant]}
        itemKey={`person:${participant.key}`}
        onMembershipChanged={props.onMembershipChanged ?? (() => {})}
        onOpenGroup={props.onOpenGroup}
      />
    </SectionHeadingLevel.Provider>
  );
}
