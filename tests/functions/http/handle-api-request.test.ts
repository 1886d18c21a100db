// One API request through its route, host-independently: size, authentication, body contract,
// handler, and one error body for every failure.
import type { ApiServices } from '../../../functions/src/api/api-services.ts';
import type { CallerIdentity } from '../../../functions/src/auth/caller-identity.ts';
import type { EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import type { MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';
import { AppError } from '../../../functions/src/errors/app-error.ts';
import { handleApiRequest, MAX_BODY_BYTES, type ApiRequest } from '../../../functions/src/http/handle-api-request.ts';
import { matchRoute } from '../../../functions/src/http/match-route.ts';
import { routeTable, type RouteEntry } from '../../../functions/src/http/route-table.ts';
import type { Repositories } from '../../../functions/src/store/repositories.ts';
import { errorBodySchema } from '../../../shared/api/error-body.ts';
import { lookupRoute, MAX_LOOKUP_EMAILS } from '../../../shared/api/routes.ts';

const TENANT = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
const OWNER = 'jess.morgan@housing.cascadia.gov';
const PAT = 'pat.okafor@health.cascadia.gov';

const identity: CallerIdentity = {
  tenantId: TENANT,
  objectId: '4d2c8a1e-0000-4000-8000-000000000001',
  userPrincipalName: OWNER,
  name: 'Jess Morgan',
  scopes: ['access_as_user'],
  roles: [],
};

const pat: PersonDocument = {
  id: 'person-pat',
  tenantId: TENANT,
  email: PAT,
  displayName: { value: 'Pat Okafor', source: 'graph-profile', observedAt: '2024-01-01T00:00:00.000Z', confidence: 0.95 },
  title: null,
  department: null,
  inTenant: true,
  organization: null,
  firstSeenAt: '2024-01-01T00:00:00.000Z',
  lastSeenAt: '2024-05-01T00:00:00.000Z',
};

const patMembership: MembershipDocument = {
  id: 'm1',
  tenantId: TENANT,
  docType: 'membership',
  groupId: 'g1',
  groupName: 'Housing–Health network',
  groupKind: 'working-group',
  email: PAT,
  role: 'Member',
  source: 'inferred',
  evidence: 'attended 4 of 4 meetings',
  addedBy: 'inference',
  addedAt: '2024-05-01T00:00:00.000Z',
};

const patEdge: EdgeDocument = {
  id: 'edge-1',
  tenantId: TENANT,
  ownerEmail: OWNER,
  contactEmail: PAT,
  strength: { score: 40, label: 'Moderate', emailsSent: 3, emailsReceived: 2, meetings: 1, lastInteractionAt: '2024-05-01T00:00:00.000Z' },
  lastInteractions: [],
};

/** A repository with only the methods the lookup may use; any other call fails the test. */
function onlyThese<T extends object>(name: string, methods: Partial<T>): T {
  return new Proxy(methods, {
    get: (target, key) =>
      key in target
        ? target[key as keyof typeof target]
        : () => {
            throw new Error(`${name}.${String(key)} is not used by the API`);
          },
  }) as T;
}

interface Fakes {
  services: ApiServices;
  calls: { verify: (string | undefined)[]; people: [string, readonly string[]][]; memberships: [string, readonly string[]][]; edges: [string, readonly string[]][] };
}

function fakes(options: { verify?: () => Promise<CallerIdentity>; people?: () => Promise<PersonDocument[]>; edges?: EdgeDocument[] } = {}): Fakes {
  const calls: Fakes['calls'] = { verify: [], people: [], memberships: [], edges: [] };
  const repositories = {
    people: onlyThese<Repositories['people']>('people', {
      // Point reads of the addresses' own records (plus-address bases included).
      readByAddresses: async (tenantId, emails) => {
        calls.people.push([tenantId, emails]);
        return options.people ? options.people() : [pat];
      },
    }),
    groups: onlyThese<Repositories['groups']>('groups', {
      // The people's memberships and the caller's teams, in one query.
      findMembershipsVisibleTo: async (tenantId, emails) => {
        calls.memberships.push([tenantId, emails]);
        return { memberships: [patMembership], teamIds: [] };
      },
    }),
    edges: onlyThese<Repositories['edges']>('edges', {
      // Every owner's edges in one query: the caller's strength and the team view.
      findForContacts: async (tenantId, contacts) => {
        calls.edges.push([tenantId, contacts]);
        return options.edges ?? [patEdge];
      },
    }),
    organizations: onlyThese<Repositories['organizations']>('organizations', {}),
    interactions: onlyThese<Repositories['interactions']>('interactions', {}),
    settings: onlyThese<Repositories['settings']>('settings', {}),
    subscriptions: onlyThese<Repositories['subscriptions']>('subscriptions', {}),
    syncState: onlyThese<Repositories['syncState']>('syncState', {}),
    teams: onlyThese<Repositories['teams']>('teams', {}),
    audit: onlyThese<Repositories['audit']>('audit', {}),
    suggestions: onlyThese<Repositories['suggestions']>('suggestions', {}),
  } satisfies Repositories;
  const services: ApiServices = {
    repositories,
    verifyAccessToken: async (authorization) => {
      calls.verify.push(authorization);
      return options.verify ? options.verify() : identity;
    },
  };
  return { services, calls };
}

const route = (method: string, path: string): RouteEntry => {
  const match = matchRoute(routeTable, method, path);
  if (match === null || 'kind' in match) throw new Error(`no route ${method} ${path}`);
  return match.entry;
};
const lookup = route('POST', 'lookup');
const health = route('GET', 'health');

const request = (body: string | null, authorization: string | undefined = 'Bearer good-token'): ApiRequest => ({ authorization, body, params: {} });
const lookupBody = (emails: unknown): string => JSON.stringify({ emails });

function expectError(response: Awaited<ReturnType<typeof handleApiRequest>>, status: number, code: string, message: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json');
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe(code);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

describe('handleApiRequest: the lookup route', () => {
  it('answers 200 with cards that satisfy the contract, scoped to the caller', async () => {
    const { services, calls } = fakes();
    const response = await handleApiRequest(services, lookup, request(lookupBody([' Pat.Okafor@Health.Cascadia.gov ', 'stranger@example.org', PAT])));
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(lookupRoute.response.parse(response.body)).toEqual(response.body);
    expect(response.body).toEqual({
      people: [
        {
          email: PAT,
          known: true,
          personId: 'person-pat',
          displayName: 'Pat Okafor',
          title: null,
          organization: null,
          roles: [{ groupId: 'g1', group: 'Housing–Health network', groupKind: 'working-group', role: 'Member', source: 'inferred', evidence: 'attended 4 of 4 meetings' }],
          strength: patEdge.strength,
          lastInteractions: [],
          department: null,
          phone: null,
          office: null,
          attributes: [],
          team: [],
        },
        { email: 'stranger@example.org', known: false },
      ],
      // First contact: what the stranger's domain tells (no warning for a plain unknown domain).
      safety: [
        {
          email: 'stranger@example.org',
          domain: {
            host: 'example.org',
            dotgov: false,
            freemail: false,
            organization: { name: 'example.org', kind: 'unknown', kindLabel: 'Organization', domain: 'example.org', id: 'domain:example.org', source: 'domain' },
          },
          warnings: [],
        },
      ],
    });
    expect(calls.verify).toEqual(['Bearer good-token']);
    expect(calls.people).toEqual([[TENANT, [PAT, 'stranger@example.org']]]);
    expect(calls.memberships).toEqual([[TENANT, [PAT, 'stranger@example.org']]]);
    expect(calls.edges).toEqual([[TENANT, [PAT, 'stranger@example.org']]]);
  });

  it.each<[string, string | null, string]>([
    ['a missing body', null, 'request body is missing: send a JSON object'],
    ['an empty body', '', 'request body is missing: send a JSON object'],
    ['a blank body', '  \n ', 'request body is missing: send a JSON object'],
    ['invalid JSON', '{"emails": [', 'request body is not valid JSON'],
    ['an empty object', '{}', 'emails: must be an array of email addresses'],
    ['emails as a string', '{"emails":"x"}', 'emails: must be an array of email addresses'],
    ['a JSON array', '[]', 'body: must be a JSON object'],
    ['JSON null', 'null', 'body: must be a JSON object'],
    ['no addresses', lookupBody([]), 'emails: must name at least one address'],
    ['a malformed second address', lookupBody([PAT, 'not-an-address']), 'emails[1]: is not a valid email address'],
    ['a number for an address', lookupBody([PAT, 42]), 'emails[1]: must be a string'],
    [`${MAX_LOOKUP_EMAILS + 1} addresses`, lookupBody(Array.from({ length: MAX_LOOKUP_EMAILS + 1 }, (_, i) => `p${i}@cascadia.gov`)), 'emails: must name at most 100 addresses'],
  ])('answers 400 for %s', async (_case, body, message) => {
    const { services, calls } = fakes();
    expectError(await handleApiRequest(services, lookup, request(body)), 400, 'bad-request', message);
    expect(calls.people).toEqual([]);
  });

  it(`accepts exactly ${MAX_LOOKUP_EMAILS} addresses`, async () => {
    const { services } = fakes({ people: async () => [], edges: [] });
    const response = await handleApiRequest(services, lookup, request(lookupBody(Array.from({ length: MAX_LOOKUP_EMAILS }, (_, i) => `p${i}@cascadia.gov`))));
    expect(response.status).toBe(200);
    expect((response.body as { people: unknown[] }).people).toHaveLength(MAX_LOOKUP_EMAILS);
  });

  it('answers 401 with the verifier\'s message when the token is refused, before reading the body', async () => {
    const { services, calls } = fakes({
      verify: () => Promise.reject(new AppError('unauthenticated', 'token expired')),
    });
    expectError(await handleApiRequest(services, lookup, request('not even JSON', 'Bearer stale')), 401, 'unauthenticated', 'token expired');
    expect(calls.verify).toEqual(['Bearer stale']);
    expect(calls.people).toEqual([]);
  });

  it('answers 413 for a body over the limit, in bytes, without verifying the token', async () => {
    const { services, calls } = fakes();
    const twoByteChars = 'é'.repeat(MAX_BODY_BYTES / 2 + 1); // under the limit in characters, over it in bytes
    expectError(await handleApiRequest(services, lookup, request(lookupBody([twoByteChars]))), 413, 'payload-too-large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    expect(calls.verify).toEqual([]);
  });

  it('accepts a body of exactly the limit as far as size goes', async () => {
    const { services } = fakes();
    const padding = ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(lookupBody([PAT])));
    const response = await handleApiRequest(services, lookup, request(lookupBody([PAT]) + padding));
    expect(response.status).toBe(200);
  });

  it('answers 500 with a generic message and no internals when a handler throws a plain Error', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const secret = 'Cosmos request failed: AccountKey=c2VjcmV0 at /srv/functions/store/people-repository.ts:22';
      const { services } = fakes({ people: () => Promise.reject(new Error(secret)) });
      const response = await handleApiRequest(services, lookup, request(lookupBody([PAT])));
      expectError(response, 500, 'internal', 'something went wrong on our side; try again');
      const text = JSON.stringify(response);
      for (const leaked of ['AccountKey', 'Cosmos', 'people-repository', 'stack', '    at ']) expect(text).not.toContain(leaked);
      expect(Object.keys((response.body as { error: object }).error).sort()).toEqual(['code', 'message']);
      expect(errorLog).toHaveBeenCalled();
    } finally {
      errorLog.mockRestore();
    }
  });

  it('answers 500 when the handler\'s answer breaks the response contract', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { services } = fakes({ edges: [{ ...patEdge, strength: { ...patEdge.strength, score: 150 } }] });
      expectError(await handleApiRequest(services, lookup, request(lookupBody([PAT]))), 500, 'internal', 'something went wrong on our side; try again');
    } finally {
      errorLog.mockRestore();
    }
  });

  it('passes on the status and Retry-After of an AppError thrown by a repository', async () => {
    const { services } = fakes({ people: () => Promise.reject(new AppError('rate-limited', 'too many lookups', { retryAfterSeconds: 3 })) });
    const response = await handleApiRequest(services, lookup, request(lookupBody([PAT])));
    expectError(response, 429, 'rate-limited', 'too many lookups');
    expect(response.headers['retry-after']).toBe('3');
  });
});

describe('handleApiRequest: the health route', () => {
  it('answers 200 without a token and ignores any body', async () => {
    const { services, calls } = fakes();
    for (const body of [null, 'not JSON']) {
      expect(await handleApiRequest(services, health, request(body, undefined))).toEqual({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { status: 'ok' },
      });
    }
    expect(calls.verify).toEqual([]);
  });
});
