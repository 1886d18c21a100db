// The whole path on real parts: the real Graph SDK → the local Graph tenant over HTTPS →
// mining → the real Cosmos SDK → cosmosdb-server → enrichment → the lookup API with a
// real token. "Who is this sender?" answered for Jess, as Dana.
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import type { DemoTenant } from '../../dev/tenant/tenant-types.ts';

const JESS = 'jess.morgan@housing.cascadia.gov';
const DANA = DEMO_SIGNED_IN_USER.email;
const SCALE = 0.2;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: SCALE, addin: false });
  const report = await stack.sync();
  expect(report.failures).toEqual([]);
  expect(report.mailboxes).toBeGreaterThanOrEqual(10);
});
afterAll(() => stack?.close());

async function lookup(caller: string, emails: string[], target: Stack = stack): Promise<PersonCard[]> {
  const token = await target.issueUserToken(caller);
  const response = await fetch(`${target.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { people: PersonCard[] }).people;
}

async function cardOf(caller: string, email: string, target: Stack = stack): Promise<KnownPersonCard> {
  const [card] = await lookup(caller, [email], target);
  if (!card?.known) throw new Error(`${email} is not known to ${caller}`);
  return card;
}

/** Every subject the owner's own mailbox and calendar hold. */
function subjectsOf(tenant: DemoTenant, ownerEmail: string): Set<string> {
  const user = tenant.users.find((u) => u.mail.toLowerCase() === ownerEmail);
  const mailbox = user ? tenant.mailboxes[user.id] : undefined;
  if (!mailbox) throw new Error(`no mailbox for ${ownerEmail}`);
  return new Set([...Object.values(mailbox.messages).flat().map((m) => m.subject), ...mailbox.events.map((e) => e.subject)]);
}

describe("Jess's card, looked up by Dana", () => {
  let jess: KnownPersonCard;
  beforeAll(async () => {
    jess = await cardOf(DANA, JESS);
  });

  it('names her, with her title from the directory and her agency as a state agency', () => {
    expect(jess.displayName).toBe('Jess Morgan');
    expect(jess.title).toBeTruthy();
    expect(jess.organization).toMatchObject({ name: 'Cascadia Department of Housing', kind: 'state', kindLabel: 'State agency' });
  });

  it('shows all five of her roles', () => {
    const roles = jess.roles.map((r) => `${r.role} — ${r.group}`);
    expect(roles).toEqual(
      expect.arrayContaining([
        'Lead — Homelessness Reduction Initiative',
        'Coordination lead — Housing–Public Health Coordination',
        'Point of contact — Shelter Network',
        'Member — State–County–Local Homelessness Working Group',
        'Board member — Regional Homelessness Council',
      ]),
    );
  });

  it('infers the working-group role from calendar evidence, not from anything typed in', () => {
    const workingGroup = jess.roles.find((r) => r.group === 'State–County–Local Homelessness Working Group');
    expect(workingGroup?.source).toBe('inferred');
    expect(workingGroup?.evidence).toMatch(/Attended \d+ of \d+ meetings/);
    expect(stack.tenant.seedMemberships.some((m) => m.group === workingGroup?.group)).toBe(false);
  });

  it('rates the relationship with Dana as two-way and strong, with its inputs', () => {
    expect(jess.strength.score).toBeGreaterThanOrEqual(50);
    expect(['Strong', 'Very strong']).toContain(jess.strength.label);
    expect(jess.strength.emailsSent).toBeGreaterThan(0);
    expect(jess.strength.emailsReceived).toBeGreaterThan(0);
    expect(jess.strength.meetings).toBeGreaterThan(0);
  });

  it("lists recent interactions from Dana's own mailbox, newest first", () => {
    expect(jess.lastInteractions.length).toBeGreaterThan(0);
    const danaSubjects = subjectsOf(stack.tenant, DANA);
    for (const interaction of jess.lastInteractions) expect(danaSubjects).toContain(interaction.subject);
    const times = jess.lastInteractions.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('privacy', () => {
  it("never shows a caller subjects from another person's mailbox", async () => {
    const colleague = stack.tenant.users.find((u) => u.mail !== DANA && u.mail !== JESS && u.mail.endsWith('health.cascadia.gov'));
    if (!colleague) throw new Error('the demo tenant has no health department mailbox');
    const card = await cardOf(colleague.mail.toLowerCase(), JESS);
    const own = subjectsOf(stack.tenant, colleague.mail.toLowerCase());
    for (const interaction of card.lastInteractions) expect(own).toContain(interaction.subject);
  });

  it('never asks Graph for message bodies, and stores none', async () => {
    const messageRequests = stack.graphServer.requestLog.filter((r) => r.url.includes('/messages'));
    expect(messageRequests.length).toBeGreaterThan(0);
    for (const request of messageRequests.filter((r) => !r.url.includes('token='))) {
      const select = new URL(request.url).searchParams.get('$select') ?? '';
      expect(select).not.toBe('');
      expect(select.split(',')).not.toContain('body');
      expect(select.split(',')).not.toContain('bodyPreview');
    }
    const { resources } = await (await import('../helpers/read-container.ts')).readContainer(stack, 'interactions');
    expect(resources.length).toBeGreaterThan(0);
    const stored = JSON.stringify(resources);
    expect(stored).not.toMatch(/"body(Preview)?"/);
    // The demo tenant's bodies exist in the Graph stand-in; none of their text may reach the store.
    const aBody = Object.values(stack.tenant.mailboxes)[0]!.messages;
    const sampleBody = Object.values(aBody).flat()[0]!.body.content;
    expect(stored).not.toContain(sampleBody);
  });
});

describe('exactness', () => {
  it('a second sync changes nothing: nothing is counted twice', async () => {
    const before = await lookup(DANA, [JESS, 'rcastillo@kestrelcounty-cascadia.gov']);
    const report = await stack.sync();
    expect(report.failures).toEqual([]);
    expect(await lookup(DANA, [JESS, 'rcastillo@kestrelcounty-cascadia.gov'])).toEqual(before);
  });

  it('a sync interrupted by failures resumes where it stopped and ends identical to a clean one', async () => {
    const faulty = await startStack({ ports: 'random', scale: SCALE, addin: false });
    try {
      // The second page of several mailboxes' folders fails with an auth error (never retried).
      faulty.graphServer.faults.failNext({ status: 401, count: 4, pathIncludes: 'skiptoken' });
      const first = await faulty.sync();
      expect(first.failures.length).toBeGreaterThan(0);
      const second = await faulty.sync();
      expect(second.failures).toEqual([]);
      const people = [JESS, 'rcastillo@kestrelcounty-cascadia.gov', DANA];
      expect(await lookup(DANA, people, faulty)).toEqual(await lookup(DANA, people));
    } finally {
      await faulty.close();
    }
  });
});
