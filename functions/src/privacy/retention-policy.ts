// How long interaction metadata (the ledger) is kept: CROSSWALK_RETENTION_DAYS, 730 by default,
// 0 for no limit. Cosmos DB deletes expired ledger buckets itself (per-document `ttl` on a
// container with TTL on); aggregates (edges, people, groups) carry no ttl and stay.

export interface RetentionPolicy {
  /** Days after the end of a bucket's period until it expires; 0 keeps it for ever. */
  days: number;
  /** Milliseconds since the epoch, now: ttl counts from the document's last write. */
  now: () => number;
}

export const DEFAULT_RETENTION_DAYS = 730;
const DAY_MS = 86_400_000;

export function readRetentionPolicy(env: Record<string, string | undefined> = process.env): RetentionPolicy {
  const raw = env.CROSSWALK_RETENTION_DAYS?.trim();
  const days = raw ? Number(raw) : DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 0) throw new Error('Setting CROSSWALK_RETENTION_DAYS must be a whole number of days (0 = keep for ever)');
  return { days, now: Date.now };
}

/**
 * Seconds from now until a ledger bucket covering [periodStart, periodEnd) must be gone, as Cosmos
 * wants it in `ttl`: counted from the write, at least 1 (expire at once: the period is already
 * past retention), or -1 (never) when there is no limit.
 */
export function computeTtlSeconds(options: { periodEnd: Date; policy: RetentionPolicy }): number {
  const { periodEnd, policy } = options;
  if (policy.days === 0) return -1;
  const expiresAt = periodEnd.getTime() + policy.days * DAY_MS;
  return Math.max(1, Math.ceil((expiresAt - policy.now()) / 1000));
}
