// Counts what the store asks of Cosmos DB (operations and the request units it reports), so
// benchmarks can print writes and RU per message. Process-wide; reading it costs nothing.
export interface StoreMetrics {
  reads: number;
  writes: number;
  queries: number;
  requestCharge: number;
}

const metrics: StoreMetrics = { reads: 0, writes: 0, queries: 0, requestCharge: 0 };

export function recordStoreOperation(kind: 'reads' | 'writes' | 'queries', count: number, requestCharge = 0): void {
  metrics[kind] += count;
  metrics.requestCharge += Number.isFinite(requestCharge) ? requestCharge : 0;
}

export function readStoreMetrics(): StoreMetrics {
  return { ...metrics };
}
