// Per-user opt-out: stop mining my mailbox and delete what was mined from it (the ledger and my
// edges). The mark is written first, so a sync running meanwhile stops storing pages
// (apply-interactions.ts checks it); running the opt-out again is harmless and cleans up
// whatever such a sync wrote in between. People records are tenant-wide aggregates shared with
// other mailboxes and stay; inferred groups are recomputed without this ledger.
import { makeOwnerKey } from '../mining/mine-message.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { enrichTenant } from '../sync/enrich-tenant.ts';
import { requirePrivacyRepository, type PrivacyDependencies } from './privacy-dependencies.ts';

export interface OptOutResult {
  optedOut: true;
  optedOutAt: string;
  /** Interactions deleted from the mailbox's ledger. */
  interactionsRemoved: number;
}

export async function optOutMailbox(
  deps: PrivacyDependencies,
  /** enrich: false when the caller re-enriches the tenant itself afterwards. */
  options: { tenantId: string; ownerEmail: string; enrich?: boolean },
): Promise<OptOutResult> {
  const { repositories } = deps;
  const privacy = requirePrivacyRepository(repositories);
  const ownerEmail = normalizeEmail(options.ownerEmail);
  const existing = await privacy.readOptOut(options.tenantId, ownerEmail);
  const optedOutAt = existing?.at ?? deps.now().toISOString();
  if (!existing) await privacy.saveOptOut(options.tenantId, { ownerEmail, at: optedOutAt });
  const interactionsRemoved = await privacy.removeLedger(options.tenantId, makeOwnerKey(options.tenantId, ownerEmail));
  await repositories.edges.replaceForOwner(options.tenantId, ownerEmail, []);
  if (interactionsRemoved > 0 && options.enrich !== false) await enrichTenant(deps, options.tenantId, await repositories.organizations.listAll(options.tenantId));
  return { optedOut: true, optedOutAt, interactionsRemoved };
}

/** Mining resumes on the next sync; mail from the opted-out period comes back only with a full resync. */
export async function optInMailbox(deps: PrivacyDependencies, options: { tenantId: string; ownerEmail: string }): Promise<{ optedOut: false }> {
  await requirePrivacyRepository(deps.repositories).removeOptOut(options.tenantId, normalizeEmail(options.ownerEmail));
  return { optedOut: false };
}
