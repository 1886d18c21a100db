// Syncs one delta resource of one mailbox (a mail folder or the calendar view) page by page.
// The cursor is saved after every page, so a stopped run resumes at the page it had not
// finished; a replayed page rewrites the same documents, so nothing is counted twice.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { GraphRequestError, readGraphPage } from '../graph/read-graph-page.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { applyInteractions } from './apply-interactions.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

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
  const saveCursor = (links: { nextLink: string | null; deltaLink: string | null }, finished: boolean) =>
    repositories.syncState.save({
      tenantId: mailbox.tenantId,
      ownerEmail: mailbox.ownerEmail,
      resource: spec.resource,
      ...links,
      lastSuccessAt: finished ? deps.now().toISOString() : (cursor?.lastSuccessAt ?? null),
      updatedAt: deps.now().toISOString(),
    });
  for (;;) {
    let page;
    try {
      page = await readGraphPage<T>(deps.graph, url, { maxPageSize: deps.pageSize ?? 100, sleep: deps.sleep });
    } catch (error) {
      // Graph lost our place: start the resource over. Upserts under stable ids make the replay harmless.
      if (error instanceof GraphRequestError && error.failure.kind === 'bad-cursor' && report.fullResyncs < MAX_FULL_RESYNCS) {
        report.fullResyncs += 1;
        await saveCursor({ nextLink: null, deltaLink: null }, false);
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
    await saveCursor({ nextLink: page.nextLink, deltaLink: page.deltaLink ?? cursor?.deltaLink ?? null }, finished);
    deps.onProgress?.({ mailbox: mailbox.ownerEmail, resource: spec.resource, items: report.items, pages: report.pages, done: finished });
    if (!page.nextLink) return report;
    url = page.nextLink;
  }
}
