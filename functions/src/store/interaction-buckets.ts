// How the interaction ledger is laid out: interactions are stored in buckets, one document per
// owner, kind and period (an ISO week for email, a month for meetings), so a page of 200
// messages costs a few writes instead of 200. Pure.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { computeTtlSeconds, readRetentionPolicy, type RetentionPolicy } from '../privacy/retention-policy.ts';

export interface InteractionBucket {
  id: string;
  tenantId: string;
  ownerKey: string;
  docType: 'interaction-bucket';
  kind: Interaction['kind'];
  /** Start of the period: the Monday of the week (email) or the first of the month (meetings). */
  period: string;
  /** Interactions by id. */
  items: Record<string, Interaction>;
  /** Seconds until Cosmos deletes the bucket (retention, docs/PRIVACY.md); set on every write. */
  ttl?: number;
}

const DAY_MS = 86_400_000;

export function periodOf(interaction: Pick<Interaction, 'kind' | 'at'>): string {
  const at = new Date(interaction.at);
  if (interaction.kind === 'meeting') return `${at.toISOString().slice(0, 7)}-01`;
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export function makeBucketId(ownerKey: string, kind: Interaction['kind'], period: string): string {
  return makeStableId(ownerKey, 'bucket', kind, period);
}

export function emptyBucket(interaction: Interaction): InteractionBucket {
  const period = periodOf(interaction);
  return {
    id: makeBucketId(interaction.ownerKey, interaction.kind, period),
    tenantId: interaction.tenantId,
    ownerKey: interaction.ownerKey,
    docType: 'interaction-bucket',
    kind: interaction.kind,
    period,
    items: {},
  };
}

/**
 * Places interactions into buckets. A meeting that moved to another month is taken out of its
 * old bucket, so a rescheduled meeting is still one interaction. Returns only the buckets that changed,
 * each with its retention ttl counted from now (the write).
 */
export function placeInBuckets(
  existing: readonly InteractionBucket[],
  interactions: readonly Interaction[],
  retention: RetentionPolicy = readRetentionPolicy(),
): InteractionBucket[] {
  const buckets = new Map(existing.map((bucket) => [bucket.id, { ...bucket, items: { ...bucket.items } }]));
  const changed = new Set<string>();
  for (const interaction of interactions) {
    const target = emptyBucket(interaction);
    for (const bucket of buckets.values()) {
      if (bucket.id !== target.id && bucket.kind === interaction.kind && interaction.id in bucket.items) {
        delete bucket.items[interaction.id];
        changed.add(bucket.id);
      }
    }
    const bucket = buckets.get(target.id) ?? target;
    buckets.set(bucket.id, bucket);
    if (JSON.stringify(bucket.items[interaction.id]) !== JSON.stringify(interaction)) {
      bucket.items[interaction.id] = interaction;
      changed.add(bucket.id);
    }
  }
  return [...changed].map((id) => withTtl(buckets.get(id)!, retention));
}

/** The end of a bucket's period: a week after its Monday (email), the first of the next month (meetings). */
export function periodEndOf(bucket: Pick<InteractionBucket, 'kind' | 'period'>): Date {
  const start = new Date(`${bucket.period}T00:00:00Z`);
  if (bucket.kind === 'meeting') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + 7 * DAY_MS);
}

/** Retention: a bucket expires the configured period after its last interaction could be. */
function withTtl(bucket: InteractionBucket, retention: RetentionPolicy): InteractionBucket {
  return { ...bucket, ttl: computeTtlSeconds({ periodEnd: periodEndOf(bucket), policy: retention }) };
}
