// Recomputes, right away, the relationship edges that a change of identity touches: when a user
// merges two addresses into one person (or splits one back out), every mailbox owner who has an
// edge to any of those addresses is rescored from their ledger, so the card's strength and the
// team view show the combined (or separated) relationship at once instead of after the next sync.
import { enrichOwner } from './enrich-owner.ts';
import type { SyncDependencies } from './sync-dependencies.ts';

/** Rescores every owner with an edge to one of `addresses` (and any of them that is itself an owner); returns the owners rescored. */
export async function rescoreContacts(
  deps: Pick<SyncDependencies, 'repositories' | 'now'>,
  tenantId: string,
  addresses: readonly string[],
): Promise<string[]> {
  const { edges, syncState } = deps.repositories;
  const owners = new Set((await edges.findForContacts(tenantId, addresses)).map((edge) => edge.ownerEmail));
  // A merged address may own a mailbox: its own edges count the primary as itself from now on.
  const mailboxOwners = new Set((await syncState.listForTenant(tenantId)).map((cursor) => cursor.ownerEmail));
  for (const address of addresses) if (mailboxOwners.has(address)) owners.add(address);
  const rescored = [...owners].sort();
  for (const ownerEmail of rescored) await enrichOwner(deps, { tenantId, ownerEmail });
  return rescored;
}
