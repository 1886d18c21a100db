// Exclusion lists on the whole stack: an excluded domain or address is removed from what was
// already captured, stays out of later syncs, and only admins may set the tenant's list.
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { issueLocalToken } from '../../dev/token-issuer.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
const RENEE = 'rcastillo@kestrelcounty-cascadia.gov';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  expect((await stack.sync()).failures).toEqual([]);
});
afterAll(() => stack?.close());

async function call(method: string, path: string, options: { user?: string; admin?: boolean; body?: unknown } = {}) {
  const token = await issueLocalToken({
    user: options.user ?? DANA,
    tenantId: stack.tenant.tenantId,
    issuerBaseUrl: stack.issuerBaseUrl,
    ...(options.admin ? { roles: ['Crosswalk.Admin'] } : {}),
  });
  const response = await fetch(`${stack.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function card(email: string, caller = DANA): Promise<PersonCard> {
  const { body } = await call('POST', 'lookup', { user: caller, body: { emails: [email] } });
  return (body.people as PersonCard[])[0]!;
}

it('only an admin may set the tenant list', async () => {
  const { status, body } = await call('PUT', 'exclusions/tenant', { body: { addresses: [], domains: ['example.org'] } });
  expect(status).toBe(403);
  expect(body.error.code).toBe('forbidden');
  expect((await call('GET', 'exclusions/tenant', { admin: true })).body).toEqual({ addresses: [], domains: [] });
});

it('rejects a list with a bad entry, naming it', async () => {
  const { status, body } = await call('PUT', 'exclusions/me', { body: { addresses: ['ok@example.gov'], domains: ['not a domain'] } });
  expect(status).toBe(400);
  expect(body.error.message).toMatch(/^domains\[0\]: is not a valid domain name/);
});

it("a personal exclusion removes the person from the owner's own relationships only", async () => {
  const before = (await card(JESS)) as KnownPersonCard;
  expect(before.strength.score).toBeGreaterThan(0);
  const { status, body } = await call('PUT', 'exclusions/me', { body: { addresses: [JESS], domains: [] } });
  expect(status).toBe(200);
  expect(body.removed.interactionsRemoved + body.removed.interactionsTrimmed).toBeGreaterThan(0);
  const after = (await card(JESS)) as KnownPersonCard;
  expect(after.known).toBe(true);
  expect(after.strength.score).toBe(0);
  expect(after.lastInteractions).toEqual([]);
  // What users typed in stays; roles inferred from Dana's own mail with Jess may go with that mail.
  const manual = (card: KnownPersonCard) => card.roles.filter((r) => r.source === 'manual');
  expect(manual(after)).toEqual(manual(before));
  // Another mailbox's view of Jess is untouched.
  expect(((await card(JESS, 'marcus.lee@housing.cascadia.gov')) as KnownPersonCard).strength.score).toBeGreaterThan(0);
  await call('PUT', 'exclusions/me', { body: { addresses: [], domains: [] } });
});

it('a tenant exclusion of a domain removes its people everywhere, and a later sync does not bring them back', async () => {
  expect((await card(RENEE)).known).toBe(true);
  const { status, body } = await call('PUT', 'exclusions/tenant', { admin: true, body: { addresses: [], domains: ['KestrelCounty-Cascadia.gov'] } });
  expect(status).toBe(200);
  expect(body.exclusions.domains).toEqual(['kestrelcounty-cascadia.gov']);
  expect(body.removed.peopleRemoved).toBeGreaterThan(0);
  expect(await card(RENEE)).toEqual({ email: RENEE, known: false });

  // New mail from the excluded domain arrives, and the whole tenant is synced again from scratch.
  for (const cursor of await stack.repositories.syncState.listForTenant(stack.tenant.tenantId)) {
    await stack.repositories.syncState.save({ ...cursor, nextLink: null, deltaLink: null });
  }
  expect((await stack.sync()).failures).toEqual([]);
  expect(await card(RENEE)).toEqual({ email: RENEE, known: false });
  const jess = (await card(JESS)) as KnownPersonCard;
  // The working group's meetings are organized from Kestrel County: items an excluded party sent
  // or organized are not kept at all, so the inferred group goes; what users typed in stays.
  expect(jess.roles.map((r) => r.group)).not.toContain('State–County–Local Homelessness Working Group');
  expect(jess.roles.map((r) => `${r.role} — ${r.group}`)).toContain('Lead — Homelessness Reduction Initiative');
  await call('PUT', 'exclusions/tenant', { admin: true, body: { addresses: [], domains: [] } });
});
