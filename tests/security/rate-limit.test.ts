// Rate limits: per-user and per-tenant token buckets, 429 with Retry-After and the error body;
// routes without sign-in (health, Graph's webhooks) are never limited; requests with a bad or
// missing token are limited per client address and never touch a user's allowance.
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
  expect(readRateLimitConfig({})).toEqual({ userPerMinute: 600, tenantPerMinute: 6000, badTokenPerAddressPerMinute: 60 });
  expect(
    readRateLimitConfig({
      CROSSWALK_RATE_LIMIT_USER_PER_MINUTE: '0',
      CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE: '50',
      CROSSWALK_RATE_LIMIT_BAD_TOKEN_PER_MINUTE: '5',
    }),
  ).toEqual({ userPerMinute: 0, tenantPerMinute: 50, badTokenPerAddressPerMinute: 5 });
  expect(() => readRateLimitConfig({ CROSSWALK_RATE_LIMIT_USER_PER_MINUTE: 'lots' })).toThrow(/CROSSWALK_RATE_LIMIT_USER_PER_MINUTE/);
  expect(() => readRateLimitConfig({ CROSSWALK_RATE_LIMIT_BAD_TOKEN_PER_MINUTE: '-1' })).toThrow(/CROSSWALK_RATE_LIMIT_BAD_TOKEN_PER_MINUTE/);
});

it('lets a user burst to the limit, then refuses with the wait until one more request fits', () => {
  let now = 0;
  const limiter = createRateLimiter({ config: { userPerMinute: 3, tenantPerMinute: 0, badTokenPerAddressPerMinute: 0 }, now: () => now });
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
  const limiter = createRateLimiter({ config: { userPerMinute: 2, tenantPerMinute: 3, badTokenPerAddressPerMinute: 0 }, now: () => now });
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
    rateLimiter: createRateLimiter({ config: { userPerMinute: 1, tenantPerMinute: 0, badTokenPerAddressPerMinute: 0 }, now: () => 0 }),
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

describe('requests with a bad or missing token', () => {
  const readMyPrivacy = routeTable.find((entry) => entry.route.name === 'readMyPrivacy')!;
  const dana = identity('t1', 'dana');
  // A verifier like the real one: only "Bearer valid" proves who is calling.
  const verifyAccessToken = async (authorization: string | undefined) => {
    if (authorization === 'Bearer valid') return dana;
    throw new AppError('unauthenticated', authorization ? 'token signature is invalid' : 'sign-in required');
  };
  const servicesWith = (now: () => number): ApiServices => ({
    repositories: { privacy: { readOptOut: async () => null } } as unknown as Repositories,
    verifyAccessToken,
    rateLimiter: createRateLimiter({ config: { userPerMinute: 3, tenantPerMinute: 0, badTokenPerAddressPerMinute: 4 }, now }),
  });
  const from = (clientAddress: string | undefined, authorization: string | undefined) => ({ authorization, clientAddress, body: null, params: {} });

  it('answers 401 up to the address’s allowance, then 429 with Retry-After, missing and forged tokens alike', async () => {
    let now = 0;
    const services = servicesWith(() => now);
    const statuses = [];
    for (const authorization of [undefined, 'Bearer forged', undefined, 'Bearer forged', 'Bearer forged']) {
      statuses.push((await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', authorization))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', 'Bearer forged'));
    expect(refused.headers['retry-after']).toBe('15');
    expect(refused.body).toEqual({ error: { code: 'rate-limited', message: expect.stringMatching(/without a valid sign-in/) } });
    // Another address is not affected; the first one recovers as its bucket refills.
    expect((await handleApiRequest(services, readMyPrivacy, from('198.51.100.20', 'Bearer forged'))).status).toBe(401);
    now += 15_000;
    expect((await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', 'Bearer forged'))).status).toBe(401);
  });

  it('never spends the user’s own allowance, and never refuses a valid token from a flooding address', async () => {
    const services = servicesWith(() => 0);
    // Someone behind the same agency NAT guesses tokens in Dana's name until refused.
    for (let i = 0; i < 10; i += 1) await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', 'Bearer forged-for-dana'));
    expect((await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', 'Bearer forged-for-dana'))).status).toBe(429);
    // Dana, from that same address, still has all three of her requests.
    const dana = [];
    for (let i = 0; i < 4; i += 1) dana.push((await handleApiRequest(services, readMyPrivacy, from('203.0.113.7', 'Bearer valid'))).status);
    expect(dana).toEqual([200, 200, 200, 429]);
  });

  it('counts an IPv6 client by its /64, so cycling addresses within one block gains nothing', async () => {
    const services = servicesWith(() => 0);
    const statuses = [];
    for (let i = 1; i <= 5; i += 1) statuses.push((await handleApiRequest(services, readMyPrivacy, from(`2001:db8:1:2::${i}`, undefined))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await handleApiRequest(services, readMyPrivacy, from('2001:db8:1:3::1', undefined))).status).toBe(401);
  });
});
