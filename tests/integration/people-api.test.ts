// People on the real stack (Graph stand-in → sync → Cosmos stand-in → API with real tokens):
// Pat's promotion shows on his card as history (also once contacts name his new title), Jess's card has a team view without the caller,
// a confirmed merge makes an alias resolve to the person and rescores at once, a split undoes it
// and outlasts re-mining, dismissals stick, bad input gets a 400 naming the field, and another
// tenant sees none of it.
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { PAT_TITLE_CHANGE } from '../../dev/tenant/cascadia-scenario.ts';
import { mergeObservations } from '../../functions/src/enrichment/merge-person.ts';
import type { MergeSuggestionView } from '../../shared/api/person-routes.ts';
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';
import { deriveAddressBooks } from '../../dev/tenant/build-address-books.ts';
import type { GraphMessage } from '../../dev/tenant/tenant-types.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
const PAT = 'pat.okafor@orcacounty-cascadia.gov';
const JESS_AT_COUNTY = 'jmorgan@orcacounty-cascadia.gov';
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  const report = await stack.sync();
  expect(report.failures).toEqual([]);
});
afterAll(() => stack?.close());

async function call(method: 'GET' | 'POST', path: string, options: { body?: unknown; user?: string; tenantId?: string } = {}) {
  const token = await stack.issueUserToken(options.user ?? DANA, options.tenantId ? { tenantId: options.tenantId } : {});
  const response = await fetch(`${stack.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

async function cardOf(email: string, options: { user?: string; tenantId?: string } = {}): Promise<PersonCard> {
  const { status, body } = await call('POST', 'lookup', { body: { emails: [email] }, ...options });
  expect(status).toBe(200);
  return (body.people as PersonCard[])[0]!;
}

async function knownCardOf(email: string): Promise<KnownPersonCard> {
  const card = await cardOf(email);
  if (!card.known) throw new Error(`${email} is unknown`);
  return card;
}

/** A person only mail has shown, written the way sync writes people. */
async function seedPerson(email: string, displayName: string, observedAt: string): Promise<void> {
  const tenantId = stack.tenant.tenantId;
  await stack.repositories.people.mergeMany(tenantId, [email], (address, current) =>
    mergeObservations(tenantId, current, [{ email: address, displayName, titleFromName: null, observedAt }]),
  );
}

const suggestions = async (options: { tenantId?: string } = {}) =>
  (await call('GET', 'people/merge-suggestions', options)).body.suggestions as MergeSuggestionView[];

describe("Pat Okafor's card", () => {
  it('shows his title change from the display names in mail, since the first mail that showed it', async () => {
    const pat = await knownCardOf(PAT);
    expect(pat.title).toBe(PAT_TITLE_CHANGE.to);
    const change = pat.attributeHistory?.find((entry) => entry.attribute === 'title');
    expect(change).toMatchObject({ from: PAT_TITLE_CHANGE.from, to: PAT_TITLE_CHANGE.to });
    // A scaled-down tenant may hold no mail of Pat's on the very day: the first one after it.
    expect(change!.since >= PAT_TITLE_CHANGE.at.slice(0, 10)).toBe(true);
    expect(change!.since < stack.tenant.now.slice(0, 10)).toBe(true);
    // Outlook contacts (read after the mail) know him as Director too: the contact is the current
    // source, and the title still dates from the first mail that showed it.
    const inContacts = Object.values(deriveAddressBooks(stack.tenant)).some((book) => book.contacts.some((c) => c.emailAddresses[0]?.address === PAT));
    expect(inContacts).toBe(true);
    expect(pat.attributes).toContainEqual(expect.objectContaining({ attribute: 'title', value: 'Director', source: 'contact', firstObservedAt: change!.since }));
  });

  it('shows the same history after the same mail is synced again', async () => {
    const before = await knownCardOf(PAT);
    expect((await stack.sync()).failures).toEqual([]);
    const after = await knownCardOf(PAT);
    expect(after.attributeHistory).toEqual(before.attributeHistory);
  });
});

describe("Jess's card: the team view", () => {
  it('ranks who else on the team knows her, without Dana, her or any subject', async () => {
    const jess = await knownCardOf(JESS);
    const team = jess.team ?? [];
    expect(team.length).toBeGreaterThan(0);
    expect(team.length).toBeLessThanOrEqual(5);
    expect(team.map((member) => member.email)).not.toContain(DANA);
    expect(team.map((member) => member.email)).not.toContain(JESS);
    const scores = team.map((member) => member.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const member of team) expect(Object.keys(member).sort()).toEqual(['displayName', 'email', 'label', 'score']);
    expect(team.every((member) => member.displayName && member.displayName !== member.email)).toBe(true);
  });

  it('shows her directory phone and office with provenance', async () => {
    const jess = await knownCardOf(JESS);
    expect(jess.phone).toMatch(/^\+1 360 555/);
    expect(jess.office).toBeTruthy();
    expect(jess.attributes).toContainEqual(expect.objectContaining({ attribute: 'phone', source: 'graph-profile' }));
  });
});

describe('merging two addresses of one person', () => {
  beforeAll(async () => {
    await seedPerson(JESS_AT_COUNTY, 'Jess Morgan', '2026-05-01T16:00:00.000Z');
  });

  it('suggests the merge, then a confirmed merge makes the alias resolve to the person', async () => {
    const suggestion = (await suggestions()).find((s) => s.people.some((p) => p.email === JESS_AT_COUNTY));
    expect(suggestion).toMatchObject({ name: 'Jess Morgan', suggestedPrimary: JESS });
    expect(suggestion?.message).toMatch(/^Jess Morgan at orcacounty-cascadia\.gov and housing\.cascadia\.gov — same person\?/);
    expect(await cardOf(JESS_AT_COUNTY)).toMatchObject({ known: true, displayName: 'Jess Morgan' });

    const merged = await call('POST', 'people/merge', { body: { primary: JESS, secondary: JESS_AT_COUNTY } });
    expect(merged).toMatchObject({ status: 200, body: { primary: JESS, aliases: [JESS_AT_COUNTY] } });

    const viaAlias = await cardOf(JESS_AT_COUNTY);
    expect(viaAlias).toMatchObject({ email: JESS_AT_COUNTY, known: true, primaryEmail: JESS, displayName: 'Jess Morgan' });
    const direct = await knownCardOf(JESS);
    expect(direct.aliases).toEqual([JESS_AT_COUNTY]);
    expect((viaAlias as KnownPersonCard).strength).toEqual(direct.strength);
    expect((await suggestions()).some((s) => s.people.some((p) => p.email === JESS_AT_COUNTY))).toBe(false);

    // Idempotent: confirming again changes nothing.
    expect((await call('POST', 'people/merge', { body: { primary: JESS, secondary: JESS_AT_COUNTY } })).body).toEqual({ primary: JESS, aliases: [JESS_AT_COUNTY] });
  });

  it('records the merge in the audit trail', async () => {
    const primaryId = (await stack.repositories.people.findByEmails(stack.tenant.tenantId, [JESS]))[0]!.id;
    const entries = await stack.repositories.audit.listForPerson(stack.tenant.tenantId, primaryId, { limit: 10 });
    expect(entries.some((entry) => entry.summary === `Merged ${JESS_AT_COUNTY} into ${JESS}: the same person` && entry.actor.email === DANA)).toBe(true);
  });

  it('keeps the alias resolving after the next sync re-mines the mail', async () => {
    expect((await stack.sync()).failures).toEqual([]);
    expect(await cardOf(JESS_AT_COUNTY)).toMatchObject({ known: true, primaryEmail: JESS });
  });

  it('refuses to make an alias the primary of another merge', async () => {
    await seedPerson('jess.morgan@kestrelcounty.example.gov', 'Jess Morgan', '2026-03-01T16:00:00.000Z');
    const { status, body } = await call('POST', 'people/merge', { body: { primary: JESS_AT_COUNTY, secondary: 'jess.morgan@kestrelcounty.example.gov' } });
    expect(status).toBe(409);
    expect(body.error?.message).toMatch(/^primary: .* is an alias of jess\.morgan@housing\.cascadia\.gov/);
  });
});

/** Files `count` messages from `sender` into `owner`'s inbox on the Graph stand-in (picked up by the next sync). */
function deliverMail(owner: string, sender: { name: string; address: string }, count: number, tag: string): void {
  const user = stack.tenant.users.find((candidate) => candidate.mail === owner)!;
  const inbox = stack.tenant.mailboxes[user.id]!.folders.find((folder) => folder.wellKnownName === 'inbox')!;
  const template: GraphMessage = stack.tenant.mailboxes[user.id]!.messages[inbox.id]!.at(-1)!;
  for (let index = 0; index < count; index += 1) {
    stack.graphServer.addMessage(user.id, 'inbox', {
      ...template,
      id: `${tag}-${index}`,
      internetMessageId: `<${tag}-${index}@crosswalk.test>`,
      conversationId: `${tag}-${index}`,
      subject: `Shelter capacity figures ${index + 1}`,
      from: { emailAddress: sender },
      sender: { emailAddress: sender },
      toRecipients: [{ emailAddress: { name: user.displayName, address: owner } }],
      ccRecipients: [],
      bccRecipients: [],
    });
  }
}

describe('merging rescores at once, splitting undoes it, and both outlast re-mining', () => {
  const PAT_ALT = 'pat.okafor@regionalcouncil.example.org';
  const patAlt = { name: 'Pat Okafor', address: PAT_ALT };
  const received = async (email: string) => (await knownCardOf(email)).strength.emailsReceived;
  const edgeOf = async (owner: string, contact: string) =>
    (await stack.repositories.edges.findForOwner(stack.tenant.tenantId, owner, [contact]))[0];
  const patSuggested = async () => (await suggestions()).some((s) => s.people.some((p) => p.email === PAT_ALT) && s.people.some((p) => p.email === PAT));
  let before: { dana: number; jessEdge: number };

  beforeAll(async () => {
    deliverMail(DANA, patAlt, 3, 'pat-alt-dana');
    deliverMail(JESS, patAlt, 2, 'pat-alt-jess');
    expect((await stack.sync()).failures).toEqual([]);
    before = { dana: await received(PAT), jessEdge: (await edgeOf(JESS, PAT))?.strength.emailsReceived ?? 0 };
  });

  it('counts the alias apart before the merge, and suggests it', async () => {
    expect(await received(PAT_ALT)).toBe(3);
    expect((await edgeOf(JESS, PAT_ALT))?.strength.emailsReceived).toBe(2);
    expect(await patSuggested()).toBe(true);
  });

  it("shows the combined strength on the card and in the team view right after the merge, without a sync", async () => {
    expect((await call('POST', 'people/merge', { body: { primary: PAT, secondary: PAT_ALT } })).status).toBe(200);
    expect(await received(PAT)).toBe(before.dana + 3);
    expect(await stack.repositories.edges.findForContacts(stack.tenant.tenantId, [PAT_ALT])).toEqual([]);
    const jessEdge = await edgeOf(JESS, PAT);
    expect(jessEdge?.strength.emailsReceived).toBe(before.jessEdge + 2);
    const team = (await knownCardOf(PAT)).team ?? [];
    expect(team.find((member) => member.email === JESS)?.score).toBe(jessEdge?.strength.score);
  });

  it('splits the address back out: separate strengths again at once, audited, never suggested again', async () => {
    const split = await call('POST', 'people/unmerge', { body: { primary: PAT, secondary: PAT_ALT } });
    expect(split).toMatchObject({ status: 200, body: { primary: PAT, aliases: [], split: PAT_ALT } });
    expect(await received(PAT)).toBe(before.dana);
    expect(await cardOf(PAT_ALT)).toMatchObject({ known: true, email: PAT_ALT, strength: { emailsReceived: 3 } });
    expect(await cardOf(PAT_ALT)).not.toHaveProperty('primaryEmail');
    expect((await edgeOf(JESS, PAT))?.strength.emailsReceived).toBe(before.jessEdge);
    expect(await patSuggested()).toBe(false);
    const patId = (await stack.repositories.people.findByEmails(stack.tenant.tenantId, [PAT]))[0]!.id;
    const entries = await stack.repositories.audit.listForPerson(stack.tenant.tenantId, patId, { limit: 10 });
    expect(entries.some((entry) => entry.summary === `Split ${PAT_ALT} out of ${PAT}: different people` && entry.actor.email === DANA)).toBe(true);
  });

  it('answers 409 for an address that is not an alias of the primary', async () => {
    const again = await call('POST', 'people/unmerge', { body: { primary: PAT, secondary: PAT_ALT } });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toMatch(/^secondary: .* is not an alias of pat\.okafor@/);
  });

  it('keeps the split after a re-sync re-mines the same mail', async () => {
    expect((await stack.sync()).failures).toEqual([]);
    expect(await cardOf(PAT_ALT)).not.toHaveProperty('primaryEmail');
    expect(await received(PAT)).toBe(before.dana);
    expect(await received(PAT_ALT)).toBe(3);
    expect(await patSuggested()).toBe(false);
  });

  it('lets a user merge the pair again, and keeps that merge after a re-sync', async () => {
    expect((await call('POST', 'people/merge', { body: { primary: PAT, secondary: PAT_ALT } })).status).toBe(200);
    expect((await stack.sync()).failures).toEqual([]);
    expect(await cardOf(PAT_ALT)).toMatchObject({ known: true, primaryEmail: PAT });
    expect(await received(PAT)).toBe(before.dana + 3);
    expect((await edgeOf(JESS, PAT))?.strength.emailsReceived).toBe(before.jessEdge + 2);
  });
});

describe('dismissing a suggestion', () => {
  it('never suggests the pair again', async () => {
    await seedPerson('sam.delgado@driftwood-shelter.example.org', 'Sam Delgado', '2026-02-01T16:00:00.000Z');
    await seedPerson('sam.delgado@fernridge.example.org', 'Sam Delgado', '2026-03-01T16:00:00.000Z');
    const open = (await suggestions()).find((s) => s.people.some((p) => p.email === 'sam.delgado@fernridge.example.org'));
    expect(open).toBeDefined();
    expect(await call('POST', `people/merge-suggestions/${open!.id}/dismiss`)).toMatchObject({ status: 200, body: { dismissed: open!.id } });
    expect((await suggestions()).some((s) => s.id === open!.id)).toBe(false);
    expect((await call('POST', `people/merge-suggestions/${open!.id}/dismiss`)).status).toBe(404);
  });
});

describe('bad input answers 400 naming the field', () => {
  it.each<[string, unknown, RegExp]>([
    ['no primary', { secondary: JESS }, /^primary/],
    ['a malformed secondary', { primary: JESS, secondary: 'not-an-address' }, /^secondary: is not a valid email address/],
    ['the same address twice', { primary: JESS, secondary: ' Jess.Morgan@housing.cascadia.gov ' }, /^secondary: must differ from primary/],
    ['not an object', [JESS], /JSON object/],
  ])('%s', async (_case, body, message) => {
    const response = await call('POST', 'people/merge', { body });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe('bad-request');
    expect(response.body.error?.message).toMatch(message);
  });

  it.each<[string, unknown, RegExp]>([
    ['no secondary', { primary: JESS }, /^secondary/],
    ['a malformed primary', { primary: 'jess@', secondary: JESS }, /^primary: is not a valid email address/],
    ['the same address twice', { primary: JESS, secondary: JESS }, /^secondary: must differ from primary/],
  ])('unmerge: %s', async (_case, body, message) => {
    const response = await call('POST', 'people/unmerge', { body });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(message);
  });

  it('answers 404 naming the side that is unknown', async () => {
    const { status, body } = await call('POST', 'people/merge', { body: { primary: JESS, secondary: 'nobody@nowhere.example.org' } });
    expect(status).toBe(404);
    expect(body.error?.message).toMatch(/^secondary: no person/);
  });
});

describe('another tenant', () => {
  it('sees no suggestion, cannot merge and knows nobody', async () => {
    expect(await suggestions({ tenantId: OTHER_TENANT })).toEqual([]);
    expect((await call('POST', 'people/merge', { body: { primary: JESS, secondary: PAT }, tenantId: OTHER_TENANT })).status).toBe(404);
    expect((await call('POST', 'people/unmerge', { body: { primary: JESS, secondary: JESS_AT_COUNTY }, tenantId: OTHER_TENANT })).status).toBe(404);
    expect(await cardOf(JESS_AT_COUNTY, { tenantId: OTHER_TENANT })).toEqual({ email: JESS_AT_COUNTY, known: false });
  });
});
