// Local secrets: generated on first use into a file only the owner can read, kept across
// restarts, different per machine (per file), completed when a newer stack needs another one.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { LOCAL_SECRETS_PATH, loadLocalSecrets } from '../../dev/local-secrets.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadLocalSecrets', () => {
  it('generates strong random secrets on first use into an owner-only file', () => {
    const path = join(dir, 'nested', 'secrets.json');
    const secrets = loadLocalSecrets({ path });
    expect(secrets.graphClientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secrets.cosmosKey, 'base64')).toHaveLength(64);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('returns the same secrets on every later start, and other secrets for another file', () => {
    const path = join(dir, 'secrets.json');
    const first = loadLocalSecrets({ path });
    expect(loadLocalSecrets({ path })).toEqual(first);
    const other = loadLocalSecrets({ path: join(dir, 'other.json') });
    expect(other.graphClientSecret).not.toBe(first.graphClientSecret);
    expect(other.cosmosKey).not.toBe(first.cosmosKey);
  });

  it('adds a secret the file lacks and keeps the ones it has', () => {
    const path = join(dir, 'secrets.json');
    writeFileSync(path, JSON.stringify({ graphClientSecret: 'kept-from-an-older-stack' }));
    const secrets = loadLocalSecrets({ path });
    expect(secrets.graphClientSecret).toBe('kept-from-an-older-stack');
    expect(secrets.cosmosKey.length).toBeGreaterThan(80);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
  });

  it('lives under .data/, which git ignores', () => {
    expect(LOCAL_SECRETS_PATH.replace(/\\/g, '/')).toMatch(/\/\.data\/secrets\.json$/);
    const root = join(import.meta.dirname, '..', '..');
    expect(execFileSync('git', ['check-ignore', '.data/secrets.json'], { cwd: root, encoding: 'utf8' }).trim()).toBe('.data/secrets.json');
  });
});
