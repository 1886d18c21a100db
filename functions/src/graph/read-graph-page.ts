// Reads one page of a Graph collection or delta query, retrying temporary failures after the
// wait Graph asks for (Retry-After) or an exponential back-off with jitter.
import type { Client } from '@microsoft/microsoft-graph-client';
import { classifyGraphError, type GraphFailure } from './classify-graph-error.ts';

export interface GraphPage<T> {
  items: T[];
  nextLink: string | null;
  deltaLink: string | null;
}

export class GraphRequestError extends Error {
  readonly failure: GraphFailure;
  constructor(failure: GraphFailure, options: { cause: unknown }) {
    super(`Graph request failed (${failure.kind}${failure.status ? `, ${failure.status}` : ''}): ${failure.message}`, options);
    this.name = 'GraphRequestError';
    this.failure = failure;
  }
}

export interface ReadPageOptions {
  maxPageSize: number;
  maxAttempts?: number;
  /** Waits between attempts; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type RetryOptions = Pick<ReadPageOptions, 'maxAttempts' | 'sleep' | 'random'>;

/** Runs one Graph request, retrying temporary failures; any other failure is a GraphRequestError. */
export async function callGraphWithRetry<T>(request: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      const failure = classifyGraphError(error);
      if (failure.kind !== 'temporary' || attempt >= maxAttempts) throw new GraphRequestError(failure, { cause: error });
      const backoffMs = Math.min(30_000, 2 ** attempt * 250) * (0.5 + random());
      await sleep(failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : backoffMs);
    }
  }
}

export async function readGraphPage<T>(client: Client, url: string, options: ReadPageOptions): Promise<GraphPage<T>> {
  const body = await callGraphWithRetry(
    async () =>
      (await client.api(url).header('Prefer', `odata.maxpagesize=${options.maxPageSize}`).get()) as {
        value?: T[];
        '@odata.nextLink'?: string;
        '@odata.deltaLink'?: string;
      },
    options,
  );
  return { items: body.value ?? [], nextLink: body['@odata.nextLink'] ?? null, deltaLink: body['@odata.deltaLink'] ?? null };
}
