// Counts what the store asks of Cosmos DB (operations and the request units it reports), so
// benchmarks can print writes and RU per message; and the requests that carried them, so tests
// and benchmarks can count a route's round trips. Process-wide; reading it costs nothing.
export interface StoreMetrics {
  reads: number;
  writes: number;
  queries: number;
  requestCharge: number;
}

const metrics: StoreMetrics = { reads: 0, writes: 0, queries: 0, requestCharge: 0 };
let requests = 0;

/** `count` operations of `kind`, carried by one request to Cosmos DB (or by `requestCount`). */
export function recordStoreOperation(kind: 'reads' | 'writes' | 'queries', count: number, requestCharge = 0, requestCount = 1): void {
  metrics[kind] += count;
  metrics.requestCharge += Number.isFinite(requestCharge) ? requestCharge : 0;
  requests += requestCount;
}

export function readStoreMetrics(): StoreMetrics {
  return { ...metrics };
}

/** Requests sent to Cosmos DB so far: a bulk chunk or a whole query counts once, however many documents it carries. */
export function readStoreRequests(): number {
  return requests;
}
