// Starts the bench's local stand-ins in a child process (standins-process.ts) and talks to it
// over IPC: the stack's settings when it is up, then fault injection, user tokens, its own
// Cosmos counts and memory, and closing.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FaultSpec } from '../dev/graph-server/fault-injector.ts';
import type { StandInsOptions, StandInsReady, StandInsReply, StandInsRequest, StandInsStatus } from './standins-process.ts';

export interface StandInsProcess {
  ready: StandInsReady;
  pid: number;
  failNext(fault: FaultSpec): Promise<void>;
  issueUserToken(user: string): Promise<string>;
  status(): Promise<StandInsStatus>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function startStandInsProcess(options: StandInsOptions): Promise<StandInsProcess> {
  // The child inherits this process's loader (tsx) and environment (the local CA), but not a heap
  // cap: `node --max-old-space-size=N` on the bench limits the pipeline, not the corpus's holders.
  const child = fork(fileURLToPath(new URL('./standins-process.ts', import.meta.url)), [JSON.stringify(options)], {
    stdio: 'inherit',
    execArgv: process.execArgv.filter((arg) => !arg.startsWith('--max-old-space-size')),
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited: Error | null = null;
  const ready = await new Promise<StandInsReady>((resolve, reject) => {
    child.on('message', (message: StandInsReady | StandInsReply) => {
      if (message.type === 'ready') return resolve(message);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'error') waiting?.reject(new Error(`stand-ins: ${message.message}`));
      else waiting?.resolve(message.value);
    });
    child.on('exit', (code, signal) => {
      exited = new Error(`stand-ins process exited (${signal ?? code})`);
      reject(exited);
      for (const waiting of pending.values()) waiting.reject(exited);
      pending.clear();
    });
  });
  const request = <T>(body: DistributiveOmit<StandInsRequest, 'id'>): Promise<T> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...body, id } as StandInsRequest);
    });
  };
  return {
    ready,
    pid: child.pid!,
    failNext: (fault) => request<void>({ type: 'fail-next', fault }),
    issueUserToken: (user) => request<string>({ type: 'issue-user-token', user }),
    status: () => request<StandInsStatus>({ type: 'status' }),
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await request<void>({ type: 'close' });
      await gone;
    },
  };
}
