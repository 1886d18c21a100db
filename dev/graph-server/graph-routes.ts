// The Graph v1.0 routes the stand-in serves, over a TenantState: users, mail folders, folder
// messages and their delta, calendarView and its delta, contacts and people. Paging follows Graph: Prefer
// odata.maxpagesize (answered with Preference-Applied), absolute @odata.nextLink with
// $skiptoken, and @odata.deltaLink with $deltatoken at the end of a round.
import type { GraphEvent, GraphMessage } from '../tenant/tenant-types.ts';
import type { GraphRequest, GraphResponse } from './graph-http.ts';
import { readMaxPageSize, readQueryOption } from './graph-http.ts';
import { collectChangesWithPrevious, readWatermark, type ChangeLog, type ChangeWithPrevious, type FolderState, type MailboxState, type TenantState } from './tenant-state.ts';
import { decodeDeltaCursor, encodeDeltaCursor, type DeltaCursor } from './delta-token.ts';
import {
  createBadRequest,
  createGraphError,
  createInvalidUser,
  createItemNotFound,
  createSyncStateGone,
  createUnknownSegment,
} from './graph-errors.ts';
import {
  describeContact,
  describeEvent,
  describeFolder,
  describePerson,
  describeMessage,
  describeUser,
  parseSelect,
  projectEntity,
  sampleEntity,
  type EntityKind,
} from './graph-shapes.ts';

type Json = Record<string, unknown>;

export interface GraphRouterOptions {
  state: TenantState;
  /** Items per page when the client sends no Prefer: odata.maxpagesize (Graph uses 10 for Outlook items). */
  pageSizeDefault: number;
}

const MAX_PAGE_SIZE = 1000;
const JSON_HEADERS = { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' };

function respondJson(body: Json, headers: Record<string, string> = {}): GraphResponse {
  return { status: 200, headers: { ...JSON_HEADERS, ...headers }, body };
}

/** Splits a path into segments, turning users('x') into users / x and delta() into delta. */
function splitPath(pathname: string): string[] {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    const segment = decodeURIComponent(raw);
    const keyed = /^([^(]+)\('?([^')]*)'?\)$/.exec(segment);
    if (keyed && keyed[2]) segments.push(keyed[1] ?? '', keyed[2]);
    else segments.push(segment.replace(/^microsoft\.graph\./i, '').replace(/\(\)$/, ''));
  }
  return segments;
}

/** Parses an ISO date-time; values without an offset are UTC, as Graph reads them without a Prefer time zone. */
function parseInstant(value: string): number {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(hasZone ? trimmed : `${trimmed}Z`);
}

function overlapsWindow(event: GraphEvent, startMs: number, endMs: number): boolean {
  return parseInstant(event.start.dateTime) < endMs && parseInstant(event.end.dateTime) > startMs;
}

function choosePageSize(request: GraphRequest, fallback: number): { size: number; applied: Record<string, string> } {
  const preferred = readMaxPageSize(request.headers);
  const top = Number(readQueryOption(request.url, 'top') ?? Number.NaN);
  let size = preferred ?? fallback;
  if (Number.isFinite(top) && top > 0) size = Math.min(size, top);
  size = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
  return { size, applied: preferred === null ? {} : { 'Preference-Applied': `odata.maxpagesize=${Math.min(preferred, MAX_PAGE_SIZE)}` } };
}

function readSelect(request: GraphRequest, kind: EntityKind): { select: string[] | null; error: GraphResponse | null } {
  const parsed = parseSelect(readQueryOption(request.url, 'select'), sampleEntity(kind));
  if (parsed.unknown !== null) {
    const message =
      kind === 'user'
        ? `Property '${parsed.unknown}' does not exist as a declared property or extension property.`
        : `Could not find a property named '${parsed.unknown}' on type 'microsoft.graph.${kind}'.`;
    return { select: null, error: createBadRequest(message, kind === 'user' ? 'Request_BadRequest' : 'RequestBroker--ParseUri') };
  }
  return { select: parsed.select, error: null };
}

interface DeltaRound<T> {
  log: ChangeLog<T>;
  cursor: DeltaCursor;
  kind: 'message' | 'event';
  linkPath: string;
  /** Where a client restarts after a 410 (the initial request). */
  restartLink: string;
  keep: (item: T) => boolean;
  /** Distinguishes rounds over the same log with different keep filters (the calendar window), for the page cache. */
  keepKey: string;
  describe: (item: T) => Json;
}

interface RoundChange<T> {
  id: string;
  /** null: reported as @removed. */
  item: T | null;
}

/** How many computed rounds are kept per change log (a round is immutable: logs are append-only). */
const ROUND_CACHE_SIZE = 8;

export function createGraphRouter(options: GraphRouterOptions): (request: GraphRequest) => GraphResponse {
  const { state } = options;
  const tenantId = state.tenant.tenantId;
  const baseOf = (request: GraphRequest): string => `${request.url.protocol}//${request.url.host}/v1.0`;
  const roundCache = new WeakMap<ChangeLog<unknown>, Map<string, RoundChange<unknown>[]>>();

  /**
   * The net changes of a round, in order: items that are (still) kept, and @removed for deleted
   * items and for items that left the kept set (an event rescheduled out of the calendar window).
   * Cached per log: paging a round re-reads it once per page.
   */
  function readRoundChanges<T>(round: DeltaRound<T>, since: number, upto: number): RoundChange<T>[] {
    const key = `${since}|${upto}|${round.keepKey}`;
    let cache = roundCache.get(round.log as ChangeLog<unknown>);
    if (!cache) roundCache.set(round.log as ChangeLog<unknown>, (cache = new Map()));
    const hit = cache.get(key);
    if (hit) return hit as RoundChange<T>[];
    const changes: RoundChange<T>[] = [];
    for (const entry of collectChangesWithPrevious(round.log, since, upto) as ChangeWithPrevious<T>[]) {
      if (entry.item !== null && round.keep(entry.item)) changes.push({ id: entry.id, item: entry.item });
      else if (entry.item === null || (entry.previous !== null && round.keep(entry.previous))) changes.push({ id: entry.id, item: null });
    }
    if (cache.size >= ROUND_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, changes as RoundChange<unknown>[]);
    return changes;
  }

  function serveDeltaPage<T>(request: GraphRequest, round: DeltaRound<T>): GraphResponse {
    const { cursor } = round;
    const watermark = readWatermark(round.log);
    if (cursor.since > watermark || (cursor.upto ?? 0) > watermark) return createSyncStateGone('syncStateNotFound', round.restartLink);
    const upto = cursor.upto ?? watermark;
    const offset = cursor.offset ?? 0;
    const changes = readRoundChanges(round, cursor.since, upto);
    const { size, applied } = choosePageSize(request, options.pageSizeDefault);
    const page = changes.slice(offset, offset + size);
    const value = page.map((entry) =>
      entry.item === null
        ? { '@odata.type': `#microsoft.graph.${round.kind}`, id: entry.id, '@removed': { reason: 'deleted' } }
        : projectEntity(round.describe(entry.item), cursor.select, round.kind, { annotateType: true }),
    );
    const link = `${baseOf(request)}${round.linkPath}`;
    const body: Json = { '@odata.context': `${baseOf(request)}/$metadata#Collection(${round.kind})` };
    if (offset + size < changes.length) {
      body['@odata.nextLink'] = `${link}?$skiptoken=${encodeDeltaCursor({ ...cursor, upto, offset: offset + size })}`;
    } else {
      const next: DeltaCursor = { ...cursor, since: upto };
      delete next.upto;
      delete next.offset;
      body['@odata.deltaLink'] = `${link}?$deltatoken=${encodeDeltaCursor(next)}`;
    }
    body['value'] = value;
    return respondJson(body, applied);
  }

  /** The cursor a delta request continues from: its token's, or a fresh one for an initial request. */
  function readCursor(request: GraphRequest, fresh: () => DeltaCursor | GraphResponse, restartLink: string): DeltaCursor | GraphResponse {
    const token = readQueryOption(request.url, 'skiptoken') ?? readQueryOption(request.url, 'deltatoken');
    if (token === null) return fresh();
    const cursor = decodeDeltaCursor(token);
    if (!cursor || cursor.tenantId !== tenantId) return createSyncStateGone('syncStateNotFound', restartLink);
    return cursor;
  }

  function serveMessageDelta(request: GraphRequest, mailbox: MailboxState, folderKey: string): GraphResponse {
    const folder = state.findFolder(mailbox, folderKey);
    if (!folder) return createItemNotFound();
    const linkPath = `/users/${mailbox.user.id}/mailFolders/${folder.folder.id}/messages/delta`;
    const restartLink = `${baseOf(request)}${linkPath}`;
    const cursor = readCursor(
      request,
      () => {
        const { select, error } = readSelect(request, 'message');
        if (error) return error;
        return { v: 1, tenantId, kind: 'messages', userId: mailbox.user.id, folderId: folder.folder.id, select, since: 0 };
      },
      restartLink,
    );
    if (!('v' in cursor)) return cursor;
    if (cursor.kind !== 'messages' || cursor.userId !== mailbox.user.id || cursor.folderId !== folder.folder.id) {
      return createBadRequest('The state token does not belong to this folder.');
    }
    const select = cursor.select ? `?$select=${cursor.select.join(',')}` : '';
    return serveDeltaPage<GraphMessage>(request, {
      log: folder.log,
      cursor,
      kind: 'message',
      linkPath,
      restartLink: `${restartLink}${select}`,
      keep: () => true,
      keepKey: 'all',
      describe: describeMessage,
    });
  }

  function serveEventDelta(request: GraphRequest, mailbox: MailboxState): GraphResponse {
    const linkPath = `/users/${mailbox.user.id}/calendarView/delta`;
    const cursor = readCursor(
      request,
      () => {
        const start = readQueryOption(request.url, 'startDateTime');
        const end = readQueryOption(request.url, 'endDateTime');
        if (!start || !end || Number.isNaN(parseInstant(start)) || Number.isNaN(parseInstant(end))) {
          return createGraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
        }
        const { select, error } = readSelect(request, 'event');
        if (error) return error;
        return { v: 1, tenantId, kind: 'events', userId: mailbox.user.id, start, end, select, since: 0 };
      },
      `${baseOf(request)}${linkPath}`,
    );
    if (!('v' in cursor)) return cursor;
    if (cursor.kind !== 'events' || cursor.userId !== mailbox.user.id || !cursor.start || !cursor.end) {
      return createBadRequest('The state token does not belong to this calendar view.');
    }
    const startMs = parseInstant(cursor.start);
    const endMs = parseInstant(cursor.end);
    const window = `startDateTime=${encodeURIComponent(cursor.start)}&endDateTime=${encodeURIComponent(cursor.end)}`;
    return serveDeltaPage<GraphEvent>(request, {
      log: mailbox.calendar,
      cursor,
      kind: 'event',
      linkPath,
      restartLink: `${baseOf(request)}${linkPath}?${window}`,
      keep: (event) => overlapsWindow(event, startMs, endMs),
      keepKey: `${startMs}-${endMs}`,
      describe: (event) => describeEvent(event, mailbox.user),
    });
  }

  /**
   * Plain $top/$skip paging for non-delta collections. The nextLink carries $skiptoken, or $skip
   * where Graph itself pages that way (the people API).
   */
  function servePlainPage(request: GraphRequest, items: Json[], context: string, fallbackTop: number, maxTop: number, nextWith: 'skiptoken' | 'skip' = 'skiptoken'): GraphResponse {
    const top = Math.max(1, Math.min(maxTop, Number(readQueryOption(request.url, 'top') ?? fallbackTop) || fallbackTop));
    const skipToken = readQueryOption(request.url, 'skiptoken');
    const skip = skipToken !== null ? Number(Buffer.from(skipToken, 'base64url').toString('utf8')) || 0 : Number(readQueryOption(request.url, 'skip') ?? 0) || 0;
    const body: Json = { '@odata.context': `${baseOf(request)}/$metadata#${context}` };
    if (skip + top < items.length) {
      const next = new URL(request.url.href);
      for (const key of [...next.searchParams.keys()]) if (/^\$?(skip|skiptoken|top)$/i.test(key)) next.searchParams.delete(key);
      next.searchParams.set('$top', String(top));
      if (nextWith === 'skip') next.searchParams.set('$skip', String(skip + top));
      else next.searchParams.set('$skiptoken', Buffer.from(String(skip + top)).toString('base64url'));
      body['@odata.nextLink'] = next.href.replace(/%24/g, '$');
    }
    body['value'] = items.slice(skip, skip + top);
    return respondJson(body);
  }

  function serveUsers(request: GraphRequest, rest: string[]): GraphResponse {
    if (rest.length > 1) return serveMailboxResource(request, rest[0] ?? '', rest.slice(1));
    const { select, error } = readSelect(request, 'user');
    if (error) return error;
    if (rest.length === 0) {
      const users = state.tenant.users.map((user) => projectEntity(describeUser(user), select, 'user'));
      return servePlainPage(request, users, 'users', 100, 999);
    }
    const key = rest[0] ?? '';
    const user = state.tenant.users.find((candidate) => candidate.id === key || candidate.userPrincipalName.toLowerCase() === key.toLowerCase());
    if (!user) return createGraphError(404, 'Request_ResourceNotFound', `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
    return respondJson({ '@odata.context': `${baseOf(request)}/$metadata#users/$entity`, ...projectEntity(describeUser(user), select, 'user') });
  }

  function serveMailboxResource(request: GraphRequest, userKey: string, rest: string[]): GraphResponse {
    const mailbox = state.findMailbox(userKey);
    if (!mailbox) return createInvalidUser(userKey);
    const [resource = '', second] = rest.map((segment, index) => (index === 1 && rest[0]?.toLowerCase() === 'mailfolders' ? segment : segment.toLowerCase()));
    if (resource === 'mailfolders') {
      if (second === undefined) {
        const topLevel = state.listChildFolders(mailbox, null).map((folder) => describeFolder(mailbox, folder));
        return servePlainPage(request, topLevel, `users('${mailbox.user.id}')/mailFolders`, 10, 1000);
      }
      // mailFolders/{id}[/childFolders/{id}]*[/childFolders | /messages[/delta]]
      let folder = state.findFolder(mailbox, second);
      if (!folder) return createItemNotFound();
      let tail = rest.slice(2);
      while (tail[0]?.toLowerCase() === 'childfolders' && tail[1] !== undefined) {
        const child: FolderState | undefined = state.findFolder(mailbox, tail[1]);
        if (!child || child.folder.parentFolderId !== folder.folder.id) return createItemNotFound();
        folder = child;
        tail = tail.slice(2);
      }
      const [next, last] = [tail[0]?.toLowerCase(), tail[1]?.toLowerCase()];
      const context = `users('${mailbox.user.id}')/mailFolders('${folder.folder.id}')`;
      if (next === undefined) return respondJson({ '@odata.context': `${baseOf(request)}/$metadata#users('${mailbox.user.id}')/mailFolders/$entity`, ...describeFolder(mailbox, folder) });
      if (next === 'childfolders' && tail.length === 1) {
        const children = state.listChildFolders(mailbox, folder.folder.id).map((child) => describeFolder(mailbox, child));
        return servePlainPage(request, children, `${context}/childFolders`, 10, 1000);
      }
      if (next !== 'messages') return createUnknownSegment(tail[0] ?? '');
      if (last === 'delta' && tail.length === 2) return serveMessageDelta(request, mailbox, folder.folder.id);
      if (last !== undefined) return createUnknownSegment(tail[1] ?? '');
      const { select, error } = readSelect(request, 'message');
      if (error) return error;
      const newestFirst = [...folder.log.current.values()].sort((a, b) => (a.receivedDateTime < b.receivedDateTime ? 1 : -1));
      return servePlainPage(request, newestFirst.map((message) => projectEntity(describeMessage(message), select, 'message')), `${context}/messages`, 10, 1000);
    }
    if (resource === 'contacts') {
      if (second !== undefined) {
        const contact = rest.length === 2 ? [...mailbox.contacts.values()].find((candidate) => candidate.id === rest[1]) : undefined;
        if (!contact) return createItemNotFound();
        const { select, error } = readSelect(request, 'contact');
        if (error) return error;
        return respondJson({ '@odata.context': `${baseOf(request)}/$metadata#users('${mailbox.user.id}')/contacts/$entity`, ...projectEntity(describeContact(contact), select, 'contact') });
      }
      const { select, error } = readSelect(request, 'contact');
      if (error) return error;
      const contacts = [...mailbox.contacts.values()].map((contact) => projectEntity(describeContact(contact), select, 'contact'));
      return servePlainPage(request, contacts, `users('${mailbox.user.id}')/contacts`, 10, 1000);
    }
    if (resource === 'people') {
      if (second !== undefined) return createUnknownSegment(rest[1] ?? '');
      const { select, error } = readSelect(request, 'person');
      if (error) return error;
      const people = mailbox.people.map((person) => projectEntity(describePerson(person), select, 'person'));
      return servePlainPage(request, people, `users('${mailbox.user.id}')/people`, 10, 1000, 'skip');
    }
    if (resource === 'calendarview') {
      if (second === 'delta' && rest.length === 2) return serveEventDelta(request, mailbox);
      if (second !== undefined) return createUnknownSegment(rest[1] ?? '');
      const start = readQueryOption(request.url, 'startDateTime');
      const end = readQueryOption(request.url, 'endDateTime');
      if (!start || !end) return createGraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
      const { select, error } = readSelect(request, 'event');
      if (error) return error;
      const events = [...mailbox.calendar.current.values()]
        .filter((event) => overlapsWindow(event, parseInstant(start), parseInstant(end)))
        .sort((a, b) => (a.start.dateTime < b.start.dateTime ? -1 : 1))
        .map((event) => projectEntity(describeEvent(event, mailbox.user), select, 'event'));
      return servePlainPage(request, events, `users('${mailbox.user.id}')/calendarView`, 10, 1000);
    }
    return createUnknownSegment(rest[0] ?? '');
  }

  return (request) => {
    const segments = splitPath(request.url.pathname);
    if (segments[0] !== 'v1.0') return createGraphError(400, 'BadRequest', `Invalid version: ${segments[0] ?? ''}`);
    const [root = '', ...rest] = segments.slice(1);
    if (request.method !== 'GET') return createGraphError(405, 'Request_BadRequest', `The HTTP method '${request.method}' is not allowed for this resource.`);
    if (root.toLowerCase() === 'users') return serveUsers(request, rest);
    return createUnknownSegment(root);
  };
}
