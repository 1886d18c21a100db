// Privacy controls on the whole stack (docs/PRIVACY.md): export for records requests, per-user
// opt-out, per-contact do-not-track, delete-my-data with a content-free audit entry; each
// checked in the store, and again after another sync.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../../dev/stack.ts';
import { makeOwnerKey } from '../../../functions/src/mining/mine-message.ts';
import { makePersonId } from '../../../functions/src/enrichment/merge-person.ts';
import { readContainer } from '../../helpers/read-container.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  expect((await stack.sync()).failures).toEqual([]);
});
afterAll(() => stack?.close());

async function call(method: string, path: string, options: { user?: string; admin?: boolean; body?: unknown } = {}) {
  const token = await stack.issueUserToken(options.user ?? DANA, options.admin ? { roles: ['Crosswalk.Admin'] } : {});
  const response = await fetch(`${stack.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function ledger(): Promise<Interaction[]> {
  const { resources } = await readContainer(stack, 'interactions');
  return resources.flatMap((bucket) => Object.values((bucket.items ?? {}) as Record<string, Interaction>));
}

/** Mailbox owners other than Dana and Jess whose ledger holds mail, most first. */
async function otherOwnersWithMail(): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const interaction of await ledger()) counts.set(interaction.ownerEmail, (counts.get(interaction.ownerEmail) ?? 0) + 1);
  return [...counts].filter(([owner]) => owner !== DANA && owner !== JESS).sort((a, b) => b[1] - a[1]).map(([owner]) => owner);
}

describe('export for a records request', () => {
  it('is for admins only', async () => {
    const { status, body } = await call('POST', 'privacy/export', { body: { email: JESS } });
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });

  it("holds the person record, memberships and the team's aggregates, never anyone's subjects", async () => {
    const { status, body } = await call('POST', 'privacy/export', { admin: true, body: { email: JESS } });
    expect(status).toBe(200);
    expect(body.person.email).toBe(JESS);
    expect(body.personId).toBe(makePersonId(stack.tenant.tenantId, JESS));
    expect(body.relationships.length).toBeGreaterThan(0);
    expect(body.relationships.some((r: { ownerEmail: string }) => r.ownerEmail === DANA)).toBe(true);
    // Group names are shared with the team (an inferred group is named after its meeting series); subjects are not.
    const groupNames = new Set((await readContainer(stack, 'groups')).resources.map((g) => (g.groupName ?? g.name) as string));
    const subjects = (await ledger()).map((i) => i.subject).filter((s): s is string => typeof s === 'string' && s.length > 8 && !groupNames.has(s));
    const text = JSON.stringify(body);
    expect(subjects.filter((subject) => text.includes(subject))).toEqual([]);
    expect(body.privacy).toEqual({ optedOut: null, doNotTrack: null });
  });
});

describe('opt-out', () => {
  it('needs an explicit confirmation, since it deletes', async () => {
    const { status, body } = await call('POST', 'privacy/me/opt-out', { body: {} });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^confirm: /);
  });

  it("deletes the mailbox's ledger and edges, and later syncs store nothing from it", async () => {
    const [owner] = await otherOwnersWithMail();
    if (!owner) throw new Error('no other mailbox with mail');
    const ownerKey = makeOwnerKey(stack.tenant.tenantId, owner);
    expect((await ledger()).filter((i) => i.ownerKey === ownerKey).length).toBeGreaterThan(0);
    const { status, body } = await call('POST', 'privacy/me/opt-out', { user: owner, body: { confirm: true } });
    expect(status).toBe(200);
    expect(body.interactionsRemoved).toBeGreaterThan(0);
    expect((await call('GET', 'privacy/me', { user: owner })).body).toEqual({ optedOut: true, optedOutAt: body.optedOutAt });

    await stack.sync();
    const after = await ledger();
    expect(after.filter((i) => i.ownerKey === ownerKey)).toEqual([]);
    expect(after.some((i) => i.ownerEmail === DANA)).toBe(true);
    const { resources: edges } = await readContainer(stack, 'edges');
    expect(edges.filter((edge) => edge.ownerEmail === owner)).toEqual([]);

    expect((await call('DELETE', 'privacy/me/opt-out', { user: owner })).body).toEqual({ optedOut: false });
    expect((await call('GET', 'privacy/me', { user: owner })).body).toEqual({ optedOut: false, optedOutAt: null });
  });
});

describe('do not track', () => {
  it('is for admins only and needs a reason', async () => {
    expect((await call('POST', 'privacy/do-not-track', { body: { email: JESS, reason: 'asked' } })).status).toBe(403);
    const { status, body } = await call('POST', 'privacy/do-not-track', { admin: true, body: { email: JESS } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^reason: /);
  });

  it('removes everything mined about the contact and from their mailbox, and it is not captured again', async () => {
    const aboutJess = (interactions: Interaction[]) => interactions.filter((i) => i.ownerEmail === JESS || i.participants.some((p) => p.email === JESS));
    expect(aboutJess(await ledger()).length).toBeGreaterThan(0);
    const { status, body } = await call('POST', 'privacy/do-not-track', { admin: true, body: { email: JESS, reason: 'Asked by phone not to be tracked' } });
    expect(status).toBe(200);
    expect(body.peopleRemoved).toBe(1);
    expect(body.mailboxInteractionsRemoved).toBeGreaterThan(0);
    expect((await readContainer(stack, 'people')).resources.filter((p) => p.email === JESS)).toEqual([]);

    const check = async () => {
      expect(aboutJess(await ledger())).toEqual([]);
      expect((await readContainer(stack, 'edges')).resources.filter((e) => e.contactEmail === JESS || e.ownerEmail === JESS)).toEqual([]);
      const groups = (await readContainer(stack, 'groups')).resources;
      expect(groups.filter((g) => g.docType === 'membership' && g.email === JESS && g.source === 'inferred')).toEqual([]);
    };
    await check();
    await stack.sync();
    await check();

    // Replacing the tenant's exclusion list does not resume tracking.
    expect((await call('PUT', 'exclusions/tenant', { admin: true, body: { addresses: [], domains: [] } })).status).toBe(200);
    await stack.sync();
    await check();

    const list = await call('GET', 'privacy/do-not-track', { admin: true });
    expect(list.body.entries).toEqual([expect.objectContaining({ email: JESS, reason: 'Asked by phone not to be tracked', by: DANA })]);
  });

  it("a colleague's directory profile is not written back by the next sync", async () => {
    expect((await readContainer(stack, 'people')).resources.filter((p) => p.email === JESS)).toEqual([]);
  });
});

describe('delete-my-data', () => {
  it("removes a user's mined data and leaves an audit entry without the content", async () => {
    // The first other mailbox opted out above; the next one asks for deletion.
    const person = (await otherOwnersWithMail())[0];
    if (!person) throw new Error('no other mailbox with mail');
    const { status, body } = await call('POST', 'privacy/me/delete-my-data', { user: person, body: { confirm: true } });
    expect(status).toBe(200);
    expect(body.mailboxInteractionsRemoved).toBeGreaterThan(0);
    expect((await readContainer(stack, 'people')).resources.filter((p) => p.email === person)).toEqual([]);

    await stack.sync();
    const after = await ledger();
    expect(after.filter((i) => i.ownerEmail === person || i.participants.some((p) => p.email === person))).toEqual([]);
    expect((await readContainer(stack, 'edges')).resources.filter((e) => e.ownerEmail === person || e.contactEmail === person)).toEqual([]);

    const exported = await call('POST', 'privacy/export', { admin: true, body: { email: person } });
    expect(exported.body.relationships).toEqual([]);
    expect(exported.body.mailbox).toEqual({ interactions: 0 });
    expect(exported.body.privacy.optedOut).toMatchObject({ ownerEmail: person });
    const entry = exported.body.audit.find((e: { summary: string }) => /delete-my-data/i.test(e.summary));
    expect(entry).toMatchObject({ personId: makePersonId(stack.tenant.tenantId, person), actor: { email: person }, before: null, after: null });
    expect(entry.summary).not.toContain(person);
  });

  it("carries out a request received on an outside contact's behalf (admins only), for good", async () => {
    const contact = (await ledger()).flatMap((i) => i.participants.map((p) => p.email)).find((email) => !email.endsWith('cascadia.gov'));
    if (!contact) throw new Error('no outside contact in the ledger');
    expect((await call('POST', 'privacy/delete-requests', { body: { email: contact, confirm: true } })).status).toBe(403);
    const { status, body } = await call('POST', 'privacy/delete-requests', { admin: true, body: { email: contact, confirm: true } });
    expect(status).toBe(200);
    expect(body.interactionsRemoved + body.interactionsTrimmed).toBeGreaterThan(0);
    await stack.sync();
    expect((await ledger()).filter((i) => i.participants.some((p) => p.email === contact))).toEqual([]);
    expect((await readContainer(stack, 'people')).resources.filter((p) => p.email === contact)).toEqual([]);
    expect((await readContainer(stack, 'edges')).resources.filter((e) => e.contactEmail === contact)).toEqual([]);
    const exported = await call('POST', 'privacy/export', { admin: true, body: { email: contact } });
    expect(exported.body.person).toBeNull();
    expect(exported.body.audit[0]).toMatchObject({ actor: { email: DANA }, before: null, after: null });
    expect(JSON.stringify(exported.body.audit)).not.toContain(contact);
  });
});

describe('retention', () => {
  it('gives every stored ledger bucket a ttl and keeps aggregates without one', async () => {
    const { resources: buckets } = await readContainer(stack, 'interactions');
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.filter((bucket) => !(Number.isInteger(bucket.ttl) && (bucket.ttl as number) >= 1))).toEqual([]);
    expect((await readContainer(stack, 'edges')).resources.filter((edge) => 'ttl' in edge)).toEqual([]);
    expect((await readContainer(stack, 'people')).resources.filter((person) => 'ttl' in person)).toEqual([]);
  });
});
