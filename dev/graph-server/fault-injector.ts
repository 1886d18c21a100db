// Planned failures for resilience tests: "fail the next N requests (whose path contains X)"
// with a Graph status error (429/503/504/410/401, in Graph's own error shapes and headers), a
// dropped connection, a truncated JSON body, or a page whose nextLink sends the client back to
// the same page once; planned delays ("the next N requests take 5 s"); and holds ("the next
// request waits until the test releases it"), for tests that act while a sync is mid-way.
import type { GraphResponse } from './graph-http.ts';
import { createGraphError, createSyncStateGone } from './graph-errors.ts';

/** A Graph error status. (`kind` may be left out: this is the original kind of fault.) */
export interface StatusFaultSpec {
  kind?: 'status';
  status: 429 | 503 | 504 | 410 | 401;
  /** Sent as Retry-After (seconds) for 429/503/504. */
  retryAfterSeconds?: number;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** Only requests whose path+query contains this string (default: any request). */
  pathIncludes?: string;
  /** For 410: which Graph code to answer with (default syncStateNotFound). */
  code?: 'syncStateNotFound' | 'resyncRequired';
}

/**
 * A transport-level fault (top-level requests only, never a $batch sub-request):
 * - drop-connection: the socket is destroyed before any response is written;
 * - malformed-json: the request is served, but the 200 body is cut off mid-JSON (Content-Length matches the cut body);
 * - duplicate-page: the request is served, but the page's @odata.nextLink (or, on the last page, its deltaLink)
 *   is replaced by the URL of the page itself, so the client fetches — and sees — the same page twice.
 *   Only a collection page (a 200 with `value`) consumes it.
 */
export interface TransportFaultSpec {
  kind: 'drop-connection' | 'malformed-json' | 'duplicate-page';
  count?: number;
  pathIncludes?: string;
}

export type FaultSpec = StatusFaultSpec | TransportFaultSpec;

export interface DelaySpec {
  /** How long the request waits before it is served. */
  ms: number;
  /** How many matching requests are delayed (default 1). */
  count?: number;
  pathIncludes?: string;
}

export interface HoldSpec {
  /** How many matching requests are held (default 1). */
  count?: number;
  pathIncludes?: string;
}

export interface Hold {
  /** Resolves when the first matching request is being held. */
  reached: Promise<void>;
  /** Lets every request held by this hold (and any later match) through. */
  release(): void;
}

export interface FaultInjector {
  failNext(spec: FaultSpec): void;
  /** Delays the next matching requests (their response, not their logging). */
  delayNext(spec: DelaySpec): void;
  /** Holds the next matching requests until `release()` (their response, not their logging). */
  holdNext(spec: HoldSpec): Hold;
  /** Drops every planned fault and delay. */
  clear(): void;
  /** How many failures (and delays) are still planned. */
  pending(): number;
}

/** What the server does with a request a fault was planned for. */
export type PlannedFault =
  | { kind: 'status'; response: GraphResponse }
  | { kind: 'drop-connection' }
  | { kind: 'malformed-json' };

export interface FaultQueue extends FaultInjector {
  /** The planned status failure for a request, consuming it; null to serve the request normally. */
  takeFault(pathAndQuery: string, restartLocation: () => string | null): GraphResponse | null;
  /**
   * The planned fault for a request before it is routed (status, drop-connection, malformed-json),
   * consuming it. Transport faults are only considered when `transport` is true (not for $batch sub-requests).
   */
  takePlanned(pathAndQuery: string, restartLocation: () => string | null, transport: boolean): PlannedFault | null;
  /** Consumes a planned duplicate-page fault for a collection page that was just served; true if there was one. */
  takeDuplicatePage(pathAndQuery: string): boolean;
  /** The planned delay (ms) for a request, consuming it; 0 for none. */
  takeDelay(pathAndQuery: string): number;
  /** The planned hold for a request, consuming it: resolves when released; null for none. */
  takeHold(pathAndQuery: string): Promise<void> | null;
}

function createFaultResponse(spec: StatusFaultSpec, restartLocation: () => string | null): GraphResponse {
  const retryHeaders: Record<string, string> = spec.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(spec.retryAfterSeconds) };
  switch (spec.status) {
    case 429:
      return createGraphError(429, 'TooManyRequests', 'Please retry again later.', retryHeaders);
    case 503:
      return createGraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Try the request again after a delay.', retryHeaders);
    case 504:
      return createGraphError(504, 'UnknownError', 'Gateway Timeout', retryHeaders);
    case 410:
      return createSyncStateGone(spec.code ?? 'syncStateNotFound', restartLocation());
    case 401:
      return createGraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', {
        'WWW-Authenticate': 'Bearer realm="", error="invalid_token", error_description="The token is expired"',
      });
  }
}

interface Planned<S> {
  spec: S;
  remaining: number;
}

function take<S extends { pathIncludes?: string }>(planned: Planned<S>[], pathAndQuery: string, accept: (spec: S) => boolean): S | null {
  const entry = planned.find((candidate) => accept(candidate.spec) && (!candidate.spec.pathIncludes || pathAndQuery.includes(candidate.spec.pathIncludes)));
  if (!entry) return null;
  entry.remaining -= 1;
  if (entry.remaining === 0) planned.splice(planned.indexOf(entry), 1);
  return entry.spec;
}

const isStatus = (spec: FaultSpec): spec is StatusFaultSpec => spec.kind === undefined || spec.kind === 'status';

export function createFaultQueue(): FaultQueue {
  const planned: Planned<FaultSpec>[] = [];
  const delays: Planned<DelaySpec>[] = [];
  const holds: Planned<HoldSpec & { released: Promise<void>; release: () => void; reach: () => void }>[] = [];
  const takePlanned = (pathAndQuery: string, restartLocation: () => string | null, transport: boolean): PlannedFault | null => {
    const spec = take(planned, pathAndQuery, (candidate) => isStatus(candidate) || (transport && candidate.kind !== 'duplicate-page'));
    if (!spec) return null;
    if (isStatus(spec)) return { kind: 'status', response: createFaultResponse(spec, restartLocation) };
    return { kind: spec.kind === 'drop-connection' ? 'drop-connection' : 'malformed-json' };
  };
  return {
    failNext: (spec) => {
      if (!isStatus(spec) && !['drop-connection', 'malformed-json', 'duplicate-page'].includes(spec.kind)) throw new Error(`faults.failNext: unknown kind ${String(spec.kind)}`);
      planned.push({ spec, remaining: Math.max(1, spec.count ?? 1) });
    },
    delayNext: (spec) => {
      if (!(spec.ms >= 0)) throw new Error(`faults.delayNext: ms must be >= 0, got ${spec.ms}`);
      delays.push({ spec, remaining: Math.max(1, spec.count ?? 1) });
    },
    holdNext: (spec) => {
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reach = () => undefined as void;
      const reached = new Promise<void>((resolve) => (reach = resolve));
      const entry = { spec: { ...spec, released, release, reach }, remaining: Math.max(1, spec.count ?? 1) };
      holds.push(entry);
      return {
        reached,
        release: () => {
          const index = holds.indexOf(entry);
          if (index >= 0) holds.splice(index, 1);
          release();
        },
      };
    },
    clear: () => {
      planned.length = 0;
      delays.length = 0;
      // A cleared hold lets its held requests go rather than keeping them forever.
      for (const hold of holds.splice(0)) hold.spec.release();
    },
    pending: () => [...planned, ...delays, ...holds].reduce((sum, fault) => sum + fault.remaining, 0),
    takeFault: (pathAndQuery, restartLocation) => {
      const fault = takePlanned(pathAndQuery, restartLocation, false);
      return fault?.kind === 'status' ? fault.response : null;
    },
    takePlanned,
    takeDuplicatePage: (pathAndQuery) => take(planned, pathAndQuery, (spec) => spec.kind === 'duplicate-page') !== null,
    takeDelay: (pathAndQuery) => take(delays, pathAndQuery, () => true)?.ms ?? 0,
    takeHold: (pathAndQuery) => {
      const hold = take(holds, pathAndQuery, () => true);
      if (!hold) return null;
      hold.reach();
      return hold.released;
    },
  };
}
