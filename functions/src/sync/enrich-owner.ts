// Recomputes one owner's relationship edges from their whole interaction ledger.
import { buildEdges } from '../enrichment/build-edges.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

export async function enrichOwner(deps: Pick<SyncDependencies, 'repositories' | 'now'>, mailbox: Omit<MailboxRef, 'userId'>): Promise<number> {
  const { repositories } = deps;
  const interactions = await repositories.interactions.listByOwner(mailbox.tenantId, makeOwnerKey(mailbox.tenantId, mailbox.ownerEmail));
  const edges = buildEdges(mailbox.tenantId, mailbox.ownerEmail, interactions, { now: deps.now().toISOString() });
  await repositories.edges.replaceForOwner(mailbox.tenantId, mailbox.ownerEmail, edges);
  return edges.length;
}
