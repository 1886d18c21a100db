// The Cosmos stand-in's key check: a request is served only when signed with the account key
// (master-key HMAC over verb, resource type, resource id and date), recently, as Cosmos DB does.
import { randomBytes } from 'node:crypto';
import { describeResource, isSignedWithKey, signCosmosRequest } from '../../dev/cosmos-key-check.ts';

describe('describeResource', () => {
  it.each([
    ['/', '', ''],
    ['/dbs', 'dbs', ''],
    ['/dbs/crosswalk', 'dbs', 'dbs/crosswalk'],
    ['/dbs/crosswalk/colls/people/docs', 'docs', 'dbs/crosswalk/colls/people'],
    ['/dbs/crosswalk/colls/people/docs/abc%20d', 'docs', 'dbs/crosswalk/colls/people/docs/abc d'],
    ['/dbs/crosswalk/colls/people/pkranges', 'pkranges', 'dbs/crosswalk/colls/people'],
    ['/offers/AbC', 'offers', 'offers/abc'],
  ])('%s is %j under %j', (path, resourceType, resourceId) => {
    expect(describeResource(path)).toEqual({ resourceType, resourceId });
  });
});

describe('isSignedWithKey', () => {
  const key = randomBytes(64).toString('base64');
  const now = Date.parse('2026-11-23T12:00:00Z');
  const date = new Date(now).toUTCString();
  const signed = (options: { key?: string; date?: string; method?: string; signedPath?: string; url?: string } = {}) => {
    const sig = signCosmosRequest({ key: options.key ?? key, method: options.method ?? 'POST', date: options.date ?? date, ...describeResource(options.signedPath ?? '/dbs/crosswalk/colls/people/docs') });
    return {
      method: 'POST',
      url: options.url ?? '/dbs/crosswalk/colls/people/docs',
      headers: { 'x-ms-date': options.date ?? date, authorization: encodeURIComponent(`type=master&ver=1.0&sig=${sig}`) },
    };
  };

  it('accepts a request signed with the key', () => {
    expect(isSignedWithKey(signed(), { key, now })).toBe(true);
  });

  it('reads base64 signatures with "+" and "/" (not form-decoded into spaces)', () => {
    const keys = Array.from({ length: 32 }, () => randomBytes(64).toString('base64'));
    const requests = keys.map((other) => ({ key: other, request: signed({ key: other }) }));
    expect(requests.some(({ request }) => decodeURIComponent(request.headers.authorization!).includes('+'))).toBe(true);
    for (const { key: other, request } of requests) expect(isSignedWithKey(request, { key: other, now })).toBe(true);
  });

  it.each([
    ['signed with another key', signed({ key: randomBytes(64).toString('base64') })],
    ['signed for another resource', signed({ signedPath: '/dbs/crosswalk/colls/edges/docs' })],
    ['signed for another verb', signed({ method: 'GET' })],
    ['signed 20 minutes ago', signed({ date: new Date(now - 20 * 60_000).toUTCString() })],
    ['without a signature', { method: 'POST', url: '/dbs', headers: { 'x-ms-date': date } }],
    ['with a resource token instead', { method: 'POST', url: '/dbs', headers: { 'x-ms-date': date, authorization: encodeURIComponent('type=resource&ver=1.0&sig=x') } }],
    ['with a malformed header', { method: 'POST', url: '/dbs', headers: { 'x-ms-date': date, authorization: '%E0%A4%A' } }],
  ])('refuses a request %s', (_name, request) => {
    expect(isSignedWithKey(request, { key, now })).toBe(false);
  });
});
