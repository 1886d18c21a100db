// Reads the tenant's directory (Graph users): colleagues' names, titles and departments, and
// the list of mailboxes to sync. A shared mailbox (a user whose sign-in is blocked, as Exchange
// creates them, or an address the deployment lists in CROSSWALK_SHARED_MAILBOXES) is synced like
// any mailbox, but its person record says so and it has no relationships of its own: it is read
// by several people, so its mail is not one colleague's (docs/MINING.md, "Self and shared mailboxes").
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { createExclusionMatcher } from '../mining/apply-exclusions.ts';
import { readGraphPage } from '../graph/read-graph-page.ts';
import { mergeDirectoryProfile } from '../enrichment/merge-person.ts';
import { resolveOrganization, type OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import { USER_SELECT, type GraphUserMetadata } from '../mining/graph-shapes.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';

export interface DirectoryOptions {
  /** Shared mailboxes the directory does not show as such (sign-in left enabled): their addresses. */
  sharedMailboxes?: readonly string[];
}

type DirectoryUser = GraphUserMetadata & { accountEnabled?: boolean | null };

/** accountEnabled: false is how Exchange creates shared (and room) mailboxes; User.Read.All reads it. */
const DIRECTORY_SELECT = [...USER_SELECT, 'accountEnabled'];

export async function syncDirectory(
  deps: SyncDependencies,
  tenantId: string,
  directory: readonly OrganizationEntry[],
  options: DirectoryOptions = {},
): Promise<MailboxRef[]> {
  const users: DirectoryUser[] = [];
  let url: string | null = `/users?$select=${DIRECTORY_SELECT.join(',')}`;
  while (url) {
    const page: { items: DirectoryUser[]; nextLink: string | null } = await readGraphPage<DirectoryUser>(deps.graph, url, {
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
  const configuredShared = new Set((options.sharedMailboxes ?? []).map(normalizeEmail));
  const shared = new Set(emails.filter((email) => userByEmail.get(email)!.accountEnabled === false || configuredShared.has(email)));
  const sharedBefore = shared.size > 0 ? await deps.repositories.people.findByEmails(tenantId, [...shared]) : [];
  const alreadyShared = new Set(sharedBefore.filter((person) => person.sharedMailbox).map((person) => person.email));
  await deps.repositories.people.mergeMany(tenantId, recorded, (email, current) => {
    const merged = mergeDirectoryProfile(tenantId, current, userByEmail.get(email)!, observedAt);
    return merged && markSharedMailbox({ ...merged, organization: resolveOrganization(email, directory, { registry }) }, shared.has(email));
  });
  // A mailbox that just became shared (e.g. a departed colleague's) loses the relationships it had.
  for (const email of shared) {
    if (!alreadyShared.has(email)) await deps.repositories.edges.replaceForOwner(tenantId, email, []);
  }
  return withMail
    .filter((user) => user.mail)
    .map((user) => {
      const ownerEmail = normalizeEmail(user.mail as string);
      return { tenantId, ownerEmail, userId: user.id, shared: shared.has(ownerEmail) };
    });
}

function markSharedMailbox(person: PersonDocument, shared: boolean): PersonDocument {
  const { sharedMailbox: _was, ...rest } = person;
  return shared ? { ...rest, sharedMailbox: true } : rest;
}
