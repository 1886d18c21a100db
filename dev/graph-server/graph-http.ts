// The transport-neutral request/response shapes the stand-in's routes work with, so the same
// handlers serve plain HTTPS requests and the sub-requests of a JSON $batch.

export interface GraphRequest {
  method: string;
  /** Absolute URL of the request, e.g. https://127.0.0.1:4443/v1.0/users?$top=5. */
  url: URL;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** A query option, found with or without its "$" and in any case (Graph accepts both). */
export function readQueryOption(url: URL, name: string): string | null {
  const wanted = name.replace(/^\$/, '').toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.replace(/^\$/, '').toLowerCase() === wanted) return value;
  }
  return null;
}

/** The page size a client asked for with Prefer: odata.maxpagesize=N, if any. */
export function readMaxPageSize(headers: Record<string, string>): number | null {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(headers['prefer'] ?? '');
  return match ? Number(match[1]) : null;
}
