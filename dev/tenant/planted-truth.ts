// What the demo tenant's generator planted, read back from the tenant it generated (every
// mailbox, every folder, before any Crosswalk code touches it): the recurring series that span
// organizations and their members by the generator's attendance model, each series' convener,
// each outside organization's most-written-to person, and how intensely Dana deals with each
// contact. The evaluation (dev/eval.ts) scores the pipeline against this. Pure.
import type { DemoTenant, GraphEvent, GraphMessage } from './tenant-types.ts';
import { SCENARIO_ORGANIZATIONS } from './cascadia-scenario.ts';

export interface PlantedGroup {
  name: string;
  occurrences: number;
  members: { email: string; role: 'Convener' | 'Member'; attended: number }[];
}

/** Share of held occurrences a person must attend to count as a member (the generator's model of a regular). */
const PLANTED_MEMBER_SHARE = 0.5;

function organizationOfDomain(email: string): { name: string; inTenant: boolean } | null {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const organization = SCENARIO_ORGANIZATIONS.find((org) => org.domains.includes(domain));
  return organization ? { name: organization.name, inTenant: organization.inTenant } : null;
}

function listEvents(tenant: DemoTenant): GraphEvent[] {
  return Object.values(tenant.mailboxes).flatMap((mailbox) => mailbox.events);
}

/** Every distinct message of the tenant (one per internetMessageId), with its Bcc from the sender's copy. */
function listDistinctMessages(tenant: DemoTenant): GraphMessage[] {
  const byId = new Map<string, GraphMessage>();
  for (const mailbox of Object.values(tenant.mailboxes)) {
    for (const folder of Object.values(mailbox.messages)) {
      for (const message of folder) {
        const known = byId.get(message.internetMessageId);
        if (!known || (message.bccRecipients.length > 0 && known.bccRecipients.length === 0)) byId.set(message.internetMessageId, message);
      }
    }
  }
  return [...byId.values()];
}

/** Newsletters, no-reply robots and the mailing list carry list headers; person-to-person mail does not. */
function isPlantedBulk(message: GraphMessage): boolean {
  return (message.internetMessageHeaders ?? []).length > 0;
}

function seriesNameOf(event: GraphEvent): string {
  return event.subject.replace(/^Canceled: /, '');
}

export function derivePlantedGroups(tenant: DemoTenant): PlantedGroup[] {
  const now = Date.parse(tenant.now);
  const occurrences = new Map<string, Map<string, GraphEvent>>();
  for (const event of listEvents(tenant)) {
    if (!event.seriesMasterId || event.isCancelled || Date.parse(`${event.start.dateTime}Z`) > now) continue;
    const series = occurrences.get(seriesNameOf(event)) ?? new Map<string, GraphEvent>();
    series.set(event.iCalUId, event);
    occurrences.set(seriesNameOf(event), series);
  }
  const groups: PlantedGroup[] = [];
  for (const [name, held] of occurrences) {
    const attended = new Map<string, number>();
    let convener = '';
    for (const event of held.values()) {
      convener = event.organizer.emailAddress.address.toLowerCase();
      const present = new Set([convener]);
      for (const attendee of event.attendees) if (attendee.status.response !== 'declined') present.add(attendee.emailAddress.address.toLowerCase());
      for (const email of present) attended.set(email, (attended.get(email) ?? 0) + 1);
    }
    const members = [...attended]
      .filter(([, count]) => count / held.size >= PLANTED_MEMBER_SHARE)
      .map(([email, count]) => ({ email, attended: count, role: email === convener ? ('Convener' as const) : ('Member' as const) }))
      .sort((a, b) => a.email.localeCompare(b.email));
    const organizations = new Set(members.map((m) => organizationOfDomain(m.email)?.name ?? m.email));
    if (members.length < 3 || organizations.size < 2) continue;
    groups.push({ name, occurrences: held.size, members });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

/** Per outside organization, the person tenant users exchanged the most person-to-person messages with. */
export function derivePlantedPointsOfContact(tenant: DemoTenant): { organization: string; email: string; emails: number }[] {
  const team = new Set(tenant.users.map((user) => user.mail.toLowerCase()));
  const counts = new Map<string, number>();
  for (const message of listDistinctMessages(tenant)) {
    if (isPlantedBulk(message)) continue;
    const from = message.from.emailAddress.address.toLowerCase();
    const recipients = [...message.toRecipients, ...message.ccRecipients].map((r) => r.emailAddress.address.toLowerCase());
    const counted = team.has(from) ? recipients.filter((r) => !team.has(r)) : recipients.some((r) => team.has(r)) ? [from] : [];
    for (const email of new Set(counted)) counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  const best = new Map<string, { email: string; emails: number }>();
  for (const [email, emails] of counts) {
    const organization = organizationOfDomain(email);
    if (!organization || organization.inTenant) continue;
    const current = best.get(organization.name);
    if (!current || emails > current.emails || (emails === current.emails && email < current.email)) best.set(organization.name, { email, emails });
  }
  return [...best].map(([organization, contact]) => ({ organization, ...contact })).sort((a, b) => a.organization.localeCompare(b.organization));
}

/** How much one person deals with each contact: messages between them (either direction) plus meetings both attended. */
export function derivePlantedIntensity(tenant: DemoTenant, person: string): Map<string, number> {
  const me = person.toLowerCase();
  const intensity = new Map<string, number>();
  const add = (email: string) => intensity.set(email, (intensity.get(email) ?? 0) + 1);
  for (const message of listDistinctMessages(tenant)) {
    if (isPlantedBulk(message)) continue;
    const from = message.from.emailAddress.address.toLowerCase();
    const recipients = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients].map((r) => r.emailAddress.address.toLowerCase());
    if (from === me) for (const email of new Set(recipients)) if (email !== me) add(email);
    if (from !== me && recipients.includes(me)) add(from);
  }
  const now = Date.parse(tenant.now);
  const meetings = new Map<string, GraphEvent>();
  for (const event of listEvents(tenant)) if (!event.isCancelled && Date.parse(`${event.start.dateTime}Z`) <= now) meetings.set(event.iCalUId, event);
  for (const event of meetings.values()) {
    const present = new Set([event.organizer.emailAddress.address.toLowerCase()]);
    for (const attendee of event.attendees) if (attendee.status.response !== 'declined') present.add(attendee.emailAddress.address.toLowerCase());
    if (!present.has(me)) continue;
    for (const email of present) if (email !== me) add(email);
  }
  return intensity;
}
