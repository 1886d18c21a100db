// Self and shared mailboxes on the whole local stack. A shared mailbox (Graph: a user whose
// sign-in is blocked, or an address listed in CROSSWALK_SHARED_MAILBOXES) is synced and its
// correspondents feed people, organizations and working groups, but it is not a colleague who
// "knows" anyone: no relationship strength of its own, never in a card's team view. A mailbox
// that becomes shared (a departed colleague's) loses the relationships it had. Mail a user sends
// to themselves (also to a plus-address of their own) and meetings with only themselves never
// make a relationship with themselves.
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import type { GraphEvent, GraphMessage, GraphUser } from '../../dev/tenant/tenant-types.ts';
import { makeOwnerKey } from '../../functions/src/mining/mine-message.ts';
import type { MailboxSyncStatus } from '../../shared/api/routes.ts';
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
const HELP_DESK = 'housing.help@housing.cascadia.gov';
const RECORDS = 'records.desk@housing.cascadia.gov';
const FRONT_DESK = 'front.desk@housing.cascadia.gov';
const PARTNER = 'tbaker@fernridgecollective.org';
const COUNTY = 'mortiz@kestrelcounty-cascadia.gov';
const HELP_LINE = 'Tenant Help Line partners';
const DAY_MS = 86_400_000;

let stack: Stack;
let now: number;
let template: GraphMessage;

function directoryUser(id: string, mail: string, displayName: string, accountEnabled: boolean): GraphUser {
  return {
    id,
    displayName,
    givenName: '',
    surname: '',
    mail,
    userPrincipalName: mail,
    jobTitle: null,
    department: null,
    companyName: null,
    officeLocation: null,
    businessPhones: [],
    accountEnabled,
  };
}

const address = (email: string) => ({ emailAddress: { name: email, address: email } });

/** Files a message in the owner's folder: from `from` to `to`, `daysAgo` before the scenario's now. */
function file(owner: string, folder: 'inbox' | 'sentitems', id: string, from: string, to: string[], daysAgo: number): void {
  const at = new Date(now - daysAgo * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  stack.graphServer.addMessage(owner, folder, {
    ...template,
    id: `${id}-${folder}`,
    internetMessageId: `<${id}@shared-and-self.test>`,
    conversationId: `conversation-${id}`,
    subject: `About ${id}`,
    from: address(from),
    sender: address(from),
    toRecipients: to.map(address),
    ccRecipients: [],
    bccRecipients: [],
    sentDateTime: at,
    receivedDateTime: at,
    createdDateTime: at,
    lastModifiedDateTime: at,
  });
}

/** A message between two mailboxes of the tenant: in the sender's Sent Items and the recipient's Inbox. */
function exchange(id: string, from: string, to: string, daysAgo: number, options: { onlyIn?: 'sender' | 'recipient' } = {}): void {
  if (options.onlyIn !== 'recipient') file(from, 'sentitems', id, from, [to], daysAgo);
  if (options.onlyIn !== 'sender') file(to, 'inbox', id, from, [to], daysAgo);
}

function meeting(owner: string, id: string, organizer: string, attendees: string[], daysAgo: number, series: string | null): GraphEvent {
  const start = new Date(now - daysAgo * DAY_MS);
  const format = (date: Date) => date.toISOString().replace('Z', '').replace(/\.\d{3}$/, '.0000000');
  const event: GraphEvent = {
    id: `${id}-${owner}`,
    iCalUId: `ical-${id}`,
    seriesMasterId: series,
    type: series ? 'occurrence' : 'singleInstance',
    subject: series ? HELP_LINE : 'Focus time',
    bodyPreview: '',
    body: { contentType: 'text', content: '' },
    organizer: address(organizer),
    attendees: attendees.map((email) => ({ type: 'required', status: { response: 'accepted', time: start.toISOString() }, emailAddress: { name: email, address: email } })),
    start: { dateTime: format(start), timeZone: 'UTC' },
    end: { dateTime: format(new Date(start.getTime() + 30 * 60_000)), timeZone: 'UTC' },
    isCancelled: false,
    isOnlineMeeting: false,
    isOrganizer: owner === organizer,
    createdDateTime: start.toISOString(),
    lastModifiedDateTime: start.toISOString(),
  };
  stack.graphServer.addEvent(owner, event);
  return event;
}

async function lookup(caller: string, emails: string[]): Promise<PersonCard[]> {
  const token = await stack.issueUserToken(caller);
  const response = await fetch(`${stack.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { people: PersonCard[] }).people;
}

async function lookupOne(caller: string, email: string): Promise<KnownPersonCard> {
  const [card] = await lookup(caller, [email]);
  expect(card?.known).toBe(true);
  return card as KnownPersonCard;
}

async function syncStatus(): Promise<MailboxSyncStatus[]> {
  const token = await stack.issueUserToken(DANA, { roles: ['Crosswalk.Admin'] });
  const response = await fetch(`${stack.apiUrl}/manage/sync`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { mailboxes: MailboxSyncStatus[] }).mailboxes;
}

const recordsDesk = directoryUser('0d3c6a52-7e1b-4f09-a2d4-6b8e9c1f2a31', RECORDS, 'Records Desk', true);

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.05, addin: false });
  now = Date.parse(stack.tenant.now);
  const dana = stack.tenant.users.find((user) => user.mail === DANA)!;
  const inbox = stack.tenant.mailboxes[dana.id]!.folders.find((folder) => folder.wellKnownName === 'inbox')!;
  template = stack.tenant.mailboxes[dana.id]!.messages[inbox.id]!.at(-1)!;

  // The help desk: a shared mailbox as Exchange makes them (sign-in blocked). A partner writes
  // to it and it answers; Jess writes to it too; it runs a recurring call with partners.
  stack.graphServer.addUser(directoryUser('7f2e9b14-3a6c-4d58-8e01-5c9a7b3d2e40', HELP_DESK, 'Housing Help Desk', false));
  for (const [n, daysAgo] of [20, 12, 5].entries()) file(HELP_DESK, 'inbox', `partner-asks-${n}`, PARTNER, [HELP_DESK], daysAgo);
  for (const [n, daysAgo] of [19, 11].entries()) file(HELP_DESK, 'sentitems', `desk-answers-${n}`, HELP_DESK, [PARTNER], daysAgo);
  exchange('jess-asks-desk', JESS, HELP_DESK, 4);
  for (const daysAgo of [28, 21, 14, 7]) {
    meeting(HELP_DESK, `help-line-${daysAgo}`, HELP_DESK, [PARTNER, COUNTY], daysAgo, 'help-line-series');
  }
  // Jess corresponds with the partner herself: she is who on the team knows him.
  file(JESS, 'inbox', 'partner-writes-jess', PARTNER, [JESS], 9);
  file(JESS, 'sentitems', 'jess-answers-partner', JESS, [PARTNER], 8);

  // The records desk starts as an ordinary (enabled) mailbox that corresponds with the partner.
  stack.graphServer.addUser(recordsDesk);
  file(RECORDS, 'inbox', 'partner-writes-records', PARTNER, [RECORDS], 6);
  file(RECORDS, 'sentitems', 'records-answers-partner', RECORDS, [PARTNER], 5);

  // The front desk is shared but its sign-in was left enabled: an admin lists it in the settings.
  stack.graphServer.addUser(directoryUser('2b9d4e61-8c3a-4f7e-b5d2-0a1c3e5f7b92', FRONT_DESK, 'Front Desk', true));
  file(FRONT_DESK, 'inbox', 'partner-writes-front', PARTNER, [FRONT_DESK], 6);
  file(FRONT_DESK, 'sentitems', 'front-answers-partner', FRONT_DESK, [PARTNER], 5);
  stack.functionsSettings.CROSSWALK_SHARED_MAILBOXES = `${FRONT_DESK.toUpperCase()}, nobody@housing.cascadia.gov`;

  // Dana's notes to herself: to her own address and to a plus-address of hers, and time blocked with no one else.
  exchange('note-to-self', DANA, DANA, 3);
  file(DANA, 'sentitems', 'note-to-plus-self', DANA, ['dana.reyes+todo@housing.cascadia.gov'], 2);
  meeting(DANA, 'focus-time', DANA, [], 1, null);

  const report = await stack.syncThroughQueue();
  expect(report.schedule.enqueued).toEqual(expect.arrayContaining([HELP_DESK, RECORDS, FRONT_DESK, DANA]));
});
afterAll(() => stack?.close());

describe('a shared mailbox', () => {
  it('is synced like any mailbox, and the admin sync status says it is shared', async () => {
    const statuses = await syncStatus();
    const of = (email: string) => statuses.find((status) => status.ownerEmail === email);
    expect(of(HELP_DESK)).toMatchObject({ shared: true, stage: 'idle', failureCount: 0, lastError: null });
    expect(of(FRONT_DESK)).toMatchObject({ shared: true, stage: 'idle' });
    expect(of(HELP_DESK)?.resources.map((resource) => resource.resource)).toEqual(expect.arrayContaining(['calendar', 'mail:inbox', 'mail:sentitems']));
    for (const colleague of [DANA, JESS, RECORDS]) expect(of(colleague)).toMatchObject({ shared: false, stage: 'idle' });
  });

  it('feeds people, organizations and working groups with its correspondents', async () => {
    const partner = await lookupOne(DANA, PARTNER);
    expect(partner.organization).toMatchObject({ domain: 'fernridgecollective.org' });
    const county = await lookupOne(DANA, COUNTY);
    expect(county.organization?.domain).toBe('kestrelcounty-cascadia.gov');
    // The help desk's recurring call with partners from two organizations is an inferred working group.
    for (const card of [partner, county]) {
      expect(card.roles).toEqual(expect.arrayContaining([expect.objectContaining({ group: HELP_LINE, role: 'Member', source: 'inferred' })]));
    }
  });

  it('is never on the team view as someone who knows a contact; the colleagues who do are', async () => {
    const partner = await lookupOne(DANA, PARTNER);
    const team = (partner.team ?? []).map((entry) => entry.email);
    expect(team).toContain(JESS);
    expect(team).toContain(RECORDS);
    expect(team).not.toContain(HELP_DESK);
    expect(team).not.toContain(FRONT_DESK);
    // Not merely ranked out: no relationship of its own is stored at all.
    for (const shared of [HELP_DESK, FRONT_DESK]) {
      expect(await stack.repositories.edges.findForOwner(stack.tenant.tenantId, shared, [PARTNER, COUNTY, JESS])).toEqual([]);
    }
  });

  it('is, as an address others write to, a contact like any other: Jess knows the help desk', async () => {
    const desk = await lookupOne(JESS, HELP_DESK);
    expect(desk.displayName).toBe('Housing Help Desk');
    expect(desk.strength.emailsSent).toBe(1);
    expect(desk.strength.score).toBeGreaterThan(0);
  });

  it('when a colleague mailbox becomes shared (a departed colleague), its relationships go with the next schedule', async () => {
    const before = (await lookupOne(DANA, PARTNER)).team?.map((entry) => entry.email);
    expect(before).toContain(RECORDS);
    recordsDesk.accountEnabled = false;
    await stack.syncThroughQueue();
    expect((await syncStatus()).find((status) => status.ownerEmail === RECORDS)).toMatchObject({ shared: true, stage: 'idle' });
    const after = (await lookupOne(DANA, PARTNER)).team?.map((entry) => entry.email);
    expect(after).toContain(JESS);
    expect(after).not.toContain(RECORDS);
    expect(await stack.repositories.edges.findForOwner(stack.tenant.tenantId, RECORDS, [PARTNER])).toEqual([]);
  });
});

describe('self', () => {
  it('mail to oneself (also to a plus-address of one’s own) and time blocked alone make no relationship with oneself', async () => {
    const self = await lookupOne(DANA, DANA);
    expect(self.strength).toMatchObject({ score: 0, label: 'None', emailsSent: 0, emailsReceived: 0, meetings: 0 });
    expect(await stack.repositories.edges.findForOwner(stack.tenant.tenantId, DANA, [DANA, 'dana.reyes+todo@housing.cascadia.gov'])).toEqual([]);
    // Her other relationships are there, and the notes were read (her own ledger holds them).
    const jess = await lookupOne(DANA, JESS);
    expect(jess.strength.score).toBeGreaterThan(0);
    const ledger = await stack.repositories.interactions.listByOwner(stack.tenant.tenantId, makeOwnerKey(stack.tenant.tenantId, DANA));
    expect(ledger.map((interaction) => interaction.subject)).toEqual(expect.arrayContaining(['About note-to-self', 'About note-to-plus-self', 'Focus time']));
  });
});
