// Secrets of the local stack, generated on first start into .data/secrets.json (git-ignored,
// readable by the owner only), so nothing secret-shaped has to live in the repository and no
// two developer machines share one. Deployed Azure gets its secrets from Key Vault references
// and managed identity instead (docs/SECURITY.md); these values never leave the machine.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATA_DIR } from './local-ca.ts';

export const LOCAL_SECRETS_PATH = join(DATA_DIR, 'secrets.json');

export interface LocalSecrets {
  /** The client secret the functions' Graph app presents to the local issuer's token endpoint. */
  graphClientSecret: string;
  /** The account key of the local Cosmos DB stand-in (base64 of 64 random bytes, shaped like Cosmos's). */
  cosmosKey: string;
}

const GENERATORS: { [K in keyof LocalSecrets]: () => string } = {
  graphClientSecret: () => randomBytes(32).toString('base64url'),
  cosmosKey: () => randomBytes(64).toString('base64'),
};

/**
 * Returns the local secrets, creating the file on first use and adding any secret a newer
 * version of the stack needs. Existing values are never replaced: tokens, snapshots and running
 * processes keep working across restarts.
 */
export function loadLocalSecrets(options: { path?: string } = {}): LocalSecrets {
  const path = options.path ?? LOCAL_SECRETS_PATH;
  if (!existsSync(path)) createSecretsFile({ path, secrets: generateSecrets({}) });
  const stored = readSecretsFile(path);
  const complete = generateSecrets(stored);
  if (Object.keys(GENERATORS).some((name) => stored[name as keyof LocalSecrets] === undefined)) {
    replaceSecretsFile({ path, secrets: complete });
  }
  return complete;
}

function generateSecrets(existing: Partial<LocalSecrets>): LocalSecrets {
  const entries = Object.entries(GENERATORS).map(([name, generate]) => {
    const value = existing[name as keyof LocalSecrets];
    return [name, typeof value === 'string' && value.length > 0 ? value : generate()];
  });
  return Object.fromEntries(entries) as unknown as LocalSecrets;
}

function readSecretsFile(path: string): Partial<LocalSecrets> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path} is not a JSON object; delete it to generate new local secrets`);
  return parsed as Partial<LocalSecrets>;
}

function writeTemp(options: { path: string; secrets: LocalSecrets }): string {
  mkdirSync(dirname(options.path), { recursive: true });
  const tempPath = `${options.path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tempPath, `${JSON.stringify(options.secrets, null, 2)}\n`, { mode: 0o600 });
  return tempPath;
}

/** First creation: hard-link into place, which fails if a parallel process (a test worker, the CLI) won the race. */
function createSecretsFile(options: { path: string; secrets: LocalSecrets }): void {
  const tempPath = writeTemp(options);
  try {
    linkSync(tempPath, options.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(tempPath, { force: true });
  }
}

/** Adding a missing secret: an atomic rename, so a reader sees the old file or the new one. */
function replaceSecretsFile(options: { path: string; secrets: LocalSecrets }): void {
  renameSync(writeTemp(options), options.path);
}
