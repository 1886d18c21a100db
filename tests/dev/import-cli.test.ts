// `npm run import`: spawned as a developer runs it, on a generated mbox. Standalone (its own
// Cosmos stand-in, saved to a temporary data dir, never the developer's .data) and against a
// running stand-in; --json summary on the last stdout line; a second run imports nothing;
// malformed messages are counted, not fatal; usage mistakes exit 2.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCosmosStandIn, type CosmosStandIn } from '../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';
import { DEMO_TENANT_ID } from '../../dev/token-issuer.ts';
import { makeOwnerKey } from '../../functions/src/mining/mine-message.ts';
import { openCosmosStore } from '../../functions/src/store/cosmos-store.ts';
import { createRepositories } from '../../functions/src/store/repositories.ts';
import { generateMessages, writeMbox } from '../functions/import/mail-fixtures.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const owner = 'dana.reyes@housing.cascadia.gov';
// Nothing listens on port 1: forces the standalone mode even if `npm start` is running.
const NO_STACK = 'https://127.0.0.1:1';

let dir: string;
let mboxPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-import-cli-'));
  const messages = generateMessages(30, { owner, contacts: ['jess.morgan@health.cascadia.gov', 'pat.okafor@county.example.org'] });
  mkdirSync(join(dir, 'photos'));
  writeFileSync(join(dir, 'photos', 'a.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  mboxPath = writeMbox(join(dir, 'export.mbox'), [...messages.slice(0, 10), { raw: 'Subject: no sender, no date' }, ...messages.slice(10)]).path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'dev/with-local-ca.ts', 'npx', 'tsx', 'dev/import-cli.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

describe('import-cli, standalone', () => {
  const env = () => ({ CROSSWALK_COSMOS_ENDPOINT: NO_STACK, CROSSWALK_DATA_DIR: join(dir, 'data') });

  it('imports, saves the snapshot for the next npm start, and prints the summary last', async () => {
    const result = await runCli([mboxPath, '--owner', owner, '--json'], env());
    expect(result.stderr).toContain('standalone');
    expect(result.code).toBe(0);
    const summary = JSON.parse(lastLine(result.stdout)) as Record<string, number>;
    expect(Object.keys(summary).sort()).toEqual(['duplicates', 'imported', 'malformed', 'read', 'seconds']);
    expect(summary).toMatchObject({ read: 31, imported: 30, duplicates: 0, malformed: 1 });
    expect(result.stderr).toMatch(/malformed: message 11 at byte \d+: no From/);
    expect(result.stderr).toMatch(/read 31 · imported 30 · duplicates 0 · malformed 1 · [\d,]+ msg\/s/);

    const snapshot = readFileSync(join(dir, 'data', 'cosmos', 'snapshot.json'), 'utf8');
    expect(snapshot).toContain(`${DEMO_TENANT_ID}|${owner}`);
    expect(snapshot).not.toContain('BODY-SECRET');
  }, 90_000);

  it('imports nothing the second time', async () => {
    const result = await runCli([mboxPath, '--owner', owner, '--json'], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(lastLine(result.stdout))).toMatchObject({ read: 31, imported: 0, duplicates: 30, malformed: 1 });
  }, 90_000);
});

describe('import-cli, against a running stack', () => {
  let cosmos: CosmosStandIn;

  beforeAll(async () => {
    cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
  });
  afterAll(() => cosmos?.close());

  it('writes through the running Cosmos stand-in and leaves the data dir alone', async () => {
    const dataDir = join(dir, 'unused-data');
    const result = await runCli([mboxPath, '--owner', owner, '--tenant', 'tenant-cli-test'], {
      CROSSWALK_COSMOS_ENDPOINT: cosmos.endpoint,
      CROSSWALK_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('running local stack');
    expect(lastLine(result.stdout)).toMatch(/^Imported 30 of 31 messages in [\d.]+ s: 0 already there, 1 malformed\.$/);
    expect(existsSync(dataDir)).toBe(false);

    const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'crosswalk' });
    try {
      const repositories = createRepositories(store);
      const ledger = await repositories.interactions.listByOwner('tenant-cli-test', makeOwnerKey('tenant-cli-test', owner));
      expect(ledger).toHaveLength(30);
      const edges = await repositories.edges.findForOwner('tenant-cli-test', owner, ['jess.morgan@health.cascadia.gov', 'pat.okafor@county.example.org']);
      expect(edges).toHaveLength(2);
    } finally {
      store.close();
    }
  }, 90_000);
});

describe('import-cli, usage mistakes', () => {
  const env = () => ({ CROSSWALK_COSMOS_ENDPOINT: NO_STACK, CROSSWALK_DATA_DIR: join(dir, 'never') });

  // Independent processes that fail before touching any data: run side by side.
  it.concurrent.each([
    ['missing --owner', () => [mboxPath], /missing --owner/],
    ['invalid --owner', () => [mboxPath, '--owner', 'not-an-address'], /is not an email address/],
    ['missing path', () => [join(dir, 'nope.mbox'), '--owner', owner], /no such file or folder/],
    ['no path at all', () => ['--owner', owner], /missing the path/],
    ['unknown kind', () => [join(dir, 'photos'), '--owner', owner], /cannot tell what kind of mailbox export/],
    ['unknown option', () => [mboxPath, '--owner', owner, '--bogus'], /Unknown option/],
  ])('%s → exit 2', async (_name, args, message) => {
    const result = await runCli(args(), env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run import');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  }, 60_000);
});
