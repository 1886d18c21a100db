// Import on real mail metadata: the public Enron corpus (../shared/data/enron, see SOURCE.md)
// converted in the test into header-only mbox files and imported into the real Cosmos
// stand-in. Kenneth Lay's mailbox sample (500 messages, many in two folders, no Message-IDs)
// and Vince Kaminski's correspondence from the igraph edge list (about 1,500 messages).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strengthConstants } from '../../../shared/scoring/strength-constants.ts';
import { importMailbox } from '../../../functions/src/import/import-mailbox.ts';
import { readMbox } from '../../../functions/src/import/read-mbox.ts';
import { startCosmosFixture, type CosmosFixture } from './cosmos-fixture.ts';

const ENRON = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'enron');
const tenantId = 'tenant-enron';

interface HeaderMessage {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  date: Date;
  subject: string;
  extra?: string[];
}

function formatDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function formatList(addresses: string[]): string {
  // Folded after every address, as real clients fold long recipient lists.
  return addresses.join(',\n\t');
}

/** Writes header-only messages as an mbox, in the order given. */
function writeHeaderMbox(path: string, messages: HeaderMessage[]): void {
  const parts: string[] = [];
  for (const message of messages) {
    parts.push(`From ${message.from.replace(/^.*<|>$/g, '')} ${message.date.toUTCString().replace(/,|GMT/g, '').trim()}`);
    parts.push(`From: ${message.from}`);
    if (message.to.length) parts.push(`To: ${formatList(message.to)}`);
    if (message.cc.length) parts.push(`Cc: ${formatList(message.cc)}`);
    if (message.bcc.length) parts.push(`Bcc: ${formatList(message.bcc)}`);
    parts.push(`Date: ${formatDate(message.date)}`, `Subject: ${message.subject}`, ...(message.extra ?? []), '', '');
  }
  writeFileSync(path, parts.join('\n'));
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]!));
}

let fixture: CosmosFixture;
let dir: string;

beforeAll(async () => {
  fixture = await startCosmosFixture();
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-enron-'));
});
afterAll(async () => {
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Kenneth Lay\'s mailbox sample', () => {
  const owner = 'kenneth.lay@enron.com';
  interface LayMessage { sender: string; to: string[]; cc: string[]; bcc: string[]; date: string; folder: string; subject: string; text: string }
  const sample = JSON.parse(readFileSync(join(ENRON, 'lay-k-mailbox-sample.json'), 'utf8')) as LayMessage[];
  const keyOf = (m: LayMessage) => JSON.stringify([m.sender, m.to, m.cc, m.date, m.subject]);
  const distinct = new Map(sample.map((m) => [keyOf(m), m]));

  it('imports each message once, though many sit in two folders', async () => {
    const path = join(dir, 'lay-k.mbox');
    writeHeaderMbox(path, sample.map((m) => ({
      from: m.sender, to: m.to, cc: m.cc, bcc: m.bcc, date: new Date(m.date), subject: m.subject,
      // Folder copies differ in their folder header; the derived id must not.
      extra: [`X-Folder: ${m.folder}`],
    })));
    const latest = new Date(Math.max(...sample.map((m) => Date.parse(m.date))));
    const summary = await importMailbox({
      source: readMbox(path), repositories: fixture.repositories, tenantId, ownerEmail: owner, sourceName: 'lay-k.mbox', now: () => latest,
    });
    expect(summary).toMatchObject({ read: 500, malformed: 0, imported: distinct.size, duplicates: 500 - distinct.size });
    expect(distinct.size).toBe(345);

    const again = await importMailbox({ source: readMbox(path), repositories: fixture.repositories, tenantId, ownerEmail: owner, now: () => latest });
    expect(again).toMatchObject({ read: 500, imported: 0, duplicates: 500, malformed: 0 });
  }, 120_000);

  it('gives him an edge to everyone who wrote to him, strongest for recent writers', async () => {
    const latest = Math.max(...sample.map((m) => Date.parse(m.date)));
    const writers = new Map<string, number>();
    const recentWriters = new Set<string>();
    for (const m of distinct.values()) {
      if (m.sender === owner || ![...m.to, ...m.cc].includes(owner)) continue;
      writers.set(m.sender, (writers.get(m.sender) ?? 0) + 1);
      if (Date.parse(m.date) > latest - 120 * 86_400_000) recentWriters.add(m.sender);
    }
    const edges = await fixture.repositories.edges.findForOwner(tenantId, owner, [...writers.keys()]);
    expect(edges.map((e) => e.contactEmail).sort()).toEqual([...writers.keys()].sort());
    for (const edge of edges) expect(edge.strength.emailsReceived).toBe(writers.get(edge.contactEmail));
    // His daughter Elizabeth wrote to him most often in this sample.
    expect([...edges].sort((a, b) => b.strength.emailsReceived - a.strength.emailsReceived)[0]!.contactEmail).toBe('elizabeth.lay@enron.com');
    // Strength decays (60-day half-life), so the strongest is someone who wrote in the last months.
    const strongest = [...edges].sort((a, b) => b.strength.score - a.strength.score)[0]!;
    expect(strongest.strength.score).toBeGreaterThan(0);
    expect(recentWriters).toContain(strongest.contactEmail);
    // Mail he only received is not a two-way relationship: capped.
    expect(edges.every((e) => e.strength.score <= strengthConstants.oneWayCap)).toBe(true);
  });
});

describe('Vince Kaminski\'s correspondence from the Enron edge list', () => {
  const ownerId = '179';
  const nodes = new Map(parseCsv(readFileSync(join(ENRON, 'enron_nodes.csv'), 'utf8')).map(([id, local, name]) => [id!, { email: `${local}@enron.com`, name: name! }]));
  const owner = nodes.get(ownerId)!.email;
  // One message per (sender, time); the edge list repeats recipients of copies in several folders.
  const messages = new Map<string, { from: string; time: string; recipients: Map<string, Set<string>> }>();
  for (const [from, to, time, type] of parseCsv(readFileSync(join(ENRON, 'enron_edges.csv'), 'utf8'))) {
    const key = `${from}|${time}`;
    const message = messages.get(key) ?? { from: from!, time: time!, recipients: new Map() };
    const ofType = message.recipients.get(type!) ?? new Set<string>();
    ofType.add(to!);
    message.recipients.set(type!, ofType);
    messages.set(key, message);
  }
  const involved = [...messages.values()].filter((m) => m.from === ownerId || [...m.recipients.values()].some((set) => set.has(ownerId)));
  const address = (id: string) => `"${nodes.get(id)!.name}" <${nodes.get(id)!.email}>`;
  const emailOf = (id: string) => nodes.get(id)!.email;

  it('imports every message he sent or received, and counts each side exactly', async () => {
    const path = join(dir, 'kaminski.mbox');
    writeHeaderMbox(path, involved.map((m, n) => ({
      from: address(m.from),
      to: [...(m.recipients.get('to') ?? [])].map(address),
      cc: [...(m.recipients.get('cc') ?? [])].map(address),
      bcc: [...(m.recipients.get('bcc') ?? [])].map(address),
      date: new Date(`${m.time.replace(' ', 'T')}Z`),
      subject: `Enron message ${n}`,
    })));
    // Strength as of the time by which he had sent or received 90% of this mail (the last few
    // messages trail on into 2002); messages after it do not count yet.
    const times = involved.map((m) => Date.parse(`${m.time.replace(' ', 'T')}Z`)).sort((a, b) => a - b);
    const asOf = times[Math.floor(times.length * 0.9)]!;
    const summary = await importMailbox({
      source: readMbox(path), repositories: fixture.repositories, tenantId, ownerEmail: owner, sourceName: 'kaminski.mbox', now: () => new Date(asOf),
    });
    expect(summary).toMatchObject({ read: involved.length, imported: involved.length, duplicates: 0, malformed: 0 });
    expect(involved.length).toBeGreaterThan(1000);

    // Counted straight from the edge list: mail he sent to each person, mail each person sent him.
    const sent = new Map<string, number>();
    const received = new Map<string, number>();
    const recent = new Map<string, number>();
    for (const m of involved) {
      const at = Date.parse(`${m.time.replace(' ', 'T')}Z`);
      if (at > asOf) continue;
      const others = new Set(m.from === ownerId ? [...m.recipients.values()].flatMap((set) => [...set]).filter((id) => id !== ownerId) : [m.from]);
      if (at > asOf - 120 * 86_400_000) for (const id of others) recent.set(emailOf(id), (recent.get(emailOf(id)) ?? 0) + 1);
      if (m.from === ownerId) {
        const others = new Set([...m.recipients.values()].flatMap((set) => [...set]).filter((id) => id !== ownerId));
        for (const id of others) sent.set(emailOf(id), (sent.get(emailOf(id)) ?? 0) + 1);
      } else {
        received.set(emailOf(m.from), (received.get(emailOf(m.from)) ?? 0) + 1);
      }
    }
    const contacts = [...new Set([...sent.keys(), ...received.keys()])];
    const edges = await fixture.repositories.edges.findForOwner(tenantId, owner, contacts);
    expect(edges).toHaveLength(contacts.length);
    for (const edge of edges) {
      expect({ contact: edge.contactEmail, sent: edge.strength.emailsSent, received: edge.strength.emailsReceived }).toEqual({
        contact: edge.contactEmail,
        sent: sent.get(edge.contactEmail) ?? 0,
        received: received.get(edge.contactEmail) ?? 0,
      });
    }
    // Strength decays with time (60-day half-life): his strongest contacts are among the people
    // he corresponded with most in the four months before.
    const busiestRecently = [...recent].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([email]) => email);
    const strongest = [...edges].sort((a, b) => b.strength.score - a.strength.score).slice(0, 3);
    expect(strongest.every((edge) => edge.strength.score > 0)).toBe(true);
    for (const edge of strongest) expect(busiestRecently).toContain(edge.contactEmail);
  }, 180_000);
});
