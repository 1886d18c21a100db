// Reads a mailbox's address book — the owner's Outlook contacts and their Graph people list —
// and folds the work facts into people the tenant already knows (apply-people-observations.ts).
// Cadence: at most once per `everyHours` (a day by default) per list, on the mailbox sync that
// finds it due; contacts change rarely and Graph offers contact delta only per contact folder,
// so each read is the whole list, paged with nextLink, and the sightings it adds merge as a set
// (a contact unchanged since yesterday adds one sighting a day, never a history entry).
// Each list has a cursor in syncState (resource 'contacts' / 'people'): the next page while a
// read runs (a stopped read resumes there), and, once a read finished, its first URL as the
// deltaLink — an admin's full resync clears it, which makes the list due again. A failure is
// recorded on the list's cursor and never fails the mailbox: mail and meetings come first, and
// a tenant that has not granted Contacts.Read or People.Read.All simply gets no address book.
import type { SyncError } from '../../../shared/api/routes.ts';
import { readContactFacts, readPersonFacts } from '../enrichment/people/contact-facts.ts';
import type { ContactFacts } from '../enrichment/merge-person.ts';
import {
  ADDRESS_BOOK_PAGE_SIZE,
  buildContactsUrl,
  buildPeopleUrl,
  type GraphContactMetadata,
  type GraphPersonMetadata,
} from '../graph/address-book-requests.ts';
import { GraphRequestError, readGraphPage } from '../graph/read-graph-page.ts';
import type { SyncCursor } from '../store/sync-state-repository.ts';
import { applyContactFacts } from './apply-people-observations.ts';
import { describeSyncError } from './describe-sync-error.ts';
import { nextSyncStage, type StageState } from './next-sync-stage.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

export interface AddressBookOptions {
  /** Read the owner's Outlook contacts (Graph application permission Contacts.Read). */
  contacts: boolean;
  /** Read the owner's Graph people list (People.Read.All). */
  people: boolean;
  /** Hours between two reads of each list. */
  everyHours: number;
  /** People entries read, most relevant first: the long tail is noise. */
  peopleLimit: number;
}

export const defaultAddressBookOptions: AddressBookOptions = { contacts: true, people: true, everyHours: 24, peopleLimit: 100 };

export type AddressBookResource = 'contacts' | 'people';

export interface AddressBookReport {
  resource: AddressBookResource;
  /** False when the list was not due. */
  read: boolean;
  pages: number;
  items: number;
  /** People records changed. */
  written: number;
  error: SyncError | null;
}

interface ListSpec<T> {
  resource: AddressBookResource;
  source: 'contact' | 'graph-people';
  initialUrl: string;
  facts: (item: T) => ContactFacts[];
  limit: number;
}

const HOUR_MS = 3_600_000;

/**
 * Whether a list should be read now: never read, a read to finish (or cleared by a full resync),
 * or the last finished read is `everyHours` old. After an auth failure (permission not granted)
 * it waits `everyHours` too, instead of asking Graph again on every sync.
 */
export function isAddressBookDue(cursor: SyncCursor | null, now: Date, everyHours: number): boolean {
  if (!cursor) return true;
  const since = (at: string | null | undefined) => (at ? now.getTime() - Date.parse(at) : Number.POSITIVE_INFINITY);
  if (cursor.stage === 'needs-reconnect') return since(cursor.updatedAt) >= everyHours * HOUR_MS;
  if (cursor.nextLink || !cursor.deltaLink) return true;
  return since(cursor.lastSuccessAt) >= everyHours * HOUR_MS;
}

export async function syncAddressBook(
  deps: SyncDependencies,
  mailbox: MailboxRef,
  options: AddressBookOptions = defaultAddressBookOptions,
): Promise<AddressBookReport[]> {
  if (!options.contacts && !options.people) return [];
  // An opted-out mailbox is not read at all (docs/PRIVACY.md).
  if (await deps.repositories.privacy?.readOptOut(mailbox.tenantId, mailbox.ownerEmail)) return [];
  const reports: AddressBookReport[] = [];
  if (options.contacts) {
    reports.push(
      await syncList<GraphContactMetadata>(deps, mailbox, options, {
        resource: 'contacts',
        source: 'contact',
        initialUrl: buildContactsUrl(mailbox.userId),
        facts: readContactFacts,
        limit: Number.POSITIVE_INFINITY,
      }),
    );
  }
  if (options.people) {
    reports.push(
      await syncList<GraphPersonMetadata>(deps, mailbox, options, {
        resource: 'people',
        source: 'graph-people',
        initialUrl: buildPeopleUrl(mailbox.userId),
        facts: readPersonFacts,
        limit: options.peopleLimit,
      }),
    );
  }
  return reports;
}

async function syncList<T>(deps: SyncDependencies, mailbox: MailboxRef, options: AddressBookOptions, spec: ListSpec<T>): Promise<AddressBookReport> {
  const { syncState } = deps.repositories;
  const report: AddressBookReport = { resource: spec.resource, read: false, pages: 0, items: 0, written: 0, error: null };
  const cursor = await syncState.read(mailbox.tenantId, mailbox.ownerEmail, spec.resource);
  if (!isAddressBookDue(cursor, deps.now(), options.everyHours)) return report;
  report.read = true;
  let state: StageState = { stage: 'running', failureCount: cursor?.failureCount ?? 0 };
  let links = { nextLink: cursor?.nextLink ?? null, deltaLink: cursor?.deltaLink ?? null };
  let lastError: SyncError | null = cursor?.lastError ?? null;
  let lastSuccessAt = cursor?.lastSuccessAt ?? null;
  const save = () =>
    syncState.save({
      tenantId: mailbox.tenantId,
      ownerEmail: mailbox.ownerEmail,
      resource: spec.resource,
      ...links,
      lastSuccessAt,
      updatedAt: deps.now().toISOString(),
      ...state,
      lastError,
    });
  // One instant for the whole read: every sighting of this round is the same day's.
  const observedAt = deps.now().toISOString();
  // A read that finished starts over from the first page; an unfinished one resumes.
  let url: string | null = links.nextLink ?? spec.initialUrl;
  // Resuming: the pages before were read; the limit counts from the first page.
  let seen = cursor?.nextLink ? countSkipped(cursor.nextLink) : 0;
  try {
    await save();
    while (url) {
      const page: { items: T[]; nextLink: string | null } = await readGraphPage<T>(deps.graph, url, { maxPageSize: ADDRESS_BOOK_PAGE_SIZE, sleep: deps.sleep });
      const items = page.items.slice(0, Math.max(0, spec.limit - seen));
      seen += page.items.length;
      report.pages += 1;
      report.items += items.length;
      report.written += await applyContactFacts(deps.repositories, mailbox.tenantId, items.flatMap(spec.facts), {
        ownerEmail: mailbox.ownerEmail,
        source: spec.source,
        observedAt,
      });
      url = page.nextLink && seen < spec.limit ? page.nextLink : null;
      if (url) {
        links = { nextLink: url, deltaLink: null };
      } else {
        links = { nextLink: null, deltaLink: spec.initialUrl };
        state = nextSyncStage(state, { type: 'succeeded' });
        lastError = null;
        lastSuccessAt = deps.now().toISOString();
      }
      await save();
    }
  } catch (error) {
    const failure = describeSyncError(error, deps.now());
    state = nextSyncStage(state, { type: 'failed', kind: failure.kind });
    lastError = failure;
    report.error = failure;
    await save().catch(() => undefined);
    // Graph's refusals and outages stay with this list; anything else (the store, a bug) is the mailbox's failure.
    if (!(error instanceof GraphRequestError)) throw error;
  }
  return report;
}

/** How many entries the pages before a nextLink held, when the link says ($skip); 0 when it does not. */
function countSkipped(nextLink: string): number {
  const skip = /[?&]\$skip=(\d+)/.exec(nextLink);
  return skip ? Number(skip[1]) : 0;
}
