// How the ledger places interactions into buckets: by week for email, by month for meetings;
// replays change nothing; a rescheduled meeting stays one interaction.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { emptyBucket, periodOf, placeInBuckets } from '../../../functions/src/store/interaction-buckets.ts';

const OWNER_KEY = 't1|dana@housing.example.gov';

function interaction(id: string, kind: Interaction['kind'], at: string, subject = 'Agenda'): Interaction {
  return {
    id,
    tenantId: 't1',
    ownerKey: OWNER_KEY,
    ownerEmail: 'dana@housing.example.gov',
    kind,
    at,
    direction: kind === 'meeting' ? 'meeting' : 'sent',
    subject,
    threadId: null,
    seriesKey: null,
    meetingKey: null,
    participants: [],
    bulk: false,
    cancelled: false,
    source: { folder: kind === 'meeting' ? 'calendar' : 'mail:inbox', graphId: `g-${id}` },
  };
}

describe('periodOf', () => {
  it.each([
    ['email on a Wednesday', interaction('a', 'email', '2026-11-18T10:00:00Z'), '2026-11-16'],
    ['email on a Monday at midnight', interaction('a', 'email', '2026-11-16T00:00:00Z'), '2026-11-16'],
    ['email on a Sunday night', interaction('a', 'email', '2026-11-22T23:59:59Z'), '2026-11-16'],
    ['email across a year end', interaction('a', 'email', '2027-01-01T12:00:00Z'), '2026-12-28'],
    ['meeting', interaction('a', 'meeting', '2026-11-18T10:00:00Z'), '2026-11-01'],
  ])('%s', (_name, item, period) => {
    expect(periodOf(item)).toBe(period);
  });
});

describe('placeInBuckets', () => {
  it('groups a page into one bucket per week and kind', () => {
    const changed = placeInBuckets([], [
      interaction('a', 'email', '2026-11-16T09:00:00Z'),
      interaction('b', 'email', '2026-11-20T09:00:00Z'),
      interaction('c', 'email', '2026-11-23T09:00:00Z'),
      interaction('d', 'meeting', '2026-11-23T09:00:00Z'),
    ]);
    expect(changed.map((b) => [b.kind, b.period, Object.keys(b.items).sort()])).toEqual([
      ['email', '2026-11-16', ['a', 'b']],
      ['email', '2026-11-23', ['c']],
      ['meeting', '2026-11-01', ['d']],
    ]);
  });

  it('changes nothing when the same page is applied again', () => {
    const page = [interaction('a', 'email', '2026-11-16T09:00:00Z'), interaction('b', 'email', '2026-11-17T09:00:00Z')];
    const first = placeInBuckets([], page);
    expect(placeInBuckets(first, page)).toEqual([]);
  });

  it('updates an item that changed, in place', () => {
    const [bucket] = placeInBuckets([], [interaction('a', 'email', '2026-11-16T09:00:00Z', 'Draft agenda')]);
    const [updated] = placeInBuckets([bucket!], [interaction('a', 'email', '2026-11-16T09:00:00Z', 'Final agenda')]);
    expect(Object.values(updated!.items).map((i) => i.subject)).toEqual(['Final agenda']);
  });

  it('moves a meeting rescheduled into another month out of its old bucket', () => {
    const [october] = placeInBuckets([], [interaction('m', 'meeting', '2026-10-30T15:00:00Z')]);
    const changed = placeInBuckets([october!], [interaction('m', 'meeting', '2026-11-02T15:00:00Z')]);
    const all = changed.flatMap((b) => Object.keys(b.items).map((id) => `${b.period}:${id}`));
    expect(all).toEqual(['2026-11-01:m']);
    expect(changed.find((b) => b.id === october!.id)?.items).toEqual({});
  });

  it('keeps the bucket identity stable', () => {
    const item = interaction('a', 'email', '2026-11-18T10:00:00Z');
    expect(emptyBucket(item).id).toBe(emptyBucket({ ...item, id: 'other' }).id);
  });
});
