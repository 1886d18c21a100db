// A delete-my-data request: everything mined about a person goes, and, if they have a mailbox
// here, everything mined from it (do not track, which opts the mailbox out too, so neither is
// mined again). What stays
// is an audit entry saying that the request was carried out, by whom and when — without any of
// the content that was removed, and without the person's address in its text.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { markDoNotTrack } from './mark-do-not-track.ts';
import type { PrivacyActor, PrivacyDependencies } from './privacy-dependencies.ts';

export interface DeletePersonDataResult {
  interactionsRemoved: number;
  interactionsTrimmed: number;
  peopleRemoved: number;
  mailboxInteractionsRemoved: number;
}

export async function deletePersonData(
  deps: PrivacyDependencies,
  options: { tenantId: string; email: string; actor: PrivacyActor },
): Promise<DeletePersonDataResult> {
  const email = normalizeEmail(options.email);
  const removed = await markDoNotTrack(deps, { tenantId: options.tenantId, email, reason: 'delete-my-data request', actor: options.actor, audit: false });
  const personId = makePersonId(options.tenantId, email);
  await deps.repositories.audit.append(options.tenantId, [
    {
      at: deps.now().toISOString(),
      actor: options.actor,
      action: 'person.update',
      targetType: 'person',
      targetId: personId,
      personId,
      summary: 'Delete-my-data request carried out: mined data removed',
      before: null,
      after: null,
    },
  ]);
  return removed;
}
