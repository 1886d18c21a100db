// Recomputes one owner's relationship edges from their whole interaction ledger. Confirmed
// aliases (people merged by a user) count for their primary person. A shared mailbox has none:
// several people read and answer it, so its mail is nobody's relationship in particular.
import { buildEdges } from '../enrichment/build-edges.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

export async function enrichOwner(deps: Pick<SyncDependencies, 'repositories' | 'now'>, mailbox: Omit<MailboxRef, 'userId'>): Promise<number> {
  const { repositories } = deps;
  const [owner] = await repositories.people.findByEmails(mailbox.tenantId, [mailbox.ownerEmail]);
  if (owner?.sharedMailbox) {
    await repositories.edges.replaceForOwner(mailbox.tenantId, mailbox.ownerEmail, []);
    return 0;
  }
  const interactions = await repositories.interactions.listByOwner(mailbox.tenantId, makeOwnerKey(mailbox.tenantId, mailbox.ownerEmail));
  const aliases = new Map((await repositories.people.listAliasLinks(mailbox.tenantId)).map((link) => [link.email, link.mergedInto]));
  const edges = buildEdges(mailbox.tenantId, mailbox.ownerEmail, interactions, { now: deps.now().toISOString(), aliases });
  await repositories.edges.replaceForOwner(mailbox.tenantId, mailbox.ownerEmail, edges);
  return edges.length;
}
