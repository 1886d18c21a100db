// Working groups from recurring meetings: a series that meets often, with people from more
// than one organization, is a network; its regular attendees are its members. Pure.
import { domainOfEmail } from '../../../shared/domain/email-address.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';

export const seriesInference = {
  /** Occurrences (not cancelled, already held) a series needs before it is a group. */
  minOccurrences: 4,
  /** Distinct people a series needs. */
  minParticipants: 3,
  /** Share of occurrences a person must attend to be a member. */
  minAttendanceShare: 0.5,
} as const;

export interface InferredMember {
  email: string;
  role: 'Member' | 'Convener';
  attended: number;
}

export interface InferredGroup {
  seriesKey: string;
  name: string;
  occurrences: number;
  members: InferredMember[];
}

function organizationOf(email: string): string {
  // Subdomains of one registrable parent (housing.cascadia.gov, health.cascadia.gov) are still different agencies.
  return domainOfEmail(email);
}

export function inferSeriesGroups(meetings: readonly Interaction[], options: { now: string }): InferredGroup[] {
  const now = Date.parse(options.now);
  // Every attendee's calendar holds a copy of each occurrence: one per meeting key.
  const occurrencesBySeries = new Map<string, Map<string, Interaction>>();
  for (const meeting of meetings) {
    if (!meeting.seriesKey || meeting.cancelled || Date.parse(meeting.at) > now) continue;
    const occurrences = occurrencesBySeries.get(meeting.seriesKey) ?? new Map<string, Interaction>();
    const key = meeting.meetingKey ?? meeting.at;
    if (!occurrences.has(key)) occurrences.set(key, meeting);
    occurrencesBySeries.set(meeting.seriesKey, occurrences);
  }
  const groups: InferredGroup[] = [];
  for (const [seriesKey, occurrences] of occurrencesBySeries) {
    const held = [...occurrences.values()];
    if (held.length < seriesInference.minOccurrences) continue;
    const attendance = new Map<string, number>();
    const subjects = new Map<string, number>();
    let organizer: string | null = null;
    for (const occurrence of held) {
      subjects.set(occurrence.subject, (subjects.get(occurrence.subject) ?? 0) + 1);
      const present = new Set<string>();
      for (const p of occurrence.participants) {
        if (p.role === 'organizer') organizer = p.email;
        if (p.response !== 'declined') present.add(p.email);
      }
      // A person listed twice in one meeting (two spellings of one address) attended it once.
      for (const email of present) attendance.set(email, (attendance.get(email) ?? 0) + 1);
    }
    const members: InferredMember[] = [...attendance]
      .filter(([, attended]) => attended / held.length >= seriesInference.minAttendanceShare)
      .map(([email, attended]): InferredMember => ({ email, attended, role: email === organizer ? 'Convener' : 'Member' }))
      .sort((a, b) => a.email.localeCompare(b.email));
    const organizations = new Set(members.map((m) => organizationOf(m.email)));
    if (members.length < seriesInference.minParticipants || organizations.size < 2) continue;
    const name = [...subjects].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'Recurring meeting';
    groups.push({ seriesKey, name, occurrences: held.length, members });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}
