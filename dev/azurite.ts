// The local stand-in for Azure Storage queues: azurite's queue service, run in this process
// (its QueueServer is a plain class), on loopback only, with telemetry off. Azurite's own CLI
// turns telemetry off with --disableTelemetry, which becomes the second argument of
// AzuriteTelemetryClient.init; the CLI is the only caller of init, and we make the same call
// with `false` so nothing is ever sent even if a later azurite starts calling it elsewhere.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented, only valid against azurite). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
export const DEFAULT_AZURITE_QUEUE_PORT = 10001;

export interface AzuriteOptions {
  /** 0 picks a free port; npm start uses 10001 like azurite's default. */
  port: number;
  /** Folder for azurite's database and message extents (persisted between runs). */
  location?: string;
  /** Keep everything in memory (tests); location is then ignored. */
  inMemory?: boolean;
}

export interface Azurite {
  /** e.g. http://127.0.0.1:10001/devstoreaccount1 */
  queueEndpoint: string;
  /** An Azure Storage connection string for @azure/storage-queue and the Functions binding. */
  connectionString: string;
  close(): Promise<void>;
}

interface QueueServerInstance {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

// Azurite is CommonJS and exports only its VS Code extension entry; the queue server classes
// are reached by path, which is why the version is pinned in package.json.
const require = createRequire(import.meta.url);
const { default: QueueServer } = require('azurite/dist/src/queue/QueueServer.js') as {
  default: new (configuration: unknown) => QueueServerInstance;
};
const { default: QueueConfiguration } = require('azurite/dist/src/queue/QueueConfiguration.js') as {
  default: new (...args: unknown[]) => unknown;
};
const { MemoryExtentChunkStore } = require('azurite/dist/src/common/persistence/MemoryExtentStore.js') as {
  MemoryExtentChunkStore: new (sizeLimit: number) => unknown;
};
const { AzuriteTelemetryClient } = require('azurite/dist/src/common/Telemetry.js') as {
  AzuriteTelemetryClient: { init(location: string, enableTelemetry: boolean, env: unknown): void };
};

const IN_MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;

export async function startAzurite(options: AzuriteOptions): Promise<Azurite> {
  const host = '127.0.0.1';
  const inMemory = options.inMemory ?? !options.location;
  const location = options.location ?? '';
  if (!inMemory) mkdirSync(location, { recursive: true });
  AzuriteTelemetryClient.init(location, false, undefined);
  // The constructor's positional arguments, as azurite's own queue/main.js passes them.
  const configuration = new QueueConfiguration(
    host,
    options.port,
    5, // keep-alive timeout, seconds
    join(location, '__azurite_db_queue__.json'),
    join(location, '__azurite_db_queue_extent__.json'),
    [{ locationId: 'Default', locationPath: join(location, '__queuestorage__'), maxConcurrency: 10 }],
    false, // access log: one line per request would drown npm start's output
    undefined,
    false, // debug log
    undefined,
    false, // loose
    true, // skipApiVersionCheck: the SDK may be newer than this azurite
    '',
    '',
    '',
    undefined, // oauth
    false, // disableProductStyleUrl
    inMemory,
    // A private chunk store per server, so two stacks in one process never share messages' bytes.
    inMemory ? new MemoryExtentChunkStore(IN_MEMORY_LIMIT_BYTES) : undefined,
  );
  const server = new QueueServer(configuration);
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  const queueEndpoint = `http://${host}:${port}/${AZURITE_ACCOUNT}`;
  return {
    queueEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_ACCOUNT_KEY};QueueEndpoint=${queueEndpoint};`,
    close: () => server.close(),
  };
}
