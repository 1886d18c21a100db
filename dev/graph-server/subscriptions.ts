// Graph change notifications (webhooks) for the stand-in: POST/GET/PATCH/DELETE /subscriptions
// with Graph's validation handshake, change notifications for messages and events changed
// through the server's helpers (batched per notification URL, fire-and-forget with a small
// retry), lifecycle notifications on demand, expiry, and notifications lost on Graph's side
// (missNotifications, then a `missed` lifecycle notification, as Graph sends when it dropped
// some). Notification URLs must be loopback: the stand-in never calls out of the machine.
import { randomUUID } from 'node:crypto';
import type { GraphEvent, GraphMessage } from '../tenant/tenant-types.ts';
import type { GraphRequest, GraphResponse } from './graph-http.ts';
import type { MailboxState, StateChange, TenantState } from './tenant-state.ts';
import { createBadRequest, createGraphError } from './graph-errors.ts';
import { describeEvent, describeMessage } from './graph-shapes.ts';

export type SubscriptionChangeType = 'created' | 'updated' | 'deleted';
export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** A subscription as Graph returns it. */
export interface GraphSubscription {
  id: string;
  resource: string;
  applicationId: string;
  /** Comma-separated, as sent: e.g. "created,updated,deleted". */
  changeType: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  creatorId: string;
  includeResourceData: boolean;
  latestSupportedTlsVersion: string;
  encryptionCertificate: string | null;
  encryptionCertificateId: string | null;
  notificationQueryOptions: string | null;
  notificationUrlAppId: string | null;
}

/** One POST the stand-in made to a client endpoint. */
export interface NotificationDelivery {
  /** validation: the handshake; change: a change-notification batch; lifecycle: a lifecycle notification. */
  kind: 'validation' | 'change' | 'lifecycle';
  url: string;
  subscriptionIds: string[];
  /** The JSON body posted (change and lifecycle). */
  body?: { value: Record<string, unknown>[] };
  /** How many POSTs were made (retries included). */
  attempts: number;
  /** Status of the last attempt; null when it never got a response. */
  status: number | null;
  ok: boolean;
  error?: string;
  /** When the first attempt started (ISO). */
  at: string;
}

export interface SubscriptionManagerOptions {
  state: TenantState;
  /** The server's clock (ms): expiry and lastModified stamps. */
  now: () => number;
  /** Longest lifetime of a subscription, in minutes (Graph: 4230 for Outlook messages and events). */
  maxExpirationMinutes: number;
  /** How long the client has to answer the validation handshake (Graph: 10 s). */
  validationTimeoutMs: number;
  /** Extra attempts after a failed delivery (default 2), and the pause before the first retry (doubles each time). */
  deliveryRetries: number;
  retryDelayMs: number;
  /** How long one delivery attempt may take. */
  deliveryTimeoutMs: number;
}

export interface SubscriptionManager {
  /** Serves /v1.0/subscriptions routes; null when the request is not for them. */
  serve(request: GraphRequest): Promise<GraphResponse> | null;
  notificationLog: NotificationDelivery[];
  list(): GraphSubscription[];
  sendLifecycleNotification(subscriptionId: string, lifecycleEvent: LifecycleEvent): Promise<NotificationDelivery>;
  /**
   * From now on, changes for this subscription are not notified, as when Graph drops
   * notifications; they are counted, and `sendLifecycleNotification(id, 'missed')` ends it.
   * Returns how many were dropped so far.
   */
  missNotifications(subscriptionId: string): { dropped(): number };
  /** Resolves when every notification queued so far has been delivered or has given up. */
  whenIdle(): Promise<void>;
}

interface Target {
  userId: string;
  kind: 'message' | 'event';
  /** Messages of one folder only; undefined: every folder of the mailbox. */
  folderId?: string;
}

interface Stored {
  subscription: GraphSubscription;
  target: Target;
  changeTypes: Set<SubscriptionChangeType>;
  needsReauthorization: boolean;
  /** Set while notifications are being lost (missNotifications): how many were dropped. */
  missing?: { dropped: number };
}

const APPLICATION_ID = '24d3b144-21ae-4080-943f-7067b395b913';
const CREATOR_ID = '8ee44408-0679-472c-bc2a-692812af3437';
const CHANGE_TYPES: readonly SubscriptionChangeType[] = ['created', 'updated', 'deleted'];
const JSON_HEADERS = { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' };

/** True for http(s) URLs on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Splits a resource path into segments: users('x') → users, x; mailFolders('inbox') → mailFolders, inbox. */
function splitResource(resource: string): string[] {
  const segments: string[] = [];
  for (const raw of resource.split('?')[0]!.split('/').filter(Boolean)) {
    const segment = decodeURIComponent(raw);
    const keyed = /^([^(]+)\('?([^')]*)'?\)$/.exec(segment);
    if (keyed && keyed[2]) segments.push(keyed[1] ?? '', keyed[2]);
    else segments.push(segment);
  }
  if (segments[0]?.toLowerCase() === 'v1.0') segments.shift();
  return segments;
}

function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '0000Z'); // Graph writes 7 fractional digits
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createSubscriptionManager(options: SubscriptionManagerOptions): SubscriptionManager {
  const { state } = options;
  const tenantId = state.tenant.tenantId;
  const subscriptions = new Map<string, Stored>();
  const notificationLog: NotificationDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  /** Change notifications waiting for the next flush, per notification URL. */
  const queued = new Map<string, { subscriptionIds: Set<string>; value: Record<string, unknown>[] }>();
  let flushScheduled = false;

  const isActive = (stored: Stored): boolean => Date.parse(stored.subscription.expirationDateTime) > options.now();
  const findActive = (id: string): Stored | undefined => {
    const stored = subscriptions.get(id);
    if (stored && !isActive(stored)) subscriptions.delete(id); // Graph drops expired subscriptions.
    return stored && isActive(stored) ? stored : undefined;
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  function notFound(id: string): GraphResponse {
    return createGraphError(404, 'ResourceNotFound', `The object was not found: subscription '${id}'.`);
  }

  function parseTarget(resource: string): Target | GraphResponse {
    const segments = splitResource(resource);
    const lower = segments.map((segment) => segment.toLowerCase());
    if (lower[0] !== 'users' || segments[1] === undefined) {
      return createBadRequest(`Resource '${resource}' is not supported by the local Graph stand-in (use users/{id}/messages, users/{id}/mailFolders('{folder}')/messages or users/{id}/events).`, 'InvalidRequest');
    }
    const mailbox = state.findMailbox(segments[1]);
    if (!mailbox) return createGraphError(404, 'ErrorInvalidUser', `The requested user '${segments[1]}' is invalid.`);
    const userId = mailbox.user.id;
    const rest = lower.slice(2);
    if (rest.length === 1 && rest[0] === 'messages') return { userId, kind: 'message' };
    if ((rest.length === 1 && rest[0] === 'events') || (rest.length === 2 && rest[0] === 'calendar' && rest[1] === 'events')) return { userId, kind: 'event' };
    if (rest.length === 3 && rest[0] === 'mailfolders' && rest[2] === 'messages') {
      const folder = state.findFolder(mailbox, segments[3] ?? '');
      if (!folder) return createGraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return { userId, kind: 'message', folderId: folder.folder.id };
    }
    return createBadRequest(`Resource '${resource}' is not supported by the local Graph stand-in.`, 'InvalidRequest');
  }

  function checkExpiration(value: unknown): number | GraphResponse {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) return createBadRequest('expirationDateTime is required and must be an ISO 8601 date-time.', 'InvalidRequest');
    const minutes = (ms - options.now()) / 60_000;
    if (minutes <= 0 || minutes > options.maxExpirationMinutes) {
      return createBadRequest(
        `Operation: Create; Exception: [Status Code: BadRequest; Reason: Subscription expiration can only be 0-${options.maxExpirationMinutes} minutes in the future.]`,
        'ExtensionError',
      );
    }
    return ms;
  }

  function checkNotificationUrl(name: string, value: unknown): GraphResponse | null {
    if (typeof value !== 'string' || value === '') return createBadRequest(`${name} is required.`, 'InvalidRequest');
    if (!isLoopbackUrl(value)) {
      return createBadRequest(`${name} '${value}' is not allowed: the local Graph stand-in only notifies loopback URLs (127.0.0.1, localhost).`, 'InvalidRequest');
    }
    return null;
  }

  /** Graph's handshake: POST {url}?validationToken=… and expect 200 text/plain echoing the token within the timeout. */
  async function validateEndpoint(url: string): Promise<NotificationDelivery> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    const delivery: NotificationDelivery = { kind: 'validation', url, subscriptionIds: [], attempts: 1, status: null, ok: false, at: new Date().toISOString() };
    notificationLog.push(delivery);
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: '',
        signal: AbortSignal.timeout(options.validationTimeoutMs),
      });
      delivery.status = response.status;
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status !== 200) delivery.error = `answered ${response.status}`;
      else if (!/^text\/plain\b/i.test(contentType)) delivery.error = `answered Content-Type '${contentType}', not text/plain`;
      else if (text !== token) delivery.error = 'the response body is not the validationToken';
      else delivery.ok = true;
    } catch (error) {
      delivery.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    return delivery;
  }

  async function validateAll(urls: string[]): Promise<GraphResponse | null> {
    for (const url of urls) {
      const result = await validateEndpoint(url);
      if (!result.ok) {
        return createBadRequest(`Subscription validation request failed. Notification endpoint ${url} must respond with 200 OK and the validationToken as text/plain within ${options.validationTimeoutMs / 1000} seconds (${result.error ?? 'no answer'}).`, 'ValidationError');
      }
    }
    return null;
  }

  function respond(status: number, body?: Record<string, unknown>, base?: string): GraphResponse {
    if (body === undefined) return { status, headers: {} };
    return { status, headers: JSON_HEADERS, body: base ? { '@odata.context': `${base}/$metadata#subscriptions/$entity`, ...body } : body };
  }

  async function create(request: GraphRequest, base: string): Promise<GraphResponse> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const changeType = typeof body['changeType'] === 'string' ? body['changeType'] : '';
    const changeTypes = changeType.split(',').map((part) => part.trim()).filter(Boolean);
    if (changeTypes.length === 0 || changeTypes.some((part) => !CHANGE_TYPES.includes(part as SubscriptionChangeType))) {
      return createBadRequest(`changeType '${changeType}' is invalid: use a comma-separated list of created, updated, deleted.`, 'InvalidRequest');
    }
    const resource = typeof body['resource'] === 'string' ? body['resource'] : '';
    const target = parseTarget(resource);
    if ('status' in target) return target;
    const expiration = checkExpiration(body['expirationDateTime']);
    if (typeof expiration !== 'number') return expiration;
    const urlError = checkNotificationUrl('notificationUrl', body['notificationUrl']);
    if (urlError) return urlError;
    const lifecycleUrl = body['lifecycleNotificationUrl'] ?? null;
    if (lifecycleUrl !== null) {
      const lifecycleError = checkNotificationUrl('lifecycleNotificationUrl', lifecycleUrl);
      if (lifecycleError) return lifecycleError;
    }
    const clientState = body['clientState'] ?? null;
    if (clientState !== null && (typeof clientState !== 'string' || clientState.length > 128)) {
      return createBadRequest('clientState must be a string of at most 128 characters.', 'InvalidRequest');
    }
    const notificationUrl = body['notificationUrl'] as string;
    const handshake = await validateAll([notificationUrl, ...(lifecycleUrl === null ? [] : [lifecycleUrl as string])]);
    if (handshake) return handshake;
    const subscription: GraphSubscription = {
      id: randomUUID(),
      resource,
      applicationId: APPLICATION_ID,
      changeType: changeTypes.join(','),
      clientState,
      notificationUrl,
      lifecycleNotificationUrl: lifecycleUrl as string | null,
      expirationDateTime: formatInstant(expiration),
      creatorId: CREATOR_ID,
      includeResourceData: false,
      latestSupportedTlsVersion: 'v1_2',
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationQueryOptions: null,
      notificationUrlAppId: null,
    };
    subscriptions.set(subscription.id, { subscription, target, changeTypes: new Set(changeTypes as SubscriptionChangeType[]), needsReauthorization: false });
    return respond(201, { ...subscription }, base);
  }

  async function update(stored: Stored, request: GraphRequest, base: string): Promise<GraphResponse> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    let expiration: number | undefined;
    if (body['expirationDateTime'] !== undefined) {
      const checked = checkExpiration(body['expirationDateTime']);
      if (typeof checked !== 'number') return checked;
      expiration = checked;
    }
    if (body['notificationUrl'] !== undefined && body['notificationUrl'] !== stored.subscription.notificationUrl) {
      const urlError = checkNotificationUrl('notificationUrl', body['notificationUrl']);
      if (urlError) return urlError;
      const handshake = await validateAll([body['notificationUrl'] as string]);
      if (handshake) return handshake;
      stored.subscription.notificationUrl = body['notificationUrl'] as string;
    }
    if (expiration !== undefined) stored.subscription.expirationDateTime = formatInstant(expiration);
    return respond(200, { ...stored.subscription }, base);
  }

  function serve(request: GraphRequest): Promise<GraphResponse> | null {
    const match = /^\/v1\.0\/subscriptions(?:\/([^/]+))?(?:\/([^/]+))?\/?$/i.exec(request.url.pathname);
    if (!match) return null;
    const base = `${request.url.protocol}//${request.url.host}/v1.0`;
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    const action = match[2]?.toLowerCase();
    const method = request.method.toUpperCase();
    return (async (): Promise<GraphResponse> => {
      if (id === undefined) {
        if (method === 'POST') return create(request, base);
        if (method === 'GET') {
          return respond(200, { '@odata.context': `${base}/$metadata#subscriptions`, value: list().map((subscription) => ({ ...subscription })) });
        }
        return createGraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
      }
      const stored = findActive(id);
      if (!stored) return notFound(id);
      if (action === 'reauthorize' && method === 'POST') {
        stored.needsReauthorization = false;
        return respond(204);
      }
      if (action !== undefined) return createBadRequest(`Resource not found for the segment '${match[2]}'.`);
      if (method === 'GET') return respond(200, { ...stored.subscription }, base);
      if (method === 'PATCH') return update(stored, request, base);
      if (method === 'DELETE') {
        subscriptions.delete(id);
        return respond(204);
      }
      return createGraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
    })();
  }

  function list(): GraphSubscription[] {
    return [...subscriptions.keys()].flatMap((id) => {
      const stored = findActive(id);
      return stored ? [stored.subscription] : [];
    });
  }

  /** POSTs a notification body, retrying a failed attempt a few times; records the delivery. */
  function deliver(kind: 'change' | 'lifecycle', url: string, subscriptionIds: string[], body: { value: Record<string, unknown>[] }): Promise<NotificationDelivery> {
    const delivery: NotificationDelivery = { kind, url, subscriptionIds, body, attempts: 0, status: null, ok: false, at: new Date().toISOString() };
    notificationLog.push(delivery);
    return track(
      (async () => {
        for (let attempt = 0; attempt <= options.deliveryRetries; attempt++) {
          if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
          delivery.attempts = attempt + 1;
          try {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json; charset=utf-8' },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(options.deliveryTimeoutMs),
            });
            await response.arrayBuffer().catch(() => undefined);
            delivery.status = response.status;
            if (response.status >= 200 && response.status < 300) {
              delivery.ok = true;
              delete delivery.error;
              return delivery;
            }
            delivery.error = `answered ${response.status}`;
          } catch (error) {
            delivery.status = null;
            delivery.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          }
        }
        return delivery;
      })(),
    );
  }

  function flush(): void {
    flushScheduled = false;
    const batches = [...queued.entries()];
    queued.clear();
    for (const [url, batch] of batches) void deliver('change', url, [...batch.subscriptionIds], { value: batch.value });
  }

  function describeChange(mailbox: MailboxState, change: StateChange): { resource: string; etag: string | undefined; type: string } {
    const collection = change.kind === 'message' ? 'Messages' : 'Events';
    let etag: string | undefined;
    if (change.item !== null) {
      const described = change.kind === 'message' ? describeMessage(change.item as GraphMessage) : describeEvent(change.item as GraphEvent, mailbox.user);
      etag = described['@odata.etag'] as string;
    }
    return { resource: `Users/${mailbox.user.id}/${collection}/${change.id}`, etag, type: change.kind === 'message' ? '#Microsoft.Graph.Message' : '#Microsoft.Graph.Event' };
  }

  state.onChange((change) => {
    const mailbox = state.findMailbox(change.userId);
    if (!mailbox) return;
    for (const id of [...subscriptions.keys()]) {
      const stored = findActive(id);
      if (!stored) continue;
      const { target } = stored;
      if (target.userId !== change.userId || target.kind !== change.kind || !stored.changeTypes.has(change.changeType)) continue;
      if (target.folderId !== undefined && target.folderId !== change.folderId) continue;
      if (stored.missing) {
        stored.missing.dropped += 1;
        continue;
      }
      const { resource, etag, type } = describeChange(mailbox, change);
      const notification: Record<string, unknown> = {
        subscriptionId: stored.subscription.id,
        subscriptionExpirationDateTime: stored.subscription.expirationDateTime,
        changeType: change.changeType,
        resource,
        resourceData: { '@odata.type': type, '@odata.id': resource, ...(etag ? { '@odata.etag': etag } : {}), id: change.id },
        clientState: stored.subscription.clientState,
        tenantId,
      };
      const batch = queued.get(stored.subscription.notificationUrl) ?? { subscriptionIds: new Set<string>(), value: [] };
      batch.subscriptionIds.add(stored.subscription.id);
      batch.value.push(notification);
      queued.set(stored.subscription.notificationUrl, batch);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    }
  });

  return {
    serve,
    notificationLog,
    list,
    sendLifecycleNotification: async (subscriptionId, lifecycleEvent) => {
      const stored = subscriptions.get(subscriptionId);
      if (!stored) throw new Error(`graph server: no subscription ${subscriptionId}`);
      const url = stored.subscription.lifecycleNotificationUrl;
      if (!url) throw new Error(`graph server: subscription ${subscriptionId} has no lifecycleNotificationUrl`);
      if (lifecycleEvent === 'subscriptionRemoved') subscriptions.delete(subscriptionId);
      if (lifecycleEvent === 'reauthorizationRequired') stored.needsReauthorization = true;
      // Graph tells the app it lost notifications; what follows is notified again.
      if (lifecycleEvent === 'missed') delete stored.missing;
      return deliver('lifecycle', url, [subscriptionId], {
        value: [
          {
            subscriptionId,
            subscriptionExpirationDateTime: stored.subscription.expirationDateTime,
            tenantId,
            clientState: stored.subscription.clientState,
            lifecycleEvent,
            resource: stored.subscription.resource,
          },
        ],
      });
    },
    missNotifications: (subscriptionId) => {
      const stored = findActive(subscriptionId);
      if (!stored) throw new Error(`graph server: no subscription ${subscriptionId}`);
      const missing = stored.missing ?? { dropped: 0 };
      stored.missing = missing;
      return { dropped: () => missing.dropped };
    },
    whenIdle: async () => {
      while (flushScheduled || inFlight.size > 0) {
        if (flushScheduled) await new Promise((resolve) => setImmediate(resolve));
        await Promise.allSettled([...inFlight]);
      }
    },
  };
}
