// Rate limits: per-user and per-tenant token buckets, 429 with Retry-After and the error body;
// routes without sign-in (health, Graph's webhooks) are never limited.
import type { CallerIdentity } from '../../functions/src/auth/caller-identity.ts';
import type { ApiServices } from '../../functions/src/api/api-services.ts';
import { handleApiRequest } from '../../functions/src/http/handle-api-request.ts';
import { createRateLimiter, readRateLimitConfig } from '../../functions/src/http/rate-limit.ts';
import { routeTable } from '../../functions/src/http/route-table.ts';
import { AppError } from '../../functions/src/errors/app-error.ts';
import type { Repositories } from '../../functions/src/store/repositories.ts';

const identity = (tenantId: string, objectId: string): CallerIdentity => ({
  tenantId,
  objectId,
  userPrincipalName: `${objectId}@example.gov`,
  name: null,
  scopes: [],
  roles: ['Crosswalk.Admin'],
});

function refusal(admit: () => void): AppError | null {
  try {
    admit();
    return null;
  } catch (error) {
    return error as AppError;
  }
}

it('reads its limits from the environment, generous by default, refusing nonsense', () => {
  expect(readRateLimitConfig({})).toEqual({ userPerMinute: 600, tenantPerMinute: 6000 });
  expect(readRateLimitConfig({ CROSSWALK_RATE_LIMIT_USER_PER_MINUTE: '0', CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE: '50' })).toEqual({ userPerMinute: 0, tenantPerMinute: 50 });
  expect(() => readRateLimitConfig({ CROSSWALK_RATE_LIMIT_USER_PER_MINUTE: 'lots' })).toThrow(/CROSSWALK_RATE_LIMIT_USER_PER_MINUTE/);
});

it('lets a user burst to the limit, then refuses with the wait until one more request fits', () => {
  let now = 0;
  const limiter = createRateLimiter({ config: { userPerMinute: 3, tenantPerMinute: 0 }, now: () => now });
  const dana = identity('t1', 'dana');
  for (let i = 0; i < 3; i += 1) expect(refusal(() => limiter.admit(dana))).toBeNull();
  const refused = refusal(() => limiter.admit(dana));
  expect(refused?.code).toBe('rate-limited');
  expect(refused?.retryAfterSeconds).toBe(20);
  // Another user is not affected.
  expect(refusal(() => limiter.admit(identity('t1', 'jess')))).toBeNull();
  now += 20_000;
  expect(refusal(() => limiter.admit(dana))).toBeNull();
  expect(refusal(() => limiter.admit(dana))?.code).toBe('rate-limited');
});

it('limits a tenant across its users, without charging users for refused requests', () => {
  let now = 0;
  const limiter = createRateLimiter({ config: { userPerMinute: 2, tenantPerMinute: 3 }, now: () => now });
  expect(refusal(() => limiter.admit(identity('t1', 'a')))).toBeNull();
  expect(refusal(() => limiter.admit(identity('t1', 'b')))).toBeNull();
  expect(refusal(() => limiter.admit(identity('t1', 'c')))).toBeNull();
  const refused = refusal(() => limiter.admit(identity('t1', 'd')));
  expect(refused?.message).toMatch(/your organization/);
  expect(refused?.retryAfterSeconds).toBe(20);
  expect(refusal(() => limiter.admit(identity('t2', 'a')))).toBeNull();
  now += 20_000;
  // d was refused, so d still has both of its own tokens.
  expect(refusal(() => limiter.admit(identity('t1', 'd')))).toBeNull();
});

describe('on the API', () => {
  const readMyPrivacy = routeTable.find((entry) => entry.route.name === 'readMyPrivacy')!;
  const health = routeTable.find((entry) => entry.route.name === 'health')!;
  const services: ApiServices = {
    repositories: { privacy: { readOptOut: async () => null } } as unknown as Repositories,
    verifyAccessToken: async () => identity('t1', 'dana'),
    rateLimiter: createRateLimiter({ config: { userPerMinute: 1, tenantPerMinute: 0 }, now: () => 0 }),
  };
  const request = { authorization: 'Bearer x', body: null, params: {} };

  it('answers 429 with Retry-After and the error body once the limit is reached', async () => {
    expect((await handleApiRequest(services, readMyPrivacy, request)).status).toBe(200);
    const refused = await handleApiRequest(services, readMyPrivacy, request);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toEqual({ error: { code: 'rate-limited', message: expect.stringMatching(/too many requests/) } });
  });

  it('never limits the health route', async () => {
    for (let i = 0; i < 5; i += 1) expect((await handleApiRequest(services, health, { authorization: undefined, body: null, params: {} })).status).toBe(200);
  });
});
