// Attributes the store's Cosmos operations (store-metrics.ts) to the repository method that
// asked for them, so the bench can say where the writes per message come from. The sync
// pipeline makes one repository call at a time, so the difference of the process-wide counts
// around a call is that call's.
import { readStoreMetrics, type StoreMetrics } from '../functions/src/store/store-metrics.ts';

export interface CountedRepositories<T> {
  repositories: T;
  /** Operations per "repository.method" since the last reset, busiest first. */
  read(): Record<string, StoreMetrics>;
  reset(): void;
}

const combine = (a: StoreMetrics, b: StoreMetrics, sign: 1 | -1): StoreMetrics => ({
  reads: a.reads + sign * b.reads,
  writes: a.writes + sign * b.writes,
  queries: a.queries + sign * b.queries,
  requestCharge: a.requestCharge + sign * b.requestCharge,
});
export const subtractMetrics = (a: StoreMetrics, b: StoreMetrics): StoreMetrics => combine(a, b, -1);

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export interface CountOptions {
  /** Before every call, and when it has its answer (each page of a paged read). */
  onCall?: (name: string, moment: 'start' | 'answered') => void;
}

export function countStoreOperations<T extends object>(repositories: T, options: CountOptions = {}): CountedRepositories<T> {
  let tally = new Map<string, StoreMetrics>();
  const record = (name: string, before: StoreMetrics) => {
    const delta = subtractMetrics(readStoreMetrics(), before);
    const total = tally.get(name);
    tally.set(name, total ? combine(total, delta, 1) : delta);
  };
  const wrapped = Object.fromEntries(
    Object.entries(repositories).map(([repository, methods]) => {
      if (typeof methods !== 'object' || methods === null) return [repository, methods];
      const counted = Object.fromEntries(
        Object.entries(methods as Record<string, unknown>).map(([method, fn]) => {
          if (typeof fn !== 'function') return [method, fn];
          const name = `${repository}.${method}`;
          return [
            method,
            (...args: unknown[]) => {
              options.onCall?.(name, 'start');
              const before = readStoreMetrics();
              const result: unknown = (fn as (...a: unknown[]) => unknown).apply(methods, args);
              if (result instanceof Promise) {
                return result.then((value: unknown) => {
                  options.onCall?.(name, 'answered');
                  return value;
                }).finally(() => record(name, before));
              }
              if (isAsyncIterable(result)) {
                // A paged read: its operations happen while the caller iterates.
                return (async function* () {
                  try {
                    for await (const page of result) {
                      options.onCall?.(name, 'answered');
                      yield page;
                    }
                  } finally {
                    record(name, before);
                  }
                })();
              }
              record(name, before);
              return result;
            },
          ];
        }),
      );
      return [repository, counted];
    }),
  ) as T;
  return {
    repositories: wrapped,
    read: () =>
      Object.fromEntries(
        [...tally]
          .filter(([, metrics]) => metrics.reads + metrics.writes + metrics.queries > 0)
          .sort((a, b) => b[1].writes - a[1].writes || b[1].queries - a[1].queries),
      ),
    reset: () => {
      tally = new Map();
    },
  };
}
