// Planned failures for resilience tests: "fail the next N requests (whose path contains X)
// with 429/503/504/410/401", answered in Graph's own error shapes and headers.
import type { GraphResponse } from './graph-http.ts';
import { createGraphError, createSyncStateGone } from './graph-errors.ts';

export interface FaultSpec {
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

export interface FaultInjector {
  failNext(spec: FaultSpec): void;
  /** Drops every planned fault. */
  clear(): void;
  /** How many failures are still planned. */
  pending(): number;
}

export interface FaultQueue extends FaultInjector {
  /** The planned failure for a request, consuming it; null to serve the request normally. */
  takeFault(pathAndQuery: string, restartLocation: () => string | null): GraphResponse | null;
}

function createFaultResponse(spec: FaultSpec, restartLocation: () => string | null): GraphResponse {
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

export function createFaultQueue(): FaultQueue {
  const planned: { spec: FaultSpec; remaining: number }[] = [];
  return {
    failNext: (spec) => {
      planned.push({ spec, remaining: Math.max(1, spec.count ?? 1) });
    },
    clear: () => {
      planned.length = 0;
    },
    pending: () => planned.reduce((sum, fault) => sum + fault.remaining, 0),
    takeFault: (pathAndQuery, restartLocation) => {
      const fault = planned.find((candidate) => !candidate.spec.pathIncludes || pathAndQuery.includes(candidate.spec.pathIncludes));
      if (!fault) return null;
      fault.remaining -= 1;
      if (fault.remaining === 0) planned.splice(planned.indexOf(fault), 1);
      return createFaultResponse(fault.spec, restartLocation);
    },
  };
}
