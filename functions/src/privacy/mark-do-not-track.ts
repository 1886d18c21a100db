// Per-contact "do not track": a person asked not to be tracked. Their address goes on the
// tenant's do-not-track list (with the reason and who recorded it), which mining applies like
// the tenant exclusion list but which no replacement of that list can drop; and everything
// mined about them goes now, through the exclusion machinery: interactions they sent or
// organized, their place in everyone else's, their person record, the edges that counted them,
// and (by re-enrichment) their inferred memberships. Someone with a mailbox here is opted out
// too: their own calendar would otherwise keep inferring their memberships. Memberships users
// typed in stay: they are the team's records, not mined data.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { applyExclusionsRetroactively, type RetroactiveRemoval } from '../sync/apply-exclusions-retroactively.ts';
import { optOutMailbox } from './opt-out-mailbox.ts';
import { requirePrivacyRepository, type PrivacyActor, type PrivacyDependencies } from './privacy-dependencies.ts';

export async function markDoNotTrack(
  deps: PrivacyDependencies,
  options: { tenantId: string; email: string; reason: string; actor: PrivacyActor; audit?: boolean },
): Promise<RetroactiveRemoval & { mailboxInteractionsRemoved: number }> {
  const email = normalizeEmail(options.email);
  const at = deps.now().toISOString();
  await requirePrivacyRepository(deps.repositories).addDoNotTrack(options.tenantId, { email, reason: options.reason, at, by: options.actor.email });
  // The opt-out mark is harmless for someone without a mailbox here; the re-enrichment below covers both.
  const mailbox = await optOutMailbox(deps, { tenantId: options.tenantId, ownerEmail: email, enrich: false });
  const removed = await applyExclusionsRetroactively(deps, options.tenantId, { kind: 'tenant' }, { addresses: [email], domains: [] });
  if (options.audit !== false) {
    const personId = makePersonId(options.tenantId, email);
    // No reason and no removed content in the trail: only that it happened, when, and by whom.
    await deps.repositories.audit.append(options.tenantId, [
      {
        at,
        actor: options.actor,
        action: 'person.update',
        targetType: 'person',
        targetId: personId,
        personId,
        summary: 'Marked do not track: mined data removed, never captured again',
        before: null,
        after: null,
      },
    ]);
  }
  return { ...removed, mailboxInteractionsRemoved: mailbox.interactionsRemoved };
}
