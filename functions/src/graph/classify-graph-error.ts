// Every failure of a Graph call falls in one of four buckets, decided here and only here:
// temporary (retry after a wait), auth (the mailbox needs reconnecting), bad cursor (start
// the resource over), unknown (stop and report).
export type GraphFailureKind = 'temporary' | 'auth' | 'bad-cursor' | 'unknown';

export interface GraphFailure {
  kind: GraphFailureKind;
  status: number | null;
  retryAfterSeconds: number | null;
  message: string;
}

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  headers?: { get?(name: string): string | null } | Record<string, string>;
}

function readRetryAfter(error: ErrorLike): number | null {
  const headers = error.headers;
  if (!headers) return null;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : Object.entries(headers as Record<string, string>).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = raw ? Number(raw) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export function classifyGraphError(error: unknown): GraphFailure {
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : null;
  const message = e.message ?? String(error);
  const code = (e.code ?? '').toLowerCase();
  const retryAfterSeconds = readRetryAfter(e);
  if (status === 410 || code === 'syncstatenotfound' || code === 'resyncrequired' || code === 'syncstateinvalid') {
    return { kind: 'bad-cursor', status, retryAfterSeconds, message };
  }
  if (status === 401 || status === 403) return { kind: 'auth', status, retryAfterSeconds, message };
  if (status === 429 || (status !== null && status >= 500)) return { kind: 'temporary', status, retryAfterSeconds, message };
  // No status at all: the request never got an answer (refused, reset, timed out), or the
  // answer broke off mid-body (a truncated JSON page): both are worth another try.
  const truncated = (error as { name?: string } | null)?.name === 'SyntaxError' || /JSON/.test(message);
  // (A truncated body can come with its 200 status already sent.)
  if ((truncated && (status === null || status < 300)) || (status === null && /fetch failed|ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket|network|terminated/i.test(message))) {
    return { kind: 'temporary', status, retryAfterSeconds, message };
  }
  return { kind: 'unknown', status, retryAfterSeconds, message };
}
