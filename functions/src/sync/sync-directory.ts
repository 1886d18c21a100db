// Reads the tenant's directory (Graph users): colleagues' names, titles and departments, and
// the list of mailboxes to sync.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { createExclusionMatcher } from '../mining/apply-exclusions.ts';
import { readGraphPage } from '../graph/read-graph-page.ts';
import { mergeDirectoryProfile } from '../enrichment/merge-person.ts';
import { resolveOrganization, type OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import { USER_SELECT, type GraphUserMetadata } from '../mining/graph-shapes.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

export async function syncDirectory(
  deps: SyncDependencies,
  tenantId: string,
  directory: readonly OrganizationEntry[],
): Promise<MailboxRef[]> {
  const users: GraphUserMetadata[] = [];
  let url: string | null = `/users?$select=${USER_SELECT.join(',')}`;
  while (url) {
    const page: { items: GraphUserMetadata[]; nextLink: string | null } = await readGraphPage<GraphUserMetadata>(deps.graph, url, {
      maxPageSize: deps.pageSize ?? 100,
      sleep: deps.sleep,
    });
    users.push(...page.items);
    url = page.nextLink;
  }
  const withMail = users.filter((user) => user.mail ?? user.userPrincipalName);
  const emails = withMail.map((user) => normalizeEmail((user.mail ?? user.userPrincipalName) as string));
  const observedAt = deps.now().toISOString();
  const registry = getDotgovRegistry();
  const userByEmail = new Map(withMail.map((user, index) => [emails[index]!, user]));
  // A colleague on the tenant's exclusion list or who asked not to be tracked gets no person
  // record from the directory either (they still may have a mailbox, which privacy settings govern).
  const matcher = createExclusionMatcher([
    await deps.repositories.settings.readExclusions(tenantId, { kind: 'tenant' }),
    { addresses: (await deps.repositories.privacy?.listDoNotTrack(tenantId))?.map((entry) => entry.email) ?? [], domains: [] },
  ]);
  const recorded = emails.filter((email) => !matcher.matches(email));
  await deps.repositories.people.mergeMany(tenantId, recorded, (email, current) => {
    const merged = mergeDirectoryProfile(tenantId, current, userByEmail.get(email)!, observedAt);
    return merged && { ...merged, organization: resolveOrganization(email, directory, { registry }) };
  });
  return withMail
    .filter((user) => user.mail)
    .map((user) => ({ tenantId, ownerEmail: normalizeEmail(user.mail as string), userId: user.id }));
}
