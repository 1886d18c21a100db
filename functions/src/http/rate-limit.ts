// Rate limits on the API, per user and per tenant, so one caller (or one tenant's script) cannot
// starve the others. In-process token buckets: each Functions instance counts on its own, so in
// Azure the real limit is this times the instance count. A distributed limiter in front of the
// app (API Management's rate-limit-by-key) is the production answer; this one keeps a single
// instance, and the local stack, honest. Requests whose token is refused (missing, expired,
// forged) are limited per client address instead: they prove no identity, so they never touch
// a user's or tenant's allowance, and guessing tokens from one address is slowed to a trickle.
import type { CallerIdentity } from '../auth/caller-identity.ts';
import { AppError } from '../errors/app-error.ts';
import { rateLimitKeyOf } from './client-address.ts';
import { createTokenBuckets } from './rate-limiter-token-bucket.ts';

export interface RateLimitConfig {
  /** Requests per minute per signed-in user (tenant and object id); 0 turns the limit off. */
  userPerMinute: number;
  /** Requests per minute for a whole tenant; 0 turns the limit off. */
  tenantPerMinute: number;
  /** Requests with a bad or missing token per minute per client address; 0 turns the limit off. */
  badTokenPerAddressPerMinute: number;
}

export interface RateLimiter {
  /** Counts one request of `identity`, or throws a rate-limited AppError with Retry-After. */
  admit(identity: CallerIdentity): void;
  /**
   * Counts one request whose token was refused, against the client's address (client-address.ts);
   * once the address has used its allowance, throws rate-limited (429) instead of letting it
   * hear 401 again. Requests with a valid token are never counted here: colleagues behind one
   * agency NAT are not locked out by someone guessing tokens from it.
   */
  admitBadToken(clientAddress: string | undefined): void;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { userPerMinute: 600, tenantPerMinute: 6000, badTokenPerAddressPerMinute: 60 };
const WINDOW_MS = 60_000;

function readLimit(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Setting ${name} must be a whole number of requests per minute (0 = no limit)`);
  return parsed;
}

/** CROSSWALK_RATE_LIMIT_USER_PER_MINUTE, _TENANT_PER_MINUTE and _BAD_TOKEN_PER_MINUTE (per address), with generous defaults. */
export function readRateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return {
    userPerMinute: readLimit(env.CROSSWALK_RATE_LIMIT_USER_PER_MINUTE, DEFAULT_RATE_LIMITS.userPerMinute, 'CROSSWALK_RATE_LIMIT_USER_PER_MINUTE'),
    tenantPerMinute: readLimit(env.CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE, DEFAULT_RATE_LIMITS.tenantPerMinute, 'CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE'),
    badTokenPerAddressPerMinute: readLimit(
      env.CROSSWALK_RATE_LIMIT_BAD_TOKEN_PER_MINUTE,
      DEFAULT_RATE_LIMITS.badTokenPerAddressPerMinute,
      'CROSSWALK_RATE_LIMIT_BAD_TOKEN_PER_MINUTE',
    ),
  };
}

export function createRateLimiter(options: { config: RateLimitConfig; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const { userPerMinute, tenantPerMinute, badTokenPerAddressPerMinute } = options.config;
  const users = userPerMinute > 0 ? createTokenBuckets({ capacity: userPerMinute, windowMs: WINDOW_MS, now }) : null;
  const tenants = tenantPerMinute > 0 ? createTokenBuckets({ capacity: tenantPerMinute, windowMs: WINDOW_MS, now }) : null;
  const addresses = badTokenPerAddressPerMinute > 0 ? createTokenBuckets({ capacity: badTokenPerAddressPerMinute, windowMs: WINDOW_MS, now }) : null;
  return {
    admit(identity) {
      const userKey = `${identity.tenantId}|${identity.objectId}`;
      // Both are checked before either is charged: a refused request costs the caller nothing.
      const userWait = users?.waitMs(userKey) ?? 0;
      const tenantWait = tenants?.waitMs(identity.tenantId) ?? 0;
      const wait = Math.max(userWait, tenantWait);
      if (wait > 0) {
        const scope = userWait >= tenantWait ? 'you have' : 'your organization has';
        throw new AppError('rate-limited', `${scope} sent too many requests; try again in a moment`, {
          retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
        });
      }
      users?.take(userKey);
      tenants?.take(identity.tenantId);
    },
    admitBadToken(clientAddress) {
      if (!addresses) return;
      // Without a known address (a host that passes none) the refused requests share one allowance:
      // only requests that are refused anyway can be slowed by it.
      const key = rateLimitKeyOf(clientAddress);
      const wait = addresses.waitMs(key);
      if (wait > 0) {
        throw new AppError('rate-limited', 'too many requests without a valid sign-in from your network; try again in a moment', {
          retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
        });
      }
      addresses.take(key);
    },
  };
}

const limiterByServices = new WeakMap<object, RateLimiter>();

/**
 * The limiter of one running API (one set of services): the configured one when services bring
 * it, else one made from the environment on first use. Keyed by the services object so two
 * local hosts in one process (tests) never share counts.
 */
export function findRateLimiter(services: { rateLimiter?: RateLimiter }): RateLimiter {
  if (services.rateLimiter) return services.rateLimiter;
  let limiter = limiterByServices.get(services);
  if (!limiter) {
    limiter = createRateLimiter({ config: readRateLimitConfig() });
    limiterByServices.set(services, limiter);
  }
  return limiter;
}
