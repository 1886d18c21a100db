// The local Microsoft Graph stand-in: an HTTPS server that serves a demo tenant under the
// real Graph v1.0 URLs and shapes (see graph-routes.ts), checks bearer tokens, answers JSON
// $batch, records every request, fails on demand (faults) for resilience tests, and delivers
// change notifications to subscribed loopback webhooks (see subscriptions.ts).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { AddressBook, DemoTenant, GraphContact, GraphEvent, GraphMessage, GraphUser, MailFolder } from '../tenant/tenant-types.ts';
import type { GraphRequest, GraphResponse } from './graph-http.ts';
import { readQueryOption } from './graph-http.ts';
import { createTenantState, type ContactPatch, type EventPatch, type MessagePatch, type MoveMessageOptions } from './tenant-state.ts';
import { createSubscriptionManager, type GraphSubscription, type LifecycleEvent, type NotificationDelivery } from './subscriptions.ts';
import { createGraphRouter } from './graph-routes.ts';
import { createBadRequest, createGraphError } from './graph-errors.ts';
import { createFaultQueue, type FaultInjector } from './fault-injector.ts';
import { decodeDeltaCursor } from './delta-token.ts';

export interface StartGraphServerOptions {
  tenant: DemoTenant;
  /** Each mailbox's Outlook contacts and Graph people, by user id; default: derived from the tenant (dev/tenant/build-address-books.ts). */
  addressBooks?: Record<string, AddressBook>;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  tls: { key: string; cert: string };
  /** Decides whether a bearer token is good; without it any non-empty token is accepted. */
  acceptToken?: (token: string) => boolean | Promise<boolean>;
  /** Page size of delta rounds when the client sends no Prefer: odata.maxpagesize (default 10). */
  pageSizeDefault?: number;
  /** The server's clock in ms (subscription expiry, lastModifiedDateTime of updates); default Date.now. Tests move it to expire subscriptions. */
  now?: () => number;
  /** Longest subscription lifetime in minutes (default 4230, Graph's limit for Outlook messages and events). */
  maxSubscriptionMinutes?: number;
  /** How long a webhook has to answer the validation handshake (default 10,000 ms, as Graph). */
  validationTimeoutMs?: number;
  /** Retries of a failed notification delivery (default 2) and the first pause between them (default 200 ms, doubling). */
  notificationRetries?: number;
  notificationRetryDelayMs?: number;
  /** How long one notification POST may take (default 5,000 ms). */
  notificationTimeoutMs?: number;
}

export interface LoggedRequest {
  method: string;
  /** Absolute URL as requested (for $batch sub-requests: resolved against the server). */
  url: string;
  headers: Record<string, string>;
  /** True for a sub-request of a $batch. */
  fromBatch?: boolean;
}

export interface GraphServer {
  /** e.g. https://127.0.0.1:54321/v1.0 */
  baseUrl: string;
  close(): Promise<void>;
  /** Files a new message (its parentFolderId is set to the folder); it shows up in the folder's next delta round. */
  addMessage(userIdOrUpn: string, folderIdOrWellKnownName: string, message: GraphMessage): void;
  /** Deletes a message; the next delta round reports it as @removed. */
  removeMessage(userIdOrUpn: string, messageId: string): void;
  /**
   * Moves a message: @removed in the old folder's delta, the message under a new id (as Exchange
   * does; `keepId` for immutable-id behaviour) in the new folder's delta; internetMessageId stays.
   */
  moveMessage(userIdOrUpn: string, messageId: string, toFolderIdOrWellKnownName: string, options?: MoveMessageOptions): GraphMessage;
  addEvent(userIdOrUpn: string, event: GraphEvent): void;
  removeEvent(userIdOrUpn: string, eventId: string): void;
  /** Changes a message (subject, isRead, …; not its id or folder); the folder's next delta round returns it. Returns the new version. */
  updateMessage(userIdOrUpn: string, messageId: string, patch: MessagePatch): GraphMessage;
  /**
   * Changes an event: reschedule ({ start, end }), cancel ({ isCancelled: true }), attendees added or
   * removed ({ attendees }). An occurrence moved or cancelled becomes an 'exception'. The next
   * calendarView delta round returns it, or @removed when it left the round's window.
   */
  updateEvent(userIdOrUpn: string, eventId: string, patch: EventPatch): GraphEvent;
  /** Adds, changes (e.g. { jobTitle }) or removes an Outlook contact; the next read of /contacts shows it. */
  addContact(userIdOrUpn: string, contact: GraphContact): void;
  updateContact(userIdOrUpn: string, contactId: string, patch: ContactPatch): GraphContact;
  removeContact(userIdOrUpn: string, contactId: string): void;
  requestLog: LoggedRequest[];
  faults: FaultInjector;
  /** Every POST the server made to a webhook: validation handshakes, change and lifecycle notifications. */
  notificationLog: NotificationDelivery[];
  /** The active (unexpired, undeleted) subscriptions. */
  listSubscriptions(): GraphSubscription[];
  /** Posts a lifecycle notification to the subscription's lifecycleNotificationUrl ('subscriptionRemoved' also removes it). */
  sendLifecycleNotification(subscriptionId: string, lifecycleEvent: LifecycleEvent): Promise<NotificationDelivery>;
  /** Resolves once every change notification queued so far has been delivered (or has given up after its retries). */
  whenNotificationsDelivered(): Promise<void>;
  /** Adds a directory user with an empty mailbox (see TenantState.addUser), e.g. a shared mailbox with `accountEnabled: false`. */
  addUser(user: GraphUser, options?: { folders?: MailFolder[] }): void;
  /** Drops the subscription's change notifications (counted) until a 'missed' lifecycle notification is sent. */
  missNotifications(subscriptionId: string): { dropped(): number };
}

const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

/** Starts the Graph stand-in over HTTPS. */
export async function startGraphServer(options: StartGraphServerOptions): Promise<GraphServer> {
  const now = options.now ?? Date.now;
  const state = createTenantState(options.tenant, now, options.addressBooks ? { addressBooks: options.addressBooks } : {});
  const route = createGraphRouter({ state, pageSizeDefault: options.pageSizeDefault ?? 10 });
  const faults = createFaultQueue();
  const subscriptions = createSubscriptionManager({
    state,
    now,
    maxExpirationMinutes: options.maxSubscriptionMinutes ?? 4230,
    validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
    deliveryRetries: options.notificationRetries ?? 2,
    retryDelayMs: options.notificationRetryDelayMs ?? 200,
    deliveryTimeoutMs: options.notificationTimeoutMs ?? 5_000,
  });
  const requestLog: LoggedRequest[] = [];

  async function checkAuthorization(headers: Record<string, string>): Promise<GraphResponse | null> {
    const match = /^Bearer\s+(.+)$/i.exec(headers['authorization'] ?? '');
    const challenge = { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"' };
    if (!match?.[1]?.trim()) return createGraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', challenge);
    const accepted = options.acceptToken ? await options.acceptToken(match[1].trim()) : true;
    if (!accepted) return createGraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', challenge);
    return null;
  }

  /** Where a client would restart a delta sync that a 410 ended: the request without its state token. */
  function findRestartLocation(url: URL): string | null {
    const token = readQueryOption(url, 'deltatoken') ?? readQueryOption(url, 'skiptoken');
    if (token === null) return url.href;
    const cursor = decodeDeltaCursor(token);
    if (!cursor) return null;
    const base = `${url.protocol}//${url.host}/v1.0/users/${cursor.userId}`;
    if (cursor.kind === 'messages') return `${base}/mailFolders/${cursor.folderId ?? ''}/messages/delta${cursor.select ? `?$select=${cursor.select.join(',')}` : ''}`;
    return `${base}/calendarView/delta?startDateTime=${encodeURIComponent(cursor.start ?? '')}&endDateTime=${encodeURIComponent(cursor.end ?? '')}`;
  }

  /** One already-authorized $batch sub-request: a planned status fault, or the request served. */
  function serveAuthorized(request: GraphRequest, fromBatch: boolean): GraphResponse | Promise<GraphResponse> {
    const fault = faults.takeFault(`${request.url.pathname}${request.url.search}`, () => findRestartLocation(request.url));
    if (fault) return fault;
    return serveRequest(request, fromBatch);
  }

  /** Subscriptions, the batch endpoint, or a route. */
  function serveRequest(request: GraphRequest, fromBatch: boolean): GraphResponse | Promise<GraphResponse> {
    const subscriptionResponse = subscriptions.serve(request);
    if (subscriptionResponse) return subscriptionResponse;
    if (!fromBatch && /^\/v1\.0\/\$batch\/?$/i.test(request.url.pathname)) {
      return request.method === 'POST' ? serveBatch(request) : createGraphError(405, 'BadRequest', 'Use POST for $batch.');
    }
    return route(request);
  }

  async function serveBatch(request: GraphRequest): Promise<GraphResponse> {
    const body = request.body as { requests?: BatchItem[] } | undefined;
    const items = body?.requests;
    if (!Array.isArray(items) || items.length === 0) return createBadRequest('Invalid batch payload format.');
    if (items.length > MAX_BATCH_REQUESTS) return createBadRequest(`The batch request contains ${items.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed.`);
    const ids = new Set<string>();
    for (const item of items) {
      if (typeof item?.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string') return createBadRequest('Each batch request needs id, method and url.');
      if (ids.has(item.id)) return createBadRequest(`Duplicate batch request id '${item.id}'.`);
      ids.add(item.id);
    }
    const statusById = new Map<string, number>();
    const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
    for (const item of items) {
      const failedDependency = (item.dependsOn ?? []).some((dependency) => (statusById.get(dependency) ?? 424) >= 400);
      let response: GraphResponse;
      if (failedDependency) {
        response = createGraphError(424, 'FailedDependency', 'The request could not be processed because a request it depends on failed.');
      } else {
        const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
        const url = new URL(`${request.url.protocol}//${request.url.host}/v1.0${relative.replace(/^\/v1\.0/i, '')}`);
        const headers = { ...lowerCaseKeys(item.headers), authorization: request.headers['authorization'] ?? '' };
        requestLog.push({ method: item.method.toUpperCase(), url: url.href, headers, fromBatch: true });
        response = await serveAuthorized({ method: item.method.toUpperCase(), url, headers, body: item.body }, true);
      }
      statusById.set(item.id, response.status);
      responses.push({ id: item.id, status: response.status, headers: { 'Content-Type': 'application/json', ...withoutContentType(response.headers) }, body: response.body });
    }
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
  }

  function withoutContentType(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const headers = flattenHeaders(incoming);
    const url = new URL(incoming.url ?? '/', `https://${headers['host'] ?? '127.0.0.1'}`);
    const method = (incoming.method ?? 'GET').toUpperCase();
    requestLog.push({ method, url: url.href, headers });
    const requestId = randomUUID();
    const pathAndQuery = `${url.pathname}${url.search}`;
    // A client that goes away (killed mid-page, timed out) must leave nothing behind: reads change no
    // state, and nothing is written to a closed socket.
    outgoing.on('error', () => undefined);
    const delayMs = faults.takeDelay(pathAndQuery);
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        outgoing.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (outgoing.destroyed || outgoing.writableEnded) return;
    }
    const hold = faults.takeHold(pathAndQuery);
    if (hold) {
      await Promise.race([hold, new Promise<void>((resolve) => outgoing.once('close', () => resolve()))]);
      if (outgoing.destroyed || outgoing.writableEnded) return;
    }
    let response: GraphResponse;
    let malformed = false;
    try {
      const raw = await readBody(incoming);
      let body: unknown;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
      }
      const unauthorized = await checkAuthorization(headers);
      if (unauthorized) {
        response = unauthorized;
      } else {
        const fault = faults.takePlanned(pathAndQuery, () => findRestartLocation(url), true);
        if (fault?.kind === 'drop-connection') {
          incoming.socket.destroy();
          return;
        }
        malformed = fault?.kind === 'malformed-json';
        response = fault?.kind === 'status' ? fault.response : await serveRequest({ method, url, headers, body }, false);
        if (response.status === 200 && Array.isArray((response.body as { value?: unknown } | undefined)?.value) && faults.takeDuplicatePage(pathAndQuery)) {
          response = { ...response, body: pointBackToSelf(response.body as Record<string, unknown>, url.href) };
        }
      }
    } catch (error) {
      response = createGraphError(500, 'InternalServerError', error instanceof Error ? error.message : String(error));
    }
    if (outgoing.destroyed || outgoing.writableEnded) return;
    const clientRequestId = headers['client-request-id'] ?? requestId;
    let payload = Buffer.from(response.body === undefined ? '' : JSON.stringify(fillRequestIds(response.body, requestId, clientRequestId)), 'utf8');
    let status = response.status;
    if (malformed) {
      // A body cut off mid-JSON, with a Content-Length that matches the cut: only parsing fails.
      status = 200;
      payload = payload.length > 1 ? payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))) : Buffer.from('{"value":[', 'utf8');
    }
    outgoing.writeHead(status, {
      'Content-Type': 'application/json',
      ...response.headers,
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'Cache-Control': 'no-cache',
      'Content-Length': payload.length,
    });
    outgoing.end(payload);
  }

  const server: Server = createServer({ key: options.tls.key, cert: options.tls.cert }, (incoming, outgoing) => {
    void handle(incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    baseUrl: `https://${options.host ?? '127.0.0.1'}:${address.port}/v1.0`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    addMessage: (userIdOrUpn, folder, message) => {
      state.addMessage(userIdOrUpn, folder, message);
    },
    removeMessage: state.removeMessage,
    moveMessage: state.moveMessage,
    addEvent: state.addEvent,
    removeEvent: state.removeEvent,
    updateMessage: state.updateMessage,
    updateEvent: state.updateEvent,
    addContact: state.addContact,
    updateContact: state.updateContact,
    removeContact: state.removeContact,
    requestLog,
    faults: { failNext: faults.failNext, delayNext: faults.delayNext, holdNext: faults.holdNext, clear: faults.clear, pending: faults.pending },
    notificationLog: subscriptions.notificationLog,
    listSubscriptions: subscriptions.list,
    sendLifecycleNotification: subscriptions.sendLifecycleNotification,
    whenNotificationsDelivered: subscriptions.whenIdle,
    missNotifications: subscriptions.missNotifications,
    addUser: (user, options) => {
      state.addUser(user, options);
    },
  };
}

/** A page whose nextLink leads back to itself (on the last page, instead of its deltaLink): the client replays it once. */
function pointBackToSelf(body: Record<string, unknown>, selfUrl: string): Record<string, unknown> {
  const { '@odata.nextLink': _next, '@odata.deltaLink': _delta, value, ...rest } = body;
  return { ...rest, '@odata.nextLink': selfUrl, value };
}

/** Puts the response's request ids into a Graph error body's innerError, as Graph does. */
function fillRequestIds(body: unknown, requestId: string, clientRequestId: string): unknown {
  const error = (body as { error?: { innerError?: Record<string, string> } } | null)?.error;
  if (error?.innerError) {
    error.innerError['request-id'] = requestId;
    error.innerError['client-request-id'] = clientRequestId;
  }
  return body;
}
