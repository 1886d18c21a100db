// Token buckets keyed by a string (a user, a tenant): each key holds up to `capacity` tokens and
// regains `capacity` per `windowMs`, continuously, so a burst is allowed and a steady flood is not.
// In-process and bounded: the map forgets idle keys (a full bucket carries no information).

export interface TokenBucketOptions {
  /** Requests a key may make in one window (also the burst size). */
  capacity: number;
  windowMs: number;
  now: () => number;
  /** How many keys to remember before idle ones are dropped; protects memory from key floods. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface TokenBuckets {
  /** Milliseconds until `key` has a whole token again; 0 when it has one now. Takes nothing. */
  waitMs(key: string): number;
  /** Takes one token from `key` (call only after waitMs said 0). */
  take(key: string): void;
}

const DEFAULT_MAX_KEYS = 100_000;

export function createTokenBuckets(options: TokenBucketOptions): TokenBuckets {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = options.capacity / options.windowMs;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;

  function refill(key: string): Bucket {
    const now = options.now();
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: options.capacity, updatedAt: now };
    bucket.tokens = Math.min(options.capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  function forgetIdleKeys(): void {
    // Full buckets are indistinguishable from new ones: dropping them loses nothing.
    for (const [key, bucket] of buckets) {
      if (Math.min(options.capacity, bucket.tokens + (options.now() - bucket.updatedAt) * refillPerMs) >= options.capacity) buckets.delete(key);
    }
    // Still too many (a flood of distinct keys): drop the oldest, which Map iterates first.
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    waitMs(key) {
      const bucket = refill(key);
      return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / refillPerMs);
    },
    take(key) {
      const bucket = refill(key);
      if (!buckets.has(key)) {
        if (buckets.size >= maxKeys) forgetIdleKeys();
        buckets.set(key, bucket);
      }
      bucket.tokens -= 1;
    },
  };
}
