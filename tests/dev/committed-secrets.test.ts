// Nothing secret is committed: every file git tracks is scanned for private keys, account keys,
// Entra client secrets, signed JWTs, connection strings with keys, and secret-named settings with
// random-looking values. Test fixtures pass only with obviously fake values ('fake', 'test',
// 'local', ...). Local secrets are generated into .data/ (dev/local-secrets.ts); Azure's come
// from Key Vault references and managed identity (docs/SECURITY.md).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZURITE_ACCOUNT_KEY } from '../../dev/azurite.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/**
 * Values that look like keys but are public on purpose: Azurite's development-storage key is
 * published by Microsoft and accepted by every Azurite install; it protects nothing.
 */
const PUBLIC_VALUES = new Set([AZURITE_ACCOUNT_KEY]);
const FAKE_MARKERS = /fake|test|example|dummy|local|not-a|placeholder|sample|changeme|\$\{/i;

const DETECTORS: Array<{ name: string; pattern: RegExp; isSecret?: (match: RegExpMatchArray) => boolean }> = [
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
  // Cosmos DB and Storage account keys: base64 of 64 bytes. Lock-file integrity hashes are not keys.
  { name: 'account key', pattern: /(?<![A-Za-z0-9+/])(?<!sha512-)[A-Za-z0-9+/]{86}==/g },
  { name: 'connection string key', pattern: /AccountKey=[A-Za-z0-9+/]{20,}={0,2}/g },
  // Entra ID client secrets: three characters, a digit, "Q~", then 31 to 34 more.
  { name: 'Entra client secret', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/g },
  { name: 'signed JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g },
  {
    name: 'secret-named value',
    pattern: /(?:secret|password|passwd|api[_-]?key|account[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["'`]([^"'`\s]{16,})["'`]/gi,
    // Random-looking: letters and digits mixed, no fixture marker.
    isSecret: (match) => /[A-Za-z]/.test(match[1]!) && /\d/.test(match[1]!) && !FAKE_MARKERS.test(match[1]!),
  },
];

interface Finding {
  file: string;
  line: number;
  detector: string;
}

/** Scans one text; returns where each detector found something that is not an allowed public value. */
function findSecrets(options: { file: string; text: string }): Finding[] {
  const findings: Finding[] = [];
  for (const detector of DETECTORS) {
    for (const match of options.text.matchAll(detector.pattern)) {
      if (PUBLIC_VALUES.has(match[0]) || [...PUBLIC_VALUES].some((value) => match[0].includes(value))) continue;
      if (detector.isSecret && !detector.isSecret(match)) continue;
      const line = options.text.slice(0, match.index).split('\n').length;
      findings.push({ file: options.file, line, detector: detector.name });
    }
  }
  return findings;
}

function listTrackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !/\.(png|ico|jpg|gif|woff2?|zip)$/i.test(file));
}

describe('committed files', () => {
  it('contain no secrets', () => {
    const findings = listTrackedTextFiles().flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      } catch {
        return []; // deleted in the working tree
      }
      return findSecrets({ file, text });
    });
    // Only where a finding is, never what: the message must not repeat a secret.
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.detector}`)).toEqual([]);
  });

  it('include the manifests, which carry no secret either', () => {
    const files = listTrackedTextFiles();
    expect(files).toContain('manifest/manifest.xml');
    expect(files).toContain('manifest/manifest.json');
  });
});

describe('findSecrets', () => {
  // Built at run time so this file itself holds nothing the scan would flag.
  const base64Key = Buffer.alloc(64, 7).toString('base64');
  const entraSecret = `abc8Q~${'x1'.repeat(17)}`;
  const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.${'s'.repeat(40)}`;
  const randomValue = ['q8Zr2vNw', '7Lp4Xk9Tb3Mh'].join('');

  it.each([
    { name: 'a PEM private key', text: `${'-----BEGIN '}RSA PRIVATE KEY-----\nMIIE...`, detector: 'private key' },
    { name: 'an account key', text: `const key = '${base64Key}';`, detector: 'account key' },
    { name: 'a connection string', text: `AccountName=x;AccountKey=${base64Key.slice(0, 40)};`, detector: 'connection string key' },
    { name: 'an Entra client secret', text: `CROSSWALK_GRAPH_CLIENT_SECRET=${entraSecret}`, detector: 'Entra client secret' },
    { name: 'a signed JWT', text: `Authorization: Bearer ${jwt}`, detector: 'signed JWT' },
    { name: 'a random secret setting', text: `clientSecret: '${randomValue}'`, detector: 'secret-named value' },
  ])('finds $name', ({ text, detector }) => {
    expect(findSecrets({ file: 'x.ts', text }).map((finding) => finding.detector)).toContain(detector);
  });

  it.each([
    { name: 'an obviously fake fixture value', text: `clientSecret: 'test-fixture-not-a-secret-123'` },
    { name: 'a short local placeholder', text: `clientSecret: 'local-only'` },
    { name: 'a template', text: 'secret: `${secrets.graphClientSecret}`' },
    { name: 'a lock-file integrity hash', text: `"integrity": "sha512-${base64Key}"` },
    { name: 'the public Azurite key', text: `AccountKey=${AZURITE_ACCOUNT_KEY};` },
  ])('lets $name pass', ({ text }) => {
    expect(findSecrets({ file: 'x.ts', text })).toEqual([]);
  });
});
