// `npm run import -- <file.mbox | folder of .eml | maildir> --owner <address> [--tenant <id>] [--json]`
// Reads a mailbox export (headers only) into the same Interaction pipeline a Graph sync feeds.
// Writes through the running local stack's Cosmos stand-in when `npm start` is up; otherwise
// starts the stand-in itself on the same snapshot, so `npm start` finds the data afterwards.
// Progress goes to stderr; with --json the summary is the last line of stdout.
import { request } from 'node:https';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emailSchema } from '../shared/domain/email-address.ts';
import { detectMailboxKind } from '../functions/src/import/detect-mailbox-kind.ts';
import { importMailbox, type ImportProgress, type ImportSummary } from '../functions/src/import/import-mailbox.ts';
import type { MailboxMessage } from '../functions/src/import/mailbox-message.ts';
import { openMailboxSource } from '../functions/src/import/open-mailbox-source.ts';
import { openCosmosStore } from '../functions/src/store/cosmos-store.ts';
import { createRepositories } from '../functions/src/store/repositories.ts';
import { startCosmosStandIn } from './cosmos-server.ts';
import { loadLocalSecrets } from './local-secrets.ts';
import { DATA_DIR, ensureLocalCertificate } from './local-ca.ts';
import { DEMO_TENANT_ID } from './token-issuer.ts';

const USAGE = `usage: npm run import -- <file.mbox | folder of .eml | maildir> --owner <address> [--tenant <id>] [--json]
         [--data-dir <dir>] [--as-of <date>]

  --owner     the mailbox owner's address (mail From it counts as sent)
  --tenant    tenant id (default: the demo tenant ${DEMO_TENANT_ID})
  --json      print the summary as JSON on the last line of stdout
  --data-dir  where the standalone run keeps its data (default .data, or $CROSSWALK_DATA_DIR)
  --as-of     compute relationship strength as of this date (default: now)`;

const RUNNING_STACK_COSMOS = process.env.CROSSWALK_COSMOS_ENDPOINT ?? 'https://127.0.0.1:8081';
const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

class UsageError extends Error {}

interface CliOptions {
  path: string;
  owner: string;
  tenantId: string;
  json: boolean;
  dataDir: string;
  asOf: Date | null;
}

const optionSpec = {
  owner: { type: 'string' },
  tenant: { type: 'string' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: optionSpec, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function readOptions(argv: string[]): CliOptions {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the path of the mailbox export' : 'give exactly one path');
  const path = resolve(positionals[0]!);
  if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  if (!values.owner) throw new UsageError('missing --owner <address>: whose mailbox is this?');
  const owner = emailSchema.safeParse(values.owner);
  if (!owner.success) throw new UsageError(`--owner ${JSON.stringify(values.owner)} is not an email address`);
  const tenantId = values.tenant ?? DEMO_TENANT_ID;
  if (!TENANT_PATTERN.test(tenantId)) throw new UsageError(`--tenant ${JSON.stringify(tenantId)} is not a tenant id`);
  const asOf = values['as-of'] ? new Date(values['as-of']) : null;
  if (asOf && Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of ${JSON.stringify(values['as-of'])} is not a date`);
  const dataDir = resolve(values['data-dir'] ?? process.env.CROSSWALK_DATA_DIR ?? DATA_DIR);
  return { path, owner: owner.data, tenantId, json: values.json ?? false, dataDir, asOf };
}

/** 'up' when something answers HTTPS at the endpoint, 'down' when nothing listens. */
function probeCosmos(endpoint: string): Promise<'up' | 'down'> {
  return new Promise((resolvePromise, reject) => {
    const req = request(endpoint, { method: 'GET', timeout: 1500 }, (response) => {
      response.resume();
      resolvePromise('up');
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ETIMEDOUT' || error.code === 'ECONNRESET') resolvePromise('down');
      else reject(new Error(`${endpoint} answered but could not be used (${error.message}); run through \`npm run import\`, which trusts the local certificate`));
    });
    req.end();
  });
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Progress on stderr: redrawn in place on a terminal, a line every few seconds otherwise (logs, CI). */
function createProgressReporter(stream: NodeJS.WriteStream): (progress: ImportProgress) => void {
  const interactive = stream.isTTY === true;
  let lastLine = 0;
  return (progress) => {
    const rate = progress.seconds > 0 ? Math.round(progress.read / progress.seconds) : 0;
    const text =
      `  read ${formatCount(progress.read)} · imported ${formatCount(progress.imported)} · duplicates ${formatCount(progress.duplicates)}` +
      ` · malformed ${formatCount(progress.malformed)}${progress.excluded ? ` · excluded ${formatCount(progress.excluded)}` : ''} · ${formatCount(rate)} msg/s`;
    if (interactive) {
      stream.write(`\r${text}\x1b[K${progress.done ? '\n' : ''}`);
    } else if (progress.done || Date.now() - lastLine >= 3000) {
      stream.write(`${text}${progress.done ? ' · done' : ''}\n`);
      lastLine = Date.now();
    }
  };
}

/** Stops yielding after Ctrl+C, so the import ends cleanly: what was read is written and enriched. */
async function* untilInterrupted(source: AsyncIterable<MailboxMessage>, signal: AbortSignal): AsyncGenerator<MailboxMessage> {
  for await (const message of source) {
    if (signal.aborted) return;
    yield message;
  }
}

async function openStore(options: CliOptions) {
  if ((await probeCosmos(RUNNING_STACK_COSMOS)) === 'up') {
    const store = await openCosmosStore({ endpoint: RUNNING_STACK_COSMOS, key: loadLocalSecrets().cosmosKey, databaseId: 'crosswalk' });
    return { store, mode: `the running local stack (${RUNNING_STACK_COSMOS})`, close: async () => store.close() };
  }
  const snapshotPath = join(options.dataDir, 'cosmos', 'snapshot.json');
  const cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate(), snapshotPath });
  const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'crosswalk' });
  return {
    store,
    mode: `a standalone Cosmos stand-in (${snapshotPath})`,
    close: async () => {
      store.close();
      // Closing saves the snapshot: the next `npm start` serves what was imported.
      await cosmos.close();
    },
  };
}

async function run(options: CliOptions): Promise<ImportSummary> {
  const kind = await detectMailboxKind(options.path);
  if (!kind) {
    throw new UsageError(`cannot tell what kind of mailbox export ${options.path} is: expected an mbox file, a folder of .eml files, or a maildir (with cur/ and new/)`);
  }
  const { store, mode, close } = await openStore(options);
  const interrupted = new AbortController();
  const onSignal = () => {
    if (interrupted.signal.aborted) process.exit(130);
    process.stderr.write('\n  Stopping: writing what was read so far (Ctrl+C again to quit at once)...\n');
    interrupted.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.stderr.write(`  Importing ${kind} ${options.path} for ${options.owner} (tenant ${options.tenantId}) into ${mode}\n`);
    const summary = await importMailbox({
      source: untilInterrupted(openMailboxSource(options.path, kind), interrupted.signal),
      repositories: createRepositories(store),
      tenantId: options.tenantId,
      ownerEmail: options.owner,
      sourceName: basename(options.path),
      now: options.asOf ? () => options.asOf as Date : undefined,
      onProgress: createProgressReporter(process.stderr),
    });
    for (const position of summary.malformedPositions) process.stderr.write(`  malformed: ${position}\n`);
    if (summary.malformed > summary.malformedPositions.length) {
      process.stderr.write(`  ... and ${summary.malformed - summary.malformedPositions.length} more malformed messages\n`);
    }
    if (interrupted.signal.aborted) process.stderr.write('  Interrupted: run the same command again to import the rest (nothing is counted twice).\n');
    return summary;
  } finally {
    await close();
  }
}

try {
  const options = readOptions(process.argv.slice(2));
  const summary = await run(options);
  const { read, imported, duplicates, malformed, seconds } = summary;
  if (options.json) {
    console.log(JSON.stringify({ read, imported, duplicates, malformed, seconds }));
  } else {
    console.log(
      `Imported ${formatCount(imported)} of ${formatCount(read)} messages in ${seconds} s: ${formatCount(duplicates)} already there, ` +
        `${formatCount(malformed)} malformed${summary.excluded ? `, ${formatCount(summary.excluded)} excluded by exclusion lists` : ''}.`,
    );
  }
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`import: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`import failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
