// The fan-out on the whole local stack: the timer's scheduling sends one message per mailbox
// to azurite, the queue worker runs the same handlers as the Functions registrations, and the
// admin API shows and repairs what went wrong: a mailbox whose consent is gone waits in
// needs-reconnect, a mailbox that keeps failing is parked in the poison queue, the others flow.
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';
import type { MailboxSyncStatus } from '../../shared/api/routes.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { routeTable } from '../../functions/src/http/route-table.ts';

const JESS = 'jess.morgan@housing.cascadia.gov';
const DANA = DEMO_SIGNED_IN_USER.email;
const ADMIN_ROLE = 'Crosswalk.Admin';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
});
afterAll(() => stack?.close());

async function callApi(path: string, options: { roles?: string[]; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const token = await stack.issueUserToken(DANA, options.roles ? { roles: options.roles } : {});
  const response = await fetch(`${stack.apiUrl}/${path}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function syncStatus(): Promise<MailboxSyncStatus[]> {
  const { status, body } = await callApi('manage/sync', { roles: [ADMIN_ROLE] });
  expect(status).toBe(200);
  return (body as { mailboxes: MailboxSyncStatus[] }).mailboxes;
}

const mailboxOf = (statuses: MailboxSyncStatus[], ownerEmail: string) => statuses.find((m) => m.ownerEmail === ownerEmail);

/** Two mailboxes other than Dana's and Jess's, with their Graph user ids. */
function pickMailboxes() {
  const others = stack.tenant.users.filter((u) => ![DANA, JESS].includes(u.mail.toLowerCase()) && stack.tenant.mailboxes[u.id]);
  const [first, second] = others;
  if (!first || !second) throw new Error('the demo tenant has too few mailboxes');
  return { reconnect: { email: first.mail.toLowerCase(), id: first.id }, parked: { email: second.mail.toLowerCase(), id: second.id } };
}

it('the admin routes avoid the Functions host reserved "admin" and "runtime" prefixes', () => {
  for (const { route } of routeTable) {
    expect(route.path).not.toMatch(/^(admin|runtime)/i);
    expect(route.name).not.toMatch(/^admin/i);
  }
});

it('schedules every mailbox through the queue; the worker drains it; all idle; Jess has her roles', async () => {
  const report = await stack.syncThroughQueue();
  expect(report.schedule.enqueued.length).toBeGreaterThanOrEqual(10);
  expect(report.schedule.skipped).toEqual([]);
  const stages = report.mailboxes.map((m) => `${m.ownerEmail}: ${m.stage}`).sort();
  expect(stages).toEqual(report.schedule.enqueued.map((email) => `${email}: idle`).sort());

  const statuses = await syncStatus();
  const dana = mailboxOf(statuses, DANA);
  expect(dana).toMatchObject({ stage: 'idle', failureCount: 0, lastError: null, parkedAt: null });
  expect(dana?.lastSuccessAt).toBeTruthy();
  expect(dana?.resources.map((r) => r.resource)).toEqual(['calendar', 'contacts', 'mail:archive', 'mail:inbox', 'mail:sentitems', 'people']);
  expect(dana?.resources.every((r) => r.stage === 'idle' && r.lastSuccessAt !== null)).toBe(true);

  const [jess] = await lookupAs(stack, DANA, [JESS]);
  expect(jess?.known).toBe(true);
  expect((jess as KnownPersonCard).roles.map((r) => `${r.role} — ${r.group}`)).toEqual(
    expect.arrayContaining([
      'Lead — Homelessness Reduction Initiative',
      'Member — State–County–Local Homelessness Working Group',
      'Board member — Regional Homelessness Council',
    ]),
  );
});

it('ends identical to a direct in-process sync: four mailboxes at a time through the queue count nothing twice', async () => {
  const direct = await startStack({ ports: 'random', scale: 0.1, addin: false });
  try {
    expect((await direct.sync()).failures).toEqual([]);
    const people = [JESS, DANA, 'rcastillo@kestrelcounty-cascadia.gov', ...stack.tenant.users.slice(0, 6).map((u) => u.mail.toLowerCase())];
    for (const caller of [DANA, JESS]) {
      expect(await lookupAs(stack, caller, people)).toEqual(await lookupAs(direct, caller, people));
    }
  } finally {
    await direct.close();
  }
});

async function lookupAs(target: Stack, caller: string, emails: string[]): Promise<PersonCard[]> {
  const token = await target.issueUserToken(caller);
  const response = await fetch(`${target.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { people: PersonCard[] }).people;
}

describe('failures', () => {
  const { reconnect, parked } = { reconnect: { email: '', id: '' }, parked: { email: '', id: '' } };

  beforeAll(async () => {
    const picked = pickMailboxes();
    Object.assign(reconnect, picked.reconnect);
    Object.assign(parked, picked.parked);
    // Consent revoked for one mailbox: every Graph call for it answers 401.
    stack.graphServer.faults.failNext({ status: 401, pathIncludes: reconnect.id, count: 1000 });
    // Another keeps losing its delta state: 410 on every call, more than a sync's own full restarts absorb.
    stack.graphServer.faults.failNext({ status: 410, pathIncludes: parked.id, count: 1000 });
    await stack.syncThroughQueue();
  });

  it('marks the mailbox whose Graph calls fail with 401 needs-reconnect, after one attempt', async () => {
    const status = mailboxOf(await syncStatus(), reconnect.email);
    expect(status).toMatchObject({ stage: 'needs-reconnect', failureCount: 1, parkedAt: null, lastError: { kind: 'auth' } });
    // (The first Graph call, listing the folders, fails: the mailbox's stage carries it, not a resource.)
  });

  it('parks the mailbox that keeps failing after 5 attempts, with its error, while the others stay idle', async () => {
    const statuses = await syncStatus();
    expect(mailboxOf(statuses, parked.email)).toMatchObject({ stage: 'failed', failureCount: 5, lastError: { kind: 'bad-cursor' } });
    expect(mailboxOf(statuses, parked.email)?.parkedAt).toBeTruthy();
    const others = statuses.filter((m) => ![reconnect.email, parked.email].includes(m.ownerEmail));
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(others.every((m) => m.stage === 'idle')).toBe(true);

    const { status, body } = await callApi('manage/sync/poison', { roles: [ADMIN_ROLE] });
    expect(status).toBe(200);
    expect((body as { messages: unknown[] }).messages).toEqual([
      expect.objectContaining({ ownerEmail: parked.email, reason: 'schedule', stage: 'failed', error: expect.objectContaining({ kind: 'bad-cursor' }) }),
    ]);
  });

  it('refuses every admin route to a caller without the Crosswalk.Admin role', async () => {
    expect((await callApi('manage/sync')).status).toBe(403);
    expect((await callApi('manage/sync/poison')).status).toBe(403);
    const resync = await callApi('manage/sync/resync', { body: { ownerEmail: reconnect.email } });
    expect(resync).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callApi('manage/sync', { roles: ['Crosswalk.Reader'] })).status).toBe(403);
  });

  it('leaves the needs-reconnect mailbox out of the next schedule', async () => {
    const report = await stack.syncThroughQueue();
    expect(report.schedule.skipped).toEqual([{ ownerEmail: reconnect.email, stage: 'needs-reconnect' }]);
    expect(report.schedule.enqueued).not.toContain(reconnect.email);
  });

  it('resync sends both back through the queue; with the faults gone they return to idle', async () => {
    stack.graphServer.faults.clear();
    const resync = await callApi('manage/sync/resync', { roles: [ADMIN_ROLE], body: { ownerEmail: reconnect.email } });
    expect(resync).toEqual({ status: 200, body: { ownerEmail: reconnect.email, full: false, stage: 'pending' } });
    const full = await callApi('manage/sync/resync', { roles: [ADMIN_ROLE], body: { ownerEmail: parked.email, full: true } });
    expect(full).toEqual({ status: 200, body: { ownerEmail: parked.email, full: true, stage: 'pending' } });
    await stack.drainQueues();

    const statuses = await syncStatus();
    for (const email of [reconnect.email, parked.email]) {
      expect(mailboxOf(statuses, email)).toMatchObject({ stage: 'idle', failureCount: 0, lastError: null, parkedAt: null });
      expect(mailboxOf(statuses, email)?.resources.every((r) => r.stage === 'idle')).toBe(true);
    }
  });

  it('answers a resync of a mailbox it never scheduled with 404', async () => {
    const response = await callApi('manage/sync/resync', { roles: [ADMIN_ROLE], body: { ownerEmail: 'nobody@example.gov' } });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });
});
