// The Cosmos DB stand-in for the local stack: @vercel/cosmosdb-server over HTTPS (trusted
// through the local certificate), kept in memory and saved to a snapshot file so that a
// restart of `npm start` loses nothing. Like the real service, it refuses requests not signed with
// its account key: the one generated into .data/secrets.json (dev/local-secrets.ts).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { requireCosmosKey } from './cosmos-key-check.ts';
import { refuseQueryPlans } from './cosmos-query-plans.ts';
import { installCosmosQueryIndex } from './cosmos-query-index.ts';
import { installLinearCosmosQueries } from './cosmos-query-speedup.ts';
import { loadLocalSecrets } from './local-secrets.ts';

interface Snapshot {
  databases: { id: string; containers: { id: string; partitionKeyPaths: string[]; documents: Record<string, unknown>[] }[] }[];
}

export interface CosmosStandIn {
  endpoint: string;
  key: string;
  /** Writes every document to the snapshot file now. */
  saveSnapshot(): Promise<number>;
  close(): Promise<void>;
}

export interface CosmosStandInOptions {
  port: number;
  tls: { key: string; cert: string };
  /** The account key requests must be signed with; defaults to the machine's generated one. */
  key?: string;
  /** Where the data lives between runs; none keeps it in memory only (tests). */
  snapshotPath?: string;
  /** How often to save while running. */
  snapshotIntervalMs?: number;
}

function stripSystemFields(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

async function readSnapshot(client: CosmosClient): Promise<Snapshot> {
  const snapshot: Snapshot = { databases: [] };
  const { resources: databases } = await client.databases.readAll().fetchAll();
  for (const { id: databaseId } of databases) {
    const database = client.database(databaseId);
    const { resources: containers } = await database.containers.readAll().fetchAll();
    const entry: Snapshot['databases'][number] = { id: databaseId, containers: [] };
    for (const definition of containers) {
      const { resources: documents } = await database.container(definition.id).items.readAll().fetchAll();
      entry.containers.push({
        id: definition.id,
        partitionKeyPaths: definition.partitionKey?.paths ?? ['/id'],
        documents: documents.map((d) => stripSystemFields(d as Record<string, unknown>)),
      });
    }
    snapshot.databases.push(entry);
  }
  return snapshot;
}

async function restoreSnapshot(client: CosmosClient, snapshot: Snapshot): Promise<number> {
  let count = 0;
  for (const db of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const c of db.containers) {
      const { container } = await database.containers.createIfNotExists({ id: c.id, partitionKey: { paths: c.partitionKeyPaths } });
      const path = (c.partitionKeyPaths[0] ?? '/id').slice(1).split('/');
      for (let start = 0; start < c.documents.length; start += 100) {
        const chunk = c.documents.slice(start, start + 100);
        await container.items.bulk(
          chunk.map((document) => ({
            operationType: 'Upsert' as const,
            partitionKey: path.reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], document) as string,
            resourceBody: document as { id: string },
          })),
        );
      }
      count += c.documents.length;
    }
  }
  return count;
}

export async function startCosmosStandIn(options: CosmosStandInOptions): Promise<CosmosStandIn> {
  installLinearCosmosQueries();
  installCosmosQueryIndex();
  const server = createHttpsServer({ key: options.tls.key, cert: options.tls.cert, keepAlive: true } as never);
  // Node closes idle keep-alive sockets after 5 s; a client reusing one at that moment gets
  // ECONNRESET (which the SDK does not retry on bulk calls). Idle sockets stay open longer here.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  const key = options.key ?? loadLocalSecrets().cosmosKey;
  refuseQueryPlans(server as unknown as import('node:http').Server);
  requireCosmosKey(server as unknown as import('node:http').Server, key);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new CosmosClient({ endpoint, key });
  const { snapshotPath } = options;
  if (snapshotPath && existsSync(snapshotPath)) {
    await restoreSnapshot(client, JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot);
  }
  let saving: Promise<number> | null = null;
  const saveSnapshot = async (): Promise<number> => {
    if (!snapshotPath) return 0;
    // One save at a time; written to a temporary file first so a crash never leaves half a snapshot.
    saving ??= (async () => {
      const snapshot = await readSnapshot(client);
      mkdirSync(dirname(snapshotPath), { recursive: true });
      writeFileSync(`${snapshotPath}.tmp`, JSON.stringify(snapshot));
      renameSync(`${snapshotPath}.tmp`, snapshotPath);
      return snapshot.databases.reduce((n, db) => n + db.containers.reduce((m, c) => m + c.documents.length, 0), 0);
    })().finally(() => {
      saving = null;
    });
    return saving;
  };
  const timer = snapshotPath ? setInterval(() => void saveSnapshot().catch(() => undefined), options.snapshotIntervalMs ?? 30_000) : null;
  timer?.unref();
  return {
    endpoint,
    key,
    saveSnapshot,
    async close() {
      if (timer) clearInterval(timer);
      await saveSnapshot();
      client.dispose();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await closed;
    },
  };
}
