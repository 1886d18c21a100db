// Runs one API request through its route, host-independently: authenticate, parse and
// validate the body with the contract, call the handler, map errors to one error body.
import type { z } from 'zod';
import type { ErrorBody } from '../../../shared/api/error-body.ts';
import type { ApiServices } from '../api/api-services.ts';
import type { CallerIdentity } from '../auth/caller-identity.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { httpStatusFor } from '../errors/http-status-for.ts';
import { measureJsonDepth } from './measure-json-depth.ts';
import { findRateLimiter } from './rate-limit.ts';
import type { RouteEntry } from './route-table.ts';

export interface ApiRequest {
  authorization: string | undefined;
  /** The client's network address (client-address.ts): requests with a bad or missing token are limited per address. */
  clientAddress?: string;
  /** The raw body text; null or empty when there was none. */
  body: string | null;
  params: Record<string, string>;
  /** Query-string parameters (first value of each). */
  query?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const MAX_BODY_BYTES = 256 * 1024;
/** No request of the contract nests deeper than a few levels; far deeper is an attack on the stack. */
export const MAX_BODY_DEPTH = 64;
/** Error messages are one line of bounded length: never a stack trace, never an echoed megabyte. */
const MAX_ERROR_MESSAGE_LENGTH = 500;

/** "emails[3]: is not a valid email address" — the field first, then what is wrong with it. */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
        '',
      );
      return path ? `${path}: ${issue.message}` : `body: ${issue.message}`;
    })
    .join('; ');
}

/** A handler's answer that is not JSON (a webhook echoing its validation token). */
export class TextResponse {
  constructor(
    readonly text: string,
    readonly status = 200,
  ) {}
}

function parseBody(entry: RouteEntry, raw: string | null): unknown {
  if (entry.route.method === 'GET' || entry.route.method === 'DELETE') return undefined;
  if (raw === null || raw.trim() === '') {
    if (entry.route.bodyOptional) return undefined;
    throw new AppError('bad-request', 'request body is missing: send a JSON object');
  }
  if (measureJsonDepth(raw, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new AppError('bad-request', `request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  }
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw new AppError('bad-request', 'request body is not valid JSON', { cause });
  }
}

/** The first line of a message, bounded: whatever a handler put in an AppError, no stack frames leave the API. */
export function toSafeErrorMessage(message: string): string {
  const firstLine = message.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.length > MAX_ERROR_MESSAGE_LENGTH ? `${firstLine.slice(0, MAX_ERROR_MESSAGE_LENGTH)}…` : firstLine;
}

export function errorResponse(error: AppError): ApiResponse {
  const body: ErrorBody = { error: { code: error.code, message: toSafeErrorMessage(error.message) } };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return { status: httpStatusFor(error.code), headers, body };
}

/** A known path asked with a method it does not take: 405, naming the methods it does take in Allow. */
export function methodNotAllowedResponse(options: { method: string; path: string; allow: readonly string[] }): ApiResponse {
  const response = errorResponse(
    new AppError('method-not-allowed', `${options.method.slice(0, 16)} is not allowed on ${options.path.slice(0, 200)}; use ${options.allow.join(' or ')}`),
  );
  return { ...response, headers: { ...response.headers, allow: options.allow.join(', ') } };
}

/** Verifies the caller's token; a refused one counts against the client's address, and past its limit answers 429. */
async function authenticate(services: ApiServices, request: ApiRequest): Promise<CallerIdentity> {
  try {
    return await services.verifyAccessToken(request.authorization);
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') findRateLimiter(services).admitBadToken(request.clientAddress);
    throw error;
  }
}

export async function handleApiRequest(services: ApiServices, entry: RouteEntry, request: ApiRequest): Promise<ApiResponse> {
  try {
    if (request.body !== null && Buffer.byteLength(request.body) > MAX_BODY_BYTES) {
      throw new AppError('payload-too-large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    const identity = entry.route.authenticated ? await authenticate(services, request) : null;
    // Signed-in routes only: health and Graph's webhooks (unauthenticated) are never limited.
    if (identity) findRateLimiter(services).admit(identity);
    const query = entry.route.query?.safeParse(request.query ?? {});
    if (query && !query.success) throw new AppError('bad-request', describeValidationError(query.error).replace(/^body: /, 'query: '));
    const parsed = entry.route.body.safeParse(parseBody(entry, request.body));
    if (!parsed.success) throw new AppError('bad-request', describeValidationError(parsed.error));
    const result = await entry.handle(services, {
      identity,
      body: parsed.data as never,
      params: request.params,
      query: (query?.data ?? {}) as Record<string, string>,
    });
    if (result instanceof TextResponse) return { status: result.status, headers: { 'content-type': 'text/plain' }, body: result.text };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: entry.route.response.parse(result) };
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    // Unexpected: log the cause for operators, answer without internals.
    console.error(`[api] ${entry.route.name} failed:`, error instanceof Error ? error.message : error);
    return errorResponse(new AppError('internal', 'something went wrong on our side; try again', { cause: error }));
  }
}
