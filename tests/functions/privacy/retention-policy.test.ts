// Retention: ledger buckets expire the configured number of days after their period ends.
import { computeTtlSeconds, readRetentionPolicy } from '../../../functions/src/privacy/retention-policy.ts';
import { periodEndOf, placeInBuckets } from '../../../functions/src/store/interaction-buckets.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';

const DAY = 86_400;
const NOW = Date.parse('2026-03-01T00:00:00Z');

it('reads CROSSWALK_RETENTION_DAYS, 730 by default, 0 for no limit, refusing nonsense', () => {
  expect(readRetentionPolicy({}).days).toBe(730);
  expect(readRetentionPolicy({ CROSSWALK_RETENTION_DAYS: '90' }).days).toBe(90);
  expect(readRetentionPolicy({ CROSSWALK_RETENTION_DAYS: '0' }).days).toBe(0);
  expect(() => readRetentionPolicy({ CROSSWALK_RETENTION_DAYS: '-3' })).toThrow(/CROSSWALK_RETENTION_DAYS/);
  expect(() => readRetentionPolicy({ CROSSWALK_RETENTION_DAYS: 'two years' })).toThrow(/CROSSWALK_RETENTION_DAYS/);
});

it('counts from now to the end of the period plus retention; a period already past retention expires at once', () => {
  const policy = { days: 30, now: () => NOW };
  expect(computeTtlSeconds({ periodEnd: new Date(NOW), policy })).toBe(30 * DAY);
  expect(computeTtlSeconds({ periodEnd: new Date(NOW - 10 * DAY * 1000), policy })).toBe(20 * DAY);
  expect(computeTtlSeconds({ periodEnd: new Date(NOW - 400 * DAY * 1000), policy })).toBe(1);
  expect(computeTtlSeconds({ periodEnd: new Date(NOW), policy: { days: 0, now: () => NOW } })).toBe(-1);
});

it('ends a week bucket seven days after its Monday and a month bucket on the first of the next month', () => {
  expect(periodEndOf({ kind: 'email', period: '2026-02-23' }).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  expect(periodEndOf({ kind: 'meeting', period: '2026-12-01' }).toISOString()).toBe('2027-01-01T00:00:00.000Z');
});

it('puts the ttl on every bucket it changes', () => {
  const interaction = {
    id: 'a',
    tenantId: 't',
    ownerKey: 't|o@example.gov',
    ownerEmail: 'o@example.gov',
    kind: 'email',
    at: '2026-02-25T10:00:00Z',
    participants: [],
  } as unknown as Interaction;
  const [bucket] = placeInBuckets([], [interaction], { days: 30, now: () => NOW });
  expect(bucket!.ttl).toBe(30 * DAY + 1 * DAY);
});
