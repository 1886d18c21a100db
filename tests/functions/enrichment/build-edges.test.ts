// Relationship strength from the owner's ledger: pure, deterministic, recomputable.
import { buildEdges, computeHalfLifeDays, labelStrength, LAST_INTERACTIONS_KEPT, makeEdgeId } from '../../../functions/src/enrichment/build-edges.ts';
import type { EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import type { Interaction, InteractionParticipant } from '../../../shared/domain/interaction.ts';
import { strengthSchema } from '../../../shared/domain/person-card.ts';
import { strengthConstants, type StrengthConstants } from '../../../shared/scoring/strength-constants.ts';

const TENANT = 'tenant-cascadia';
const OWNER = 'jess.morgan@housing.cascadia.gov';
const PAT = 'pat.okafor@health.cascadia.gov';
const ALICE = 'alice.allen@transit.cascadia.gov';
const NOW = '2024-06-01T12:00:00.000Z';
const DAY_MS = 86_400_000;

const daysAgo = (days: number): string => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
let counter = 0;

function email(
  direction: 'sent' | 'received',
  recipients: Partial<Record<'to' | 'cc' | 'bcc', string[]>>,
  options: { from?: string; at?: string; id?: string; subject?: string; bulk?: boolean } = {},
): Interaction {
  const from = options.from ?? (direction === 'sent' ? OWNER : PAT);
  const participants: InteractionParticipant[] = [
    { email: from, displayName: '', role: 'from' },
    ...(['to', 'cc', 'bcc'] as const).flatMap((role) => (recipients[role] ?? []).map((e) => ({ email: e, displayName: '', role }))),
  ];
  return base('email', direction, participants, options);
}

function meeting(
  people: { email: string; response?: InteractionParticipant['response'] }[],
  options: { at?: string; id?: string; subject?: string; bulk?: boolean; cancelled?: boolean } = {},
): Interaction {
  const participants = people.map(
    (p, index): InteractionParticipant => ({
      email: p.email,
      displayName: '',
      role: index === 0 ? 'organizer' : 'attendee',
      response: p.response ?? (index === 0 ? 'organizer' : 'accepted'),
    }),
  );
  return base('meeting', 'meeting', participants, options);
}

function base(
  kind: Interaction['kind'],
  direction: Interaction['direction'],
  participants: InteractionParticipant[],
  options: { at?: string; id?: string; subject?: string; bulk?: boolean; cancelled?: boolean },
): Interaction {
  counter += 1;
  return {
    id: options.id ?? `interaction-${counter}`,
    tenantId: TENANT,
    ownerKey: `${TENANT}|${OWNER}`,
    ownerEmail: OWNER,
    kind,
    at: options.at ?? NOW,
    direction,
    subject: options.subject ?? `subject ${counter}`,
    threadId: null,
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: options.bulk ?? false,
    cancelled: options.cancelled ?? false,
    source: { folder: 'inbox', graphId: `graph-${counter}` },
  };
}

const edges = (ledger: Interaction[], constants?: typeof strengthConstants): EdgeDocument[] =>
  buildEdges(TENANT, OWNER, ledger, constants ? { now: NOW, constants } : { now: NOW });
const edgeTo = (ledger: Interaction[], contact: string, constants?: typeof strengthConstants): EdgeDocument | undefined =>
  edges(ledger, constants).find((e) => e.contactEmail === contact);
const scoreOf = (ledger: Interaction[], contact = PAT): number => edgeTo(ledger, contact)?.strength.score ?? 0;
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('buildEdges', () => {
  it('scores one email the owner sent to a contact from the constants (raw 3 of saturation 40)', () => {
    const [edge] = edges([email('sent', { to: [PAT] }, { subject: 'Shelter capacity' })]);
    expect(edge).toEqual({
      id: makeEdgeId(TENANT, OWNER, PAT),
      tenantId: TENANT,
      ownerEmail: OWNER,
      contactEmail: PAT,
      strength: { score: 7, label: 'Weak', emailsSent: 1, emailsReceived: 0, meetings: 0, lastInteractionAt: NOW, firstInteractionAt: NOW, halfLifeDays: 60 },
      lastInteractions: [{ at: NOW, kind: 'email', direction: 'sent', subject: 'Shelter capacity' }],
    });
  });

  it('ranks a two-way relationship above a one-way one of the same volume, and caps one-way', () => {
    const twoWay = [...times(15, () => email('sent', { to: [PAT] })), ...times(15, () => email('received', { to: [OWNER] }, { from: PAT }))];
    const oneWay = times(30, () => email('sent', { to: [ALICE] }));
    const all = edges([...twoWay, ...oneWay]);
    const pat = all.find((e) => e.contactEmail === PAT)!;
    const alice = all.find((e) => e.contactEmail === ALICE)!;
    expect(pat.strength).toMatchObject({ score: 85, label: 'Very strong', emailsSent: 15, emailsReceived: 15 });
    expect(alice.strength).toMatchObject({ score: strengthConstants.oneWayCap, label: 'Moderate', emailsSent: 30, emailsReceived: 0 });
    expect(pat.strength.score).toBeGreaterThan(alice.strength.score);
  });

  it('counts a shared meeting as two-way: no cap', () => {
    const ledger = times(30, () => meeting([{ email: OWNER }, { email: PAT }]));
    expect(scoreOf(ledger)).toBeGreaterThan(strengthConstants.oneWayCap);
  });

  it.each<[string, Interaction, Interaction, number, number]>([
    ['sent: To beats Cc', email('sent', { to: [PAT] }), email('sent', { cc: [PAT] }), 7, 2],
    ['received: owner on To beats owner on Cc', email('received', { to: [OWNER] }), email('received', { cc: [OWNER] }), 5, 1],
    ['sent: To beats Bcc', email('sent', { to: [PAT] }), email('sent', { bcc: [PAT] }), 7, 2],
  ])('%s', (_case, stronger, weaker, strongScore, weakScore) => {
    expect(scoreOf([stronger])).toBe(strongScore);
    expect(scoreOf([weaker])).toBe(weakScore);
  });

  it('counts a contact on both To and Cc of one email once, at the To weight', () => {
    const edge = edgeTo([email('sent', { to: [PAT], cc: [PAT] })], PAT);
    expect(edge?.strength).toMatchObject({ score: 7, emailsSent: 1 });
  });

  it('weighs a one-to-one meeting above a large one', () => {
    const others = times(9, (i) => ({ email: `person${i}@health.cascadia.gov` }));
    const small = meeting([{ email: OWNER }, { email: PAT }]);
    const large = meeting([{ email: OWNER }, { email: PAT }, ...others.slice(1)]);
    expect(scoreOf([small])).toBe(10); // 4 / sqrt(1)
    expect(scoreOf([large])).toBe(3); // 4 / sqrt(9)
    expect(edgeTo([large], PAT)?.strength.meetings).toBe(1);
  });

  it('credits only the sender of a received email, not the others on it', () => {
    const all = edges([email('received', { to: [OWNER, ALICE] }, { from: PAT })]);
    expect(all.map((e) => e.contactEmail)).toEqual([PAT]);
  });

  it('never makes an edge from the owner to themselves', () => {
    const all = edges([email('sent', { to: [OWNER, PAT] }), meeting([{ email: OWNER }, { email: PAT }])]);
    expect(all.map((e) => e.contactEmail)).toEqual([PAT]);
  });

  it('ignores a received email that does not name the owner', () => {
    expect(edges([email('received', { to: [ALICE] }, { from: PAT })])).toEqual([]);
  });

  it.each<[string, Interaction]>([
    ['bulk email', email('sent', { to: [PAT] }, { bulk: true })],
    ['bulk meeting', meeting([{ email: OWNER }, { email: PAT }], { bulk: true })],
    ['cancelled meeting', meeting([{ email: OWNER }, { email: PAT }], { cancelled: true })],
    ['meeting still to come', meeting([{ email: OWNER }, { email: PAT }], { at: '2024-06-02T12:00:00.000Z' })],
    ['meeting the owner declined', meeting([{ email: PAT }, { email: OWNER, response: 'declined' }])],
  ])('ignores a %s', (_case, interaction) => {
    expect(edges([interaction])).toEqual([]);
  });

  it('gives nothing to an attendee who declined', () => {
    const all = edges([meeting([{ email: OWNER }, { email: PAT }, { email: ALICE, response: 'declined' }])]);
    expect(all.map((e) => e.contactEmail)).toEqual([PAT]);
    expect(all[0]?.strength.score).toBe(10); // the declined attendee does not make the meeting larger
  });

  it('lets old interactions count less: half after one half-life', () => {
    expect(scoreOf([email('sent', { to: [PAT] }, { at: daysAgo(0) })])).toBe(7); // raw 3
    expect(scoreOf([email('sent', { to: [PAT] }, { at: daysAgo(60) })])).toBe(4); // raw 1.5
    expect(scoreOf([email('sent', { to: [PAT] }, { at: daysAgo(120) })])).toBe(2); // raw 0.75
  });

  it('counts an interaction replayed under the same id once', () => {
    const once = email('sent', { to: [PAT] }, { id: 'same-id' });
    const replayed = { ...once, source: { folder: 'archive', graphId: 'other-graph-id' } };
    expect(edges([once, replayed])).toEqual(edges([once]));
  });

  it('keeps the newest five interactions, newest first, with their latest time', () => {
    const ledger = times(7, (i) => email(i % 2 ? 'sent' : 'received', i % 2 ? { to: [PAT] } : { to: [OWNER] }, { at: daysAgo(i), subject: `day ${i}` }));
    const edge = edgeTo([...ledger].reverse(), PAT);
    expect(edge?.lastInteractions).toHaveLength(LAST_INTERACTIONS_KEPT);
    expect(edge?.lastInteractions.map((i) => i.subject)).toEqual(['day 0', 'day 1', 'day 2', 'day 3', 'day 4']);
    expect(edge?.lastInteractions[0]).toEqual({ at: daysAgo(0), kind: 'email', direction: 'received', subject: 'day 0' });
    expect(edge?.strength.lastInteractionAt).toBe(daysAgo(0));
    expect(edge?.strength).toMatchObject({ emailsSent: 3, emailsReceived: 4 });
  });

  it('keeps every score within 0–100 with the label the constants give it', () => {
    const ledgers: Interaction[][] = [
      [],
      [email('received', { cc: [OWNER] }, { at: daysAgo(900) })],
      [email('sent', { cc: [PAT] })],
      times(5, () => email('sent', { to: [PAT] })),
      times(12, () => meeting([{ email: OWNER }, { email: PAT }])),
      [...times(200, () => email('sent', { to: [PAT] })), ...times(200, () => email('received', { to: [OWNER] }))],
    ];
    const labelFor = (score: number) => strengthConstants.labels.find((entry) => score >= entry.min)?.label;
    for (const ledger of ledgers) {
      for (const edge of edges(ledger)) {
        expect(strengthSchema.parse(edge.strength)).toEqual(edge.strength);
        expect(edge.strength.score).toBeGreaterThanOrEqual(0);
        expect(edge.strength.score).toBeLessThanOrEqual(100);
        expect(edge.strength.label).toBe(labelFor(edge.strength.score));
      }
    }
    expect(scoreOf([...times(200, () => email('sent', { to: [PAT] })), ...times(200, () => email('received', { to: [OWNER] }))])).toBe(100);
  });

  it.each([
    [0, 'None'],
    [1, 'Weak'],
    [24, 'Weak'],
    [25, 'Moderate'],
    [49, 'Moderate'],
    [50, 'Strong'],
    [74, 'Strong'],
    [75, 'Very strong'],
    [100, 'Very strong'],
  ])('labels a score of %i as %s', (score, label) => {
    expect(labelStrength(score)).toBe(label);
  });

  it('rescores from the same ledger when a constant changes', () => {
    const ledger = [email('sent', { to: [PAT] })];
    const doubled = { ...strengthConstants, sentTo: 6 };
    expect(edgeTo(ledger, PAT)?.strength.score).toBe(7);
    expect(edgeTo(ledger, PAT, doubled)?.strength.score).toBe(14); // raw 6
    const stricter: StrengthConstants = {
      ...strengthConstants,
      labels: [{ min: 10, label: 'Weak' }, { min: 0, label: 'None' }],
    };
    expect(edgeTo(ledger, PAT, stricter)?.strength.label).toBe('None');
    expect(edgeTo(ledger, PAT)?.strength.label).toBe('Weak');
  });

  it('is deterministic: the same ledger gives the same edges, sorted by contact', () => {
    const ledger = [email('sent', { to: [PAT, ALICE] }), meeting([{ email: OWNER }, { email: 'zed@transit.cascadia.gov' }])];
    const first = edges(ledger);
    expect(edges([...ledger].reverse())).toEqual(first);
    expect(first.map((e) => e.contactEmail)).toEqual([ALICE, PAT, 'zed@transit.cascadia.gov']);
  });
});

describe('buildEdges: long relationships fade slower', () => {
  it.each<[number, number]>([
    [0, 60],
    [182.5, 120],
    [365, 180],
    [2000, 180],
  ])('a relationship spanning %d days decays with a half-life of %d days', (span, halfLife) => {
    expect(computeHalfLifeDays(span)).toBeCloseTo(halfLife, 6);
  });

  it('keeps a long relationship stronger than a brief one with the same recent mail', () => {
    const recent = (contact: string) => [
      ...times(4, (i) => email('sent', { to: [contact] }, { at: daysAgo(120 + i) })),
      ...times(4, (i) => email('received', { to: [OWNER] }, { from: contact, at: daysAgo(120 + i) })),
    ];
    // The same dormant months for both; one also goes back a year before.
    const long = [...recent(PAT), email('sent', { to: [PAT] }, { at: daysAgo(490) })];
    const all = edges([...long, ...recent(ALICE)]);
    const pat = all.find((e) => e.contactEmail === PAT)!;
    const alice = all.find((e) => e.contactEmail === ALICE)!;
    expect(pat.strength.halfLifeDays).toBe(180);
    expect(alice.strength.halfLifeDays).toBe(61); // 60 + 120 × 3/365, rounded
    expect(pat.strength.firstInteractionAt).toBe(daysAgo(490));
    expect(pat.strength.score).toBeGreaterThan(alice.strength.score);
  });

  it('rescores the decay when the long half-life constant changes, from the same ledger', () => {
    const ledger = [email('sent', { to: [PAT] }, { at: daysAgo(400) }), email('received', { to: [OWNER] }, { from: PAT, at: daysAgo(30) })];
    const flat = { ...strengthConstants, longHalfLifeDays: strengthConstants.halfLifeDays };
    expect(edgeTo(ledger, PAT, flat)?.strength.halfLifeDays).toBe(60);
    expect(edgeTo(ledger, PAT)!.strength.score).toBeGreaterThan(edgeTo(ledger, PAT, flat)!.strength.score);
  });
});

describe('buildEdges: one person, several addresses', () => {
  const COUNTY = 'jmorgan@orcacounty-cascadia.gov';

  it('counts a confirmed alias for the primary person', () => {
    const ledger = [email('sent', { to: [PAT] }), email('received', { to: [OWNER] }, { from: COUNTY })];
    const merged = buildEdges(TENANT, OWNER, ledger, { now: NOW, aliases: new Map([[COUNTY, PAT]]) });
    expect(merged.map((e) => e.contactEmail)).toEqual([PAT]);
    expect(merged[0]?.strength).toMatchObject({ emailsSent: 1, emailsReceived: 1 });
  });

  it.each<[string, string, string[]]>([
    ['folds a plus-address whose base is in the ledger', 'pat.okafor+board@health.cascadia.gov', [PAT]],
    ['folds a plus-address at a provider known for it', 'pat+x@gmail.com', ['pat@gmail.com', PAT]],
    ['keeps a plus-address at an unknown domain apart', 'sam+x@driftwood.org', [PAT, 'sam+x@driftwood.org']],
  ])('%s', (_case, tagged, contacts) => {
    const ledger = [email('sent', { to: [PAT] }), email('sent', { to: [tagged] })];
    expect(edges(ledger).map((e) => e.contactEmail).sort()).toEqual([...contacts].sort());
  });
});
