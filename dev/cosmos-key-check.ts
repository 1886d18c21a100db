// Makes the Cosmos DB stand-in check the account key, as the real service does: every request
// must carry a master-key signature (HMAC-SHA256 over verb, resource type, resource id and
// date, keyed with the base64 account key) made within the last 15 minutes, or it is answered
// 401 like Cosmos answers a wrong key. @vercel/cosmosdb-server itself accepts anything.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { answerFirst } from './answer-first.ts';

/** How far x-ms-date may be from now, as Cosmos DB allows. */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export interface SignedRequest {
  method: string;
  /** The request target: path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The resource type and id a request's path names, as the SDK signs them: a path ending in a
 * feed (".../colls/people/docs") is that feed's type under its parent's id; a path ending in an
 * id (".../docs/abc") is the type before it under the whole path.
 */
export function describeResource(path: string): { resourceType: string; resourceId: string } {
  const segments = path.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  if (segments.length === 0) return { resourceType: '', resourceId: '' };
  if (segments.length % 2 === 1) return { resourceType: segments.at(-1)!, resourceId: segments.slice(0, -1).join('/') };
  const resourceType = segments.at(-2)!;
  const resourceId = segments.join('/');
  // The SDK lower-cases offer ids before signing.
  return { resourceType, resourceId: resourceType === 'offers' ? resourceId.toLowerCase() : resourceId };
}

/** The master-key signature of one request, as @azure/cosmos computes it. */
export function signCosmosRequest(options: { key: string; method: string; resourceType: string; resourceId: string; date: string }): string {
  const text = `${options.method.toLowerCase()}\n${options.resourceType.toLowerCase()}\n${options.resourceId}\n${options.date.toLowerCase()}\n\n`;
  return createHmac('sha256', Buffer.from(options.key, 'base64')).update(text).digest('base64');
}

/** Whether the request is signed with `key`, recently. */
export function isSignedWithKey(request: SignedRequest, options: { key: string; now?: number }): boolean {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const date = header('x-ms-date');
  const authorization = header('authorization');
  if (!date || !authorization) return false;
  const at = Date.parse(date);
  if (!Number.isFinite(at) || Math.abs((options.now ?? Date.now()) - at) > MAX_CLOCK_SKEW_MS) return false;
  let token: Map<string, string>;
  try {
    // "type=master&ver=1.0&sig=<base64>", URI-encoded as a whole. Not URLSearchParams: a '+' of
    // the base64 signature is not a space.
    token = new Map(decodeURIComponent(authorization).split('&').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  } catch {
    return false;
  }
  const signature = token.get('sig');
  if (token.get('type') !== 'master' || !signature) return false;
  let resource: ReturnType<typeof describeResource>;
  try {
    resource = describeResource(new URL(request.url, 'https://cosmos.invalid').pathname);
  } catch {
    return false;
  }
  const expected = Buffer.from(signCosmosRequest({ key: options.key, method: request.method, date, ...resource }), 'base64');
  const presented = Buffer.from(signature, 'base64');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** Puts the key check in front of the stand-in's own request handler. */
export function requireCosmosKey(server: Server, key: string): void {
  answerFirst(server, (request, response) => {
    if (isSignedWithKey({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers }, { key })) return false;
    request.resume();
    response.writeHead(401, { 'content-type': 'application/json', 'x-ms-activity-id': '00000000-0000-0000-0000-000000000000' });
    response.end(JSON.stringify({ code: 'Unauthorized', message: 'The input authorization token can\'t serve the request. The wrong key is being used or the request is not signed.' }));
    return true;
  });
}
