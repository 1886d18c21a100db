// Syncs one delta resource of one mailbox (a mail folder or the calendar view) page by page.
// The cursor is saved after every page, so a stopped run resumes at the page it had not
// finished; a replayed page rewrites the same documents, so nothing is counted twice. The
// cursor also carries the resource's stage (next-sync-stage.ts): running while pages are read,
// idle when the round finished, failed or needs-reconnect with the error that stopped it.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { GraphRequestError, readGraphPage } from '../graph/read-graph-page.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import type { SyncError } from '../../../shared/api/routes.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { applyInteractions } from './apply-interactions.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';
import { describeSyncError } from './describe-sync-error.ts';
import { nextSyncStage, type StageState } from './next-sync-stage.ts';

export interface ResourceSpec<T> {
  /** e.g. "mail:inbox" or "calendar". */
  resource: string;
  /** The first request of a full sync. */
  initialUrl: string;
  mine: (item: T) => Interaction | null;
}

export interface ResourceReport {
  resource: string;
  pages: number;
  items: number;
  removed: number;
  fullResyncs: number;
}

const MAX_FULL_RESYNCS = 2;

export async function syncResource<T extends { id: string; '@removed'?: unknown }>(
  deps: SyncDependencies,
  mailbox: MailboxRef,
  spec: ResourceSpec<T>,
  directory: readonly OrganizationEntry[],
): Promise<ResourceReport> {
  const { repositories } = deps;
  const ownerKey = makeOwnerKey(mailbox.tenantId, mailbox.ownerEmail);
  const cursor = await repositories.syncState.read(mailbox.tenantId, mailbox.ownerEmail, spec.resource);
  let url = cursor?.nextLink ?? cursor?.deltaLink ?? spec.initialUrl;
  const report: ResourceReport = { resource: spec.resource, pages: 0, items: 0, removed: 0, fullResyncs: 0 };
  let links = { nextLink: cursor?.nextLink ?? null, deltaLink: cursor?.deltaLink ?? null };
  let state: StageState = { stage: cursor?.stage ?? 'idle', failureCount: cursor?.failureCount ?? 0 };
  let lastError: SyncError | null = cursor?.lastError ?? null;
  const saveCursor = (finished: boolean) =>
    repositories.syncState.save({
      tenantId: mailbox.tenantId,
      ownerEmail: mailbox.ownerEmail,
      resource: spec.resource,
      ...links,
      lastSuccessAt: finished ? deps.now().toISOString() : (cursor?.lastSuccessAt ?? null),
      updatedAt: deps.now().toISOString(),
      ...state,
      lastError,
    });
  // Whether to run at all is the mailbox's decision (handle-mailbox-sync.ts); a resource that
  // is asked to run is running, whatever stopped it last time.
  state = { stage: 'running', failureCount: state.failureCount };
  try {
    await saveCursor(false);
    await readAllPages();
  } catch (error) {
    const failure = describeSyncError(error, deps.now());
    state = nextSyncStage(state, { type: 'failed', kind: failure.kind });
    lastError = failure;
    // Best effort: the error that stopped the sync matters more than recording it.
    await saveCursor(false).catch(() => undefined);
    throw error;
  }
  return report;

  async function readAllPages(): Promise<void> {
    for (;;) {
      let page;
      try {
        page = await readGraphPage<T>(deps.graph, url, { maxPageSize: deps.pageSize ?? 100, sleep: deps.sleep });
      } catch (error) {
        // Graph lost our place: start the resource over. Upserts under stable ids make the replay harmless.
        if (error instanceof GraphRequestError && error.failure.kind === 'bad-cursor' && report.fullResyncs < MAX_FULL_RESYNCS) {
          report.fullResyncs += 1;
          links = { nextLink: null, deltaLink: null };
          await saveCursor(false);
          url = spec.initialUrl;
          continue;
        }
        throw error;
      }
      const removedIds = page.items.filter((item) => item['@removed']).map((item) => item.id);
      const interactions = page.items
        .filter((item) => !item['@removed'])
        .map((item) => spec.mine(item))
        .filter((interaction): interaction is Interaction => interaction !== null);
      await applyInteractions(repositories, mailbox.tenantId, interactions, directory);
      report.removed += await repositories.interactions.removeBySource(mailbox.tenantId, ownerKey, spec.resource, removedIds);
      report.pages += 1;
      report.items += interactions.length;
      const finished = !page.nextLink;
      links = { nextLink: page.nextLink, deltaLink: page.deltaLink ?? links.deltaLink };
      if (finished) {
        state = nextSyncStage(state, { type: 'succeeded' });
        lastError = null;
      }
      await saveCursor(finished);
      deps.onProgress?.({ mailbox: mailbox.ownerEmail, resource: spec.resource, items: report.items, pages: report.pages, done: finished });
      if (!page.nextLink) return;
      url = page.nextLink;
    }
  }
}
