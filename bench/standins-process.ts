// The local stand-ins of `npm run bench` in a process of their own: dev/stack.ts (Graph tenant
// server, Cosmos DB, token issuer, azurite, the API host) holds the whole generated corpus in
// memory, so the bench runs it here and the bench process's memory is the mining pipeline's
// alone. Forked by start-standins-process.ts; tells it the Functions app settings of the stack
// and answers its requests over IPC.
import { DEMO_SIGNED_IN_USER, startStack } from '../dev/stack.ts';
import type { FaultSpec } from '../dev/graph-server/fault-injector.ts';
import { readStoreMetrics, type StoreMetrics } from '../functions/src/store/store-metrics.ts';

export interface StandInsOptions {
  scale: number;
  mailboxes: number;
  contacts?: number;
}

export interface StandInsReady {
  type: 'ready';
  /** What Azure's app settings would hold for this stack (readConfig reads them). */
  functionsSettings: Record<string, string>;
  apiUrl: string;
  tenant: {
    tenantId: string;
    now: string;
    mailboxes: { id: string; mail: string }[];
    people: number | null;
    /** Messages in every mailbox's folders (each mailbox's copy counted). */
    messages: number;
  };
  signedInUser: string;
  startSeconds: number;
}

export type StandInsRequest =
  | { id: number; type: 'fail-next'; fault: FaultSpec }
  | { id: number; type: 'issue-user-token'; user: string }
  | { id: number; type: 'status' }
  | { id: number; type: 'close' };

export interface StandInsStatus {
  /** The stand-ins' own Cosmos calls: the API host answering lookups runs here. */
  storeMetrics: StoreMetrics;
  rssMiB: number;
  peakRssMiB: number;
}

export type StandInsReply = { id: number; type: 'reply'; value: unknown } | { id: number; type: 'error'; message: string };

const send = (message: StandInsReady | StandInsReply) => process.send?.(message);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

const options = JSON.parse(process.argv[2] ?? '{}') as StandInsOptions;
const started = performance.now();
const stack = await startStack({
  ports: 'random',
  scale: options.scale,
  tenant: { mailboxes: options.mailboxes, contacts: options.contacts },
  addin: false,
});
const mailboxes = stack.tenant.users.filter((user) => stack.tenant.mailboxes[user.id]);
send({
  type: 'ready',
  functionsSettings: stack.functionsSettings,
  apiUrl: stack.apiUrl,
  tenant: {
    tenantId: stack.tenant.tenantId,
    now: stack.tenant.now,
    mailboxes: mailboxes.map((user) => ({ id: user.id, mail: user.mail })),
    people: stack.tenant.people?.length ?? null,
    messages: mailboxes.reduce(
      (sum, user) => sum + Object.values(stack.tenant.mailboxes[user.id]!.messages).reduce((n, list) => n + list.length, 0),
      0,
    ),
  },
  signedInUser: DEMO_SIGNED_IN_USER.email,
  startSeconds: (performance.now() - started) / 1000,
});
let closing: Promise<void> | null = null;
const close = () => (closing ??= stack.close());

async function answer(request: StandInsRequest): Promise<unknown> {
  switch (request.type) {
    case 'fail-next':
      stack.graphServer.faults.failNext(request.fault);
      return null;
    case 'issue-user-token':
      return stack.issueUserToken(request.user);
    case 'status':
      return {
        storeMetrics: readStoreMetrics(),
        rssMiB: mib(process.memoryUsage().rss),
        peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      } satisfies StandInsStatus;
    case 'close':
      await close();
      return null;
  }
}

process.on('message', (request: StandInsRequest) => {
  answer(request).then(
    (value) => {
      send({ id: request.id, type: 'reply', value });
      if (request.type === 'close') process.disconnect();
    },
    (error: unknown) => send({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
// The bench gone (finished or killed): nothing left to serve.
process.on('disconnect', () => void close().finally(() => process.exit(0)));
