// importMailbox against the real Cosmos stand-in: a generated mbox is imported through the one
// write path, broken messages are counted with their positions, duplicates inside the file
// and across runs are recognised, a re-import imports nothing, and the owner's edges exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { importMailbox, type ImportProgress } from '../../../functions/src/import/import-mailbox.ts';
import { readMbox } from '../../../functions/src/import/read-mbox.ts';
import { makeOwnerKey } from '../../../functions/src/mining/mine-message.ts';
import { startCosmosFixture, type CosmosFixture } from './cosmos-fixture.ts';
import { BODY_MARKER, generateMessages, writeMbox } from './mail-fixtures.ts';

const tenantId = 'tenant-import-test';
const owner = 'dana.reyes@housing.cascadia.gov';
const contacts = ['jess.morgan@health.cascadia.gov', 'pat.okafor@county.example.org', 'lee.chen@shelter.example.org'];
const now = () => new Date('2024-02-01T00:00:00Z');

let fixture: CosmosFixture;
let dir: string;

beforeAll(async () => {
  fixture = await startCosmosFixture();
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-import-'));
});
afterAll(async () => {
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

function runImport(path: string, options: { batchSize?: number; onProgress?: (p: ImportProgress) => void } = {}) {
  return importMailbox({
    source: readMbox(path),
    repositories: fixture.repositories,
    tenantId,
    ownerEmail: owner,
    sourceName: 'generated.mbox',
    now,
    ...options,
  });
}

async function ledger(): Promise<Interaction[]> {
  return fixture.repositories.interactions.listByOwner(tenantId, makeOwnerKey(tenantId, owner));
}

describe('importMailbox', () => {
  const messages = generateMessages(120, { owner, contacts });
  // Two broken entries in the middle, and messages 0-4 exported a second time at the end.
  const entries = [
    ...messages.slice(0, 60),
    { raw: 'garbage that is not mail' },
    { raw: 'From: someone@example.org\nSubject: no date' },
    ...messages.slice(60),
    ...messages.slice(0, 5),
  ];
  let mboxPath: string;

  beforeAll(() => {
    mboxPath = writeMbox(join(dir, 'generated.mbox'), entries).path;
  });

  it('imports, counting malformed messages with their positions and duplicates inside the file', async () => {
    const progress: ImportProgress[] = [];
    const summary = await runImport(mboxPath, { batchSize: 50, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ read: 127, imported: 120, duplicates: 5, malformed: 2 });
    expect(summary.malformedPositions).toEqual([
      expect.stringMatching(/^message 61 at byte \d+: not a mail header block$/),
      'message 62 at byte ' + summary.malformedPositions[1]!.split('byte ')[1]!.split(':')[0] + ': no Date',
    ]);
    expect(progress.at(-1)).toMatchObject({ read: 127, imported: 120, duplicates: 5, malformed: 2, done: true });
    expect(progress.filter((p) => !p.done).length).toBeGreaterThanOrEqual(3);

    const stored = await ledger();
    expect(stored).toHaveLength(120);
    expect(JSON.stringify(stored)).not.toContain(BODY_MARKER);
    expect(stored.filter((i) => i.direction === 'sent')).toHaveLength(30);
    expect(stored.every((i) => i.source.folder === 'import' && i.source.graphId.startsWith('import:generated.mbox#message '))).toBe(true);
  });

  it('computes the owner\'s edges and folds the people in', async () => {
    const edges = await fixture.repositories.edges.findForOwner(tenantId, owner, [...contacts, 'cc.person@example.org']);
    // A fellow Cc on received mail is not a relationship of the owner's: no edge.
    expect(edges.map((e) => e.contactEmail).sort()).toEqual([...contacts].sort());
    for (const contact of contacts) {
      const edge = edges.find((e) => e.contactEmail === contact)!;
      // Each contact both wrote to and heard from the owner: a two-way relationship.
      expect(edge.strength.emailsSent).toBeGreaterThan(0);
      expect(edge.strength.emailsReceived).toBeGreaterThan(0);
      expect(edge.strength.score).toBeGreaterThan(0);
    }
    const people = await fixture.repositories.people.findByEmails(tenantId, contacts);
    expect(people.map((p) => p.email).sort()).toEqual([...contacts].sort());
  });

  it('imports nothing the second time and leaves the ledger as it was', async () => {
    const before = (await ledger()).map(({ id, at, subject, participants }) => ({ id, at, subject, participants }));
    const summary = await runImport(mboxPath, { batchSize: 7 });
    expect(summary).toMatchObject({ read: 127, imported: 0, duplicates: 125, malformed: 2 });
    expect(summary.duplicates).toBe(summary.read - summary.malformed);
    const after = (await ledger()).map(({ id, at, subject, participants }) => ({ id, at, subject, participants }));
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('counts messages from excluded senders as excluded and never stores them', async () => {
    const otherOwner = 'lee.chen@shelter.example.org';
    await fixture.repositories.settings.saveExclusions(tenantId, { kind: 'user', ownerEmail: otherOwner }, { addresses: [], domains: ['county.example.org'] }, { updatedBy: otherOwner, now: now().toISOString() });
    const path = writeMbox(join(dir, 'exclusions.mbox'), generateMessages(6, { owner: otherOwner, contacts: ['pat.okafor@county.example.org', 'jess.morgan@health.cascadia.gov'] })).path;
    const run = () => importMailbox({ source: readMbox(path), repositories: fixture.repositories, tenantId, ownerEmail: otherOwner, now });
    // Messages 0 and 4 the owner sent to the county (no one else would remain), 2 came from it.
    expect(await run()).toMatchObject({ read: 6, imported: 3, excluded: 3, duplicates: 0 });
    expect(await run()).toMatchObject({ read: 6, imported: 0, excluded: 3, duplicates: 3 });
    const stored = await fixture.repositories.interactions.listByOwner(tenantId, makeOwnerKey(tenantId, otherOwner));
    expect(JSON.stringify(stored)).not.toContain('county.example.org');
  });
});
