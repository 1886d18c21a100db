// Recurring cross-organization meetings are networks; their regular attendees are members.
import { inferSeriesGroups, seriesInference } from '../../../functions/src/enrichment/infer-series-groups.ts';
import type { AttendeeResponse, Interaction, InteractionParticipant } from '../../../shared/domain/interaction.ts';

const TENANT = 'tenant-cascadia';
const NOW = '2024-06-01T12:00:00.000Z';
const JESS = 'jess.morgan@housing.cascadia.gov';
const PAT = 'pat.okafor@health.cascadia.gov';
const ALICE = 'alice.allen@transit.cascadia.gov';
const SAM = 'sam.lee@housing.cascadia.gov';
const SERIES = 'series-housing-health';

interface OccurrenceOptions {
  index: number;
  owner?: string;
  seriesKey?: string | null;
  subject?: string;
  attendees?: [string, AttendeeResponse][];
  organizer?: string;
  cancelled?: boolean;
  at?: string;
  meetingKey?: string | null;
}

/** One copy of one occurrence, as mined from `owner`'s calendar. Occurrence n is held n weeks before NOW. */
function occurrence(options: OccurrenceOptions): Interaction {
  const owner = options.owner ?? JESS;
  const organizer = options.organizer ?? JESS;
  const at = options.at ?? new Date(Date.parse(NOW) - (options.index + 1) * 7 * 86_400_000).toISOString();
  const participants: InteractionParticipant[] = [
    { email: organizer, displayName: '', role: 'organizer', response: 'organizer' },
    ...(options.attendees ?? [[PAT, 'accepted'], [ALICE, 'accepted']]).map(
      ([email, response]): InteractionParticipant => ({ email, displayName: '', role: 'attendee', response }),
    ),
  ];
  return {
    id: `${owner}-${options.index}`,
    tenantId: TENANT,
    ownerKey: `${TENANT}|${owner}`,
    ownerEmail: owner,
    kind: 'meeting',
    at,
    direction: 'meeting',
    subject: options.subject ?? 'Housing–Health coordination',
    threadId: null,
    seriesKey: options.seriesKey === undefined ? SERIES : options.seriesKey,
    meetingKey: options.meetingKey === undefined ? `ical-${options.index}` : options.meetingKey,
    participants,
    bulk: false,
    cancelled: options.cancelled ?? false,
    source: { folder: 'calendar', graphId: `graph-${owner}-${options.index}` },
  };
}

const series = (count: number, make: (index: number) => Omit<OccurrenceOptions, 'index'> = () => ({})): Interaction[] =>
  Array.from({ length: count }, (_, index) => occurrence({ index, ...make(index) }));

describe('inferSeriesGroups', () => {
  it('infers a group from a cross-organization series held four times, its organizer as convener', () => {
    expect(inferSeriesGroups(series(4), { now: NOW })).toEqual([
      {
        seriesKey: SERIES,
        name: 'Housing–Health coordination',
        occurrences: 4,
        members: [
          { email: ALICE, role: 'Member', attended: 4 },
          { email: JESS, role: 'Convener', attended: 4 },
          { email: PAT, role: 'Member', attended: 4 },
        ],
      },
    ]);
  });

  it('needs the minimum number of held occurrences', () => {
    expect(seriesInference.minOccurrences).toBe(4);
    expect(inferSeriesGroups(series(3), { now: NOW })).toEqual([]);
  });

  it('counts copies of one occurrence from several mailboxes once', () => {
    const copies = [0, 1, 2].flatMap((index) => [JESS, PAT, ALICE].map((owner) => occurrence({ index, owner })));
    expect(inferSeriesGroups(copies, { now: NOW })).toEqual([]);
    const [group] = inferSeriesGroups([...copies, occurrence({ index: 3, owner: PAT })], { now: NOW });
    expect(group?.occurrences).toBe(4);
    expect(group?.members.map((m) => m.attended)).toEqual([4, 4, 4]);
  });

  it('makes members of people at half the occurrences or more, and not of people below', () => {
    const [group] = inferSeriesGroups(
      series(6, (index) => ({
        attendees: [
          [PAT, 'accepted'],
          [ALICE, 'accepted'],
          ...(index < 3 ? ([[SAM, 'accepted']] as [string, AttendeeResponse][]) : []),
          ...(index < 2 ? ([['drop.in@transit.cascadia.gov', 'accepted']] as [string, AttendeeResponse][]) : []),
        ],
      })),
      { now: NOW },
    );
    expect(group?.members.map((m) => [m.email, m.attended])).toEqual([
      [ALICE, 6],
      [JESS, 6],
      [PAT, 6],
      [SAM, 3],
    ]);
  });

  it('does not count declined attendance', () => {
    const [group] = inferSeriesGroups(
      series(4, (index) => ({ attendees: [[PAT, 'accepted'], [ALICE, 'accepted'], [SAM, index === 0 ? 'accepted' : 'declined']] })),
      { now: NOW },
    );
    expect(group?.members.map((m) => m.email)).toEqual([ALICE, JESS, PAT]);
  });

  it('counts tentative and unanswered attendance', () => {
    const [group] = inferSeriesGroups(
      series(4, () => ({ attendees: [[PAT, 'tentative'], [ALICE, 'none']] })),
      { now: NOW },
    );
    expect(group?.members.map((m) => m.email)).toEqual([ALICE, JESS, PAT]);
  });

  it('ignores a series whose members are all of one organization', () => {
    const sameAgency = series(5, () => ({ attendees: [[SAM, 'accepted'], ['kim.ng@housing.cascadia.gov', 'accepted']] }));
    expect(inferSeriesGroups(sameAgency, { now: NOW })).toEqual([]);
  });

  it('treats sibling subdomains of one parent as different organizations', () => {
    const siblings = series(4, () => ({ attendees: [[SAM, 'accepted'], ['kim.ng@health.cascadia.gov', 'accepted']] }));
    expect(inferSeriesGroups(siblings, { now: NOW })).toHaveLength(1);
  });

  it('needs the minimum number of members', () => {
    const pair = series(6, () => ({ attendees: [[PAT, 'accepted']] }));
    expect(inferSeriesGroups(pair, { now: NOW })).toEqual([]);
  });

  it('ignores cancelled and future occurrences', () => {
    const ledger = [
      ...series(3),
      occurrence({ index: 3, cancelled: true }),
      occurrence({ index: 4, at: '2024-06-08T12:00:00.000Z' }),
    ];
    expect(inferSeriesGroups(ledger, { now: NOW })).toEqual([]);
    expect(inferSeriesGroups(ledger, { now: '2024-06-09T00:00:00.000Z' })[0]?.occurrences).toBe(4);
  });

  it('ignores meetings outside a series', () => {
    expect(inferSeriesGroups(series(6, () => ({ seriesKey: null })), { now: NOW })).toEqual([]);
  });

  it('tells occurrences without a meeting key apart by their time', () => {
    const [group] = inferSeriesGroups(series(4, () => ({ meetingKey: null })), { now: NOW });
    expect(group?.occurrences).toBe(4);
  });

  it('names the group after its most frequent subject', () => {
    const [group] = inferSeriesGroups(
      series(5, (index) => ({ subject: index === 2 ? 'Housing–Health coordination (moved)' : 'Housing–Health coordination' })),
      { now: NOW },
    );
    expect(group?.name).toBe('Housing–Health coordination');
  });

  it('infers one group per series, sorted by name', () => {
    const transit = series(4, (index) => ({ seriesKey: 'series-transit', subject: 'Transit working group', meetingKey: `t-${index}`, organizer: ALICE, attendees: [[PAT, 'accepted'], [SAM, 'accepted']] }));
    const groups = inferSeriesGroups([...transit, ...series(4, () => ({ subject: 'Affordable housing network' }))], { now: NOW });
    expect(groups.map((g) => [g.name, g.seriesKey])).toEqual([
      ['Affordable housing network', SERIES],
      ['Transit working group', 'series-transit'],
    ]);
    expect(groups[1]?.members.find((m) => m.role === 'Convener')?.email).toBe(ALICE);
  });

  it('counts a person listed twice in one occurrence as attending once', () => {
    const ledger = series(4, (index) => ({
      attendees: [[PAT, 'accepted'], [ALICE, 'accepted'], ...(index === 0 ? ([[SAM, 'accepted'], [SAM, 'accepted']] as [string, AttendeeResponse][]) : [])],
    }));
    const [group] = inferSeriesGroups(ledger, { now: NOW });
    expect(group?.members.map((m) => m.email)).not.toContain(SAM);
  });
});
