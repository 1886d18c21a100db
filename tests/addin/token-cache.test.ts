// JWT expiry decoding and the token cache: reuse until 60 s before exp, one request at a time.
import { decodeJwtExpiry } from '../../addin/src/auth/decode-jwt-expiry.ts';
import { computeRenewAt, createTokenCache, TOKEN_RENEWAL_MARGIN_MS } from '../../addin/src/auth/token-cache.ts';
import { makeFakeJwt } from './fixtures/fake-api-server.ts';

describe('decodeJwtExpiry', () => {
  const withClaims = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
  it.each([
    { name: 'exp in seconds → milliseconds', token: makeFakeJwt({ exp: 1_800_000_000 }), expected: 1_800_000_000_000 },
    { name: 'payload needing base64url padding and characters', token: withClaims({ exp: 1_700_000_123, name: 'Jéss ~~~???' }), expected: 1_700_000_123_000 },
    { name: 'no exp claim', token: withClaims({ sub: 'x' }), expected: null },
    { name: 'exp not a number', token: withClaims({ exp: '1700000000' }), expected: null },
    { name: 'not a JWT', token: 'opaque-token', expected: null },
    { name: 'payload not JSON', token: 'a.bm90IGpzb24.c', expected: null },
  ])('$name', ({ token, expected }) => {
    expect(decodeJwtExpiry(token)).toBe(expected);
  });
});

describe('computeRenewAt', () => {
  it('is 60 s before exp, and 0 (use once) without exp', () => {
    expect(computeRenewAt(makeFakeJwt({ exp: 2_000 }))).toBe(2_000_000 - TOKEN_RENEWAL_MARGIN_MS);
    expect(computeRenewAt('opaque')).toBe(0);
  });
});

describe('createTokenCache', () => {
  const expSeconds = 10_000;
  const renewAt = expSeconds * 1000 - 60_000;

  it.each([
    { name: 'well before expiry → cached', secondCallAt: renewAt - 1, fetches: 1 },
    { name: 'exactly at the renewal point → fetched again', secondCallAt: renewAt, fetches: 2 },
    { name: 'inside the last minute → fetched again', secondCallAt: renewAt + 30_000, fetches: 2 },
    { name: 'after expiry → fetched again', secondCallAt: expSeconds * 1000 + 1, fetches: 2 },
  ])('$name', async ({ secondCallAt, fetches }) => {
    let clock = 0;
    const fetchToken = vi.fn(async () => makeFakeJwt({ exp: expSeconds, sub: `call-${fetchToken.mock.calls.length}` }));
    const cache = createTokenCache({ fetchToken, now: () => clock });
    const first = await cache.getToken();
    clock = secondCallAt;
    const second = await cache.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(fetches);
    expect(second === first).toBe(fetches === 1);
  });

  it('shares one request between concurrent callers', async () => {
    let release!: (token: string) => void;
    const fetchToken = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const cache = createTokenCache({ fetchToken, now: () => 0 });
    const calls = [cache.getToken(), cache.getToken(), cache.getToken()];
    release(makeFakeJwt({ exp: 10_000 }));
    const tokens = await Promise.all(calls);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('does not cache a failure, and clear() forces a new token', async () => {
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('issuer down'))
      .mockResolvedValue(makeFakeJwt({ exp: 10_000 }));
    const cache = createTokenCache({ fetchToken, now: () => 0 });
    await expect(cache.getToken()).rejects.toThrow('issuer down');
    await cache.getToken();
    cache.clear();
    await cache.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });
});
