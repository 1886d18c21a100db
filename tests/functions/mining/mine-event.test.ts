// One calendar event instance becomes one meeting Interaction of the calendar owner.
import type { GraphAddress, GraphEventMetadata } from '../../../functions/src/mining/graph-shapes.ts';
import { makeSeriesKey, mineEvent } from '../../../functions/src/mining/mine-event.ts';
import type { MailboxContext } from '../../../functions/src/mining/mine-message.ts';

const TENANT = 'tenant-cascadia';
const JESS = 'jess.morgan@housing.cascadia.gov';
const PAT = 'pat.okafor@health.cascadia.gov';
const ALICE = 'alice.allen@transit.cascadia.gov';
const jessCalendar: MailboxContext = { tenantId: TENANT, ownerEmail: JESS, folder: 'calendar' };
const patCalendar: MailboxContext = { tenantId: TENANT, ownerEmail: PAT, folder: 'calendar' };

type Attendee = NonNullable<GraphEventMetadata['attendees']>[number];
const address = (email: string, name = ''): GraphAddress => ({ emailAddress: { address: email, name } });
const attendee = (email: string, response: string | null, type = 'required'): Attendee => ({
  ...address(email),
  type,
  status: { response },
});

function event(overrides: Partial<GraphEventMetadata> = {}): GraphEventMetadata {
  return {
    id: 'graph-event-1',
    iCalUId: 'ical-occurrence-1',
    seriesMasterId: null,
    type: 'singleInstance',
    subject: 'Housing–Health coordination',
    organizer: address(JESS, 'Jess Morgan'),
    attendees: [attendee(JESS, 'organizer'), attendee(PAT, 'accepted'), attendee(ALICE, 'tentativelyAccepted')],
    start: { dateTime: '2024-03-04T15:00:00.0000000', timeZone: 'UTC' },
    isCancelled: false,
    ...overrides,
  };
}

describe('mineEvent', () => {
  it('turns a single meeting into a meeting interaction with the organizer first', () => {
    expect(mineEvent(event(), jessCalendar)).toEqual({
      id: expect.any(String),
      tenantId: TENANT,
      ownerKey: `${TENANT}|${JESS}`,
      ownerEmail: JESS,
      kind: 'meeting',
      at: '2024-03-04T15:00:00.000Z',
      direction: 'meeting',
      subject: 'Housing–Health coordination',
      threadId: null,
      seriesKey: null,
      meetingKey: 'ical-occurrence-1',
      participants: [
        { email: JESS, displayName: 'Jess Morgan', role: 'organizer', response: 'organizer' },
        { email: PAT, displayName: '', role: 'attendee', response: 'accepted' },
        { email: ALICE, displayName: '', role: 'attendee', response: 'tentative' },
      ],
      bulk: false,
      cancelled: false,
      source: { folder: 'calendar', graphId: 'graph-event-1' },
    });
  });

  it('skips the series master: its occurrences are the meetings', () => {
    expect(mineEvent(event({ type: 'seriesMaster' }), jessCalendar)).toBeNull();
  });

  it.each<[string, Partial<GraphEventMetadata>]>([
    ['no start', { start: null }],
    ['no organizer', { organizer: null }],
    ['an organizer without an address', { organizer: { emailAddress: { name: 'Jess' } } }],
  ])('skips an event with %s', (_case, overrides) => {
    expect(mineEvent(event(overrides), jessCalendar)).toBeNull();
  });

  it.each([
    ['2024-03-04T15:00:00.0000000', '2024-03-04T15:00:00.000Z'],
    ['2024-03-04T15:00:00', '2024-03-04T15:00:00.000Z'],
    ['2024-03-04T15:00:00Z', '2024-03-04T15:00:00.000Z'],
    ['2024-12-31T23:30:00.0000000', '2024-12-31T23:30:00.000Z'],
  ])('reads the start %s (UTC, with or without Z) as %s', (dateTime, at) => {
    expect(mineEvent(event({ start: { dateTime, timeZone: 'UTC' } }), jessCalendar)?.at).toBe(at);
  });

  it.each<[string | null, string]>([
    ['accepted', 'accepted'],
    ['tentativelyAccepted', 'tentative'],
    ['declined', 'declined'],
    ['organizer', 'organizer'],
    ['notResponded', 'none'],
    ['none', 'none'],
    [null, 'none'],
  ])('maps the Graph response %s to %s', (graphResponse, response) => {
    const mined = mineEvent(event({ attendees: [attendee(PAT, graphResponse)] }), jessCalendar);
    expect(mined?.participants.find((p) => p.email === PAT)?.response).toBe(response);
  });

  it('leaves out rooms and equipment', () => {
    const mined = mineEvent(
      event({ attendees: [attendee(PAT, 'accepted'), attendee('room-4b@cascadia.gov', 'accepted', 'resource')] }),
      jessCalendar,
    );
    expect(mined?.participants.map((p) => p.email)).toEqual([JESS, PAT]);
  });

  it('lists the organizer once even when Graph also lists them as an attendee', () => {
    const mined = mineEvent(event({ attendees: [attendee('Jess.Morgan@housing.cascadia.gov', 'none'), attendee(PAT, 'accepted')] }), jessCalendar);
    expect(mined?.participants.filter((p) => p.email === JESS)).toEqual([
      { email: JESS, displayName: 'Jess Morgan', role: 'organizer', response: 'organizer' },
    ]);
  });

  it('flags a cancelled meeting', () => {
    expect(mineEvent(event({ isCancelled: true }), jessCalendar)?.cancelled).toBe(true);
  });

  it('flags a meeting that invites a mailing list as bulk', () => {
    expect(mineEvent(event({ attendees: [attendee('housing-partners@lists.cascadia.gov', null)] }), jessCalendar)?.bulk).toBe(true);
  });

  describe('recurring series', () => {
    // The organizer's and an attendee's copy of one occurrence: different Graph ids and seriesMasterIds.
    const jessCopy = event({ id: 'jess-graph-occ-1', seriesMasterId: 'jess-master', type: 'occurrence', iCalUId: 'ical-occ-1' });
    const patCopy = event({ id: 'pat-graph-occ-1', seriesMasterId: 'pat-master', type: 'occurrence', iCalUId: 'ical-occ-1' });

    it('gives both attendees\' copies the same series key and meeting key', () => {
      const a = mineEvent(jessCopy, jessCalendar);
      const b = mineEvent(patCopy, patCalendar);
      expect(a?.seriesKey).not.toBeNull();
      expect(a?.seriesKey).toBe(b?.seriesKey);
      expect(a?.meetingKey).toBe('ical-occ-1');
      expect(b?.meetingKey).toBe('ical-occ-1');
      expect(a?.id).not.toBe(b?.id);
    });

    it('derives the series key from organizer and subject, ignoring case and spacing', () => {
      const mined = mineEvent(jessCopy, jessCalendar);
      expect(mined?.seriesKey).toBe(makeSeriesKey(TENANT, JESS, 'Housing–Health coordination'));
      expect(makeSeriesKey(TENANT, 'JESS.MORGAN@housing.cascadia.gov', '  housing–health   COORDINATION ')).toBe(mined?.seriesKey);
    });

    it('gives an exception of the series the series key too', () => {
      expect(mineEvent({ ...jessCopy, type: 'exception' }, jessCalendar)?.seriesKey).toBe(mineEvent(jessCopy, jessCalendar)?.seriesKey);
    });

    it('gives different series different keys', () => {
      const other = mineEvent({ ...jessCopy, subject: 'Transit sync' }, jessCalendar);
      expect(other?.seriesKey).not.toBe(mineEvent(jessCopy, jessCalendar)?.seriesKey);
      expect(makeSeriesKey(TENANT, PAT, 'Housing–Health coordination')).not.toBe(mineEvent(jessCopy, jessCalendar)?.seriesKey);
    });

    it('gives a single meeting no series key even with a seriesMasterId', () => {
      expect(mineEvent(event({ seriesMasterId: 'jess-master', type: 'singleInstance' }), jessCalendar)?.seriesKey).toBeNull();
    });

    it('keeps one id per owner and iCalUId, whatever the Graph id', () => {
      expect(mineEvent({ ...jessCopy, id: 'another-graph-id' }, jessCalendar)?.id).toBe(mineEvent(jessCopy, jessCalendar)?.id);
      expect(mineEvent({ ...jessCopy, iCalUId: 'ical-occ-2' }, jessCalendar)?.id).not.toBe(mineEvent(jessCopy, jessCalendar)?.id);
    });
  });

  it('falls back to the Graph id when there is no iCalUId', () => {
    const mined = mineEvent(event({ iCalUId: null }), jessCalendar);
    expect(mined?.meetingKey).toBeNull();
    expect(mined?.id).not.toBe(mineEvent(event({ iCalUId: null, id: 'graph-event-2' }), jessCalendar)?.id);
  });
});
