// Point of contact for an organization: at each outside organization, the person the team
// corresponds with most. Counted on distinct messages (one message reaching five of the team is
// one email), in both directions, excluding bulk mail; someone the team never wrote to, or who
// never wrote back (a newsletter editor), corresponds with nobody. Ties go to the more recent correspondent,
// then to the address, so the answer never depends on input order. Pure.
import type { TenantMessage } from './collect-messages.ts';
import { networkThresholds } from './network-thresholds.ts';

export interface PointOfContact {
  organization: string;
  email: string;
  emails: number;
  lastAt: string;
  /** Emails with the runner-up at the same organization (0 when there is none). */
  runnerUpEmails: number;
}

export function inferPointsOfContact(
  messages: readonly TenantMessage[],
  options: {
    /** The team: the tenant's mailbox owners. */
    owners: ReadonlySet<string>;
    /** Organization key of an outside person; null for the team's own organizations or unknown. */
    externalOrganizationOf: (email: string) => string | null;
    excluded: ReadonlySet<string>;
  },
): PointOfContact[] {
  const tallies = new Map<string, { organization: string; emails: number; lastAt: string; sent: boolean; received: boolean }>();
  const count = (email: string, at: string, direction: 'sent' | 'received'): void => {
    if (options.owners.has(email) || options.excluded.has(email)) return;
    const organization = options.externalOrganizationOf(email);
    if (!organization) return;
    const tally = tallies.get(email) ?? { organization, emails: 0, lastAt: at, sent: false, received: false };
    tally.emails += 1;
    tally[direction] = true;
    if (at > tally.lastAt) tally.lastAt = at;
    tallies.set(email, tally);
  };
  for (const message of messages) {
    if (message.bulk || !message.from) continue;
    if (options.owners.has(message.from)) {
      for (const recipient of message.recipients) count(recipient, message.at, 'sent');
    } else if (message.recipients.some((recipient) => options.owners.has(recipient))) {
      count(message.from, message.at, 'received');
    }
  }
  const byOrganization = new Map<string, { email: string; emails: number; lastAt: string }[]>();
  for (const [email, tally] of tallies) {
    if (!tally.sent || !tally.received) continue;
    const list = byOrganization.get(tally.organization) ?? [];
    list.push({ email, emails: tally.emails, lastAt: tally.lastAt });
    byOrganization.set(tally.organization, list);
  }
  const contacts: PointOfContact[] = [];
  for (const [organization, people] of byOrganization) {
    people.sort((a, b) => b.emails - a.emails || b.lastAt.localeCompare(a.lastAt) || a.email.localeCompare(b.email));
    const [best, runnerUp] = people;
    if (!best || best.emails < networkThresholds.pointOfContact.minEmails) continue;
    contacts.push({ organization, email: best.email, emails: best.emails, lastAt: best.lastAt, runnerUpEmails: runnerUp?.emails ?? 0 });
  }
  return contacts.sort((a, b) => a.organization.localeCompare(b.organization));
}
