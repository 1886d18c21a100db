// Generates the calendars of the Cascadia scenario: recurring series (the State–County–Local
// Homelessness Working Group organized from Kestrel County, the housing standup, monthly
// coordination meetings, a 1:1), one-off meetings, a cancelled occurrence, an exception and
// declined responses. Each instance is copied into every tenant calendar it belongs to,
// with one iCalUId per instance across mailboxes and a different id per mailbox, like Graph.
import type { GraphAttendee, GraphEvent, Mailbox } from './tenant-types.ts';
import type { SeededRandom } from './seeded-random.ts';
import { deriveICalUId, deriveItemId } from './graph-ids.ts';
import { requireMember, type Cast, type CastMember } from './cascadia-people.ts';
import { MAIL_TOPICS } from './cascadia-scenario.ts';
import {
  DAY_MS,
  MINUTE_MS,
  atPacificTime,
  formatGraphDateTime,
  formatGraphInstant,
  isWeekend,
  listWorkdays,
  readPacificDay,
} from './scenario-clock.ts';

export const WORKING_GROUP_SUBJECT = 'State–County–Local Homelessness Working Group';

type Response = GraphAttendee['status']['response'];

interface Invitee {
  member: CastMember;
  type: 'required' | 'optional';
  response: Response;
}

interface MeetingPlan {
  key: string;
  subject: string;
  organizer: CastMember;
  invitees: Invitee[];
  startsMs: number[];
  durationMinutes: number;
  recurring: boolean;
  createdMs: number;
  isOnlineMeeting: boolean;
  /** Occurrence indexes the organizer cancelled. */
  cancelled: number[];
  /** Occurrence index → minutes the occurrence was moved by (an exception of the series). */
  moved: Map<number, number>;
  /** Occurrence index → member keys who declined just that occurrence. */
  declined: Map<number, string[]>;
}

export interface CalendarPlanOptions {
  cast: Cast;
  mailboxes: Record<string, Mailbox>;
  startMs: number;
  nowMs: number;
  /** How far past "now" series keep going (calendars hold future meetings too). */
  horizonMs: number;
}

/** Weekly-pattern starts (every `intervalWeeks` on a weekday, Pacific time) within [fromMs, untilMs). */
function listWeeklyStarts(fromMs: number, untilMs: number, weekday: number, intervalWeeks: number, hour: number, minute: number): number[] {
  let day = readPacificDay(fromMs);
  while (new Date(day).getUTCDay() !== weekday) day += DAY_MS;
  const starts: number[] = [];
  for (; day < untilMs; day += intervalWeeks * 7 * DAY_MS) starts.push(atPacificTime(day, hour, minute));
  return starts.filter((start) => start >= fromMs && start < untilMs);
}

/** Monthly-pattern starts on the nth weekday of each month (e.g. first Wednesday). */
function listMonthlyStarts(fromMs: number, untilMs: number, weekday: number, nth: number, hour: number, minute: number): number[] {
  const starts: number[] = [];
  const from = new Date(fromMs);
  for (let year = from.getUTCFullYear(), month = from.getUTCMonth(); Date.UTC(year, month, 1) < untilMs; month++) {
    if (month === 12) {
      month = 0;
      year++;
    }
    let day = Date.UTC(year, month, 1);
    while (new Date(day).getUTCDay() !== weekday) day += DAY_MS;
    day += (nth - 1) * 7 * DAY_MS;
    const start = atPacificTime(day, hour, minute);
    if (start >= fromMs && start < untilMs) starts.push(start);
  }
  return starts;
}

function invite(random: SeededRandom, members: CastMember[], type: Invitee['type'] = 'required'): Invitee[] {
  return members.map((member) => {
    const roll = random.next();
    const response: Response = roll < 0.8 ? 'accepted' : roll < 0.9 ? 'tentativelyAccepted' : roll < 0.97 ? 'notResponded' : 'declined';
    return { member, type, response };
  });
}

function pickFrom(random: SeededRandom, cast: Cast, org: Parameters<Cast['byOrg']['get']>[0], count: number, exclude: string[] = []): CastMember[] {
  return random.sample((cast.byOrg.get(org) ?? []).filter((member) => !exclude.includes(member.key)), count);
}

function planSeries(random: SeededRandom, options: CalendarPlanOptions): MeetingPlan[] {
  const { cast, startMs, nowMs, horizonMs } = options;
  const member = (key: string): CastMember => requireMember(cast, key);
  const untilMs = nowMs + horizonMs;
  const firstMs = startMs + 3 * DAY_MS;
  const plans: MeetingPlan[] = [];
  const add = (plan: Omit<MeetingPlan, 'cancelled' | 'moved' | 'declined'> & Partial<Pick<MeetingPlan, 'cancelled' | 'moved' | 'declined'>>): void => {
    plans.push({ cancelled: [], moved: new Map(), declined: new Map(), ...plan });
  };

  // The working group: organized by Kestrel County; Jess attends, she does not organize.
  const workingGroupStarts = listWeeklyStarts(firstMs, untilMs, 4, 2, 10, 0);
  add({
    key: 'series:working-group',
    subject: WORKING_GROUP_SUBJECT,
    organizer: member('renee'),
    invitees: [
      { member: member('jess'), type: 'required', response: 'accepted' },
      { member: member('dana'), type: 'optional', response: 'tentativelyAccepted' },
      { member: member('pat'), type: 'required', response: 'accepted' },
      { member: member('walt'), type: 'optional', response: 'notResponded' },
      ...invite(random, pickFrom(random, cast, 'kestrel', 1, ['renee', 'walt'])),
      ...invite(random, pickFrom(random, cast, 'orca', 2, ['pat'])),
      { member: member('chris'), type: 'required', response: 'accepted' },
      ...invite(random, pickFrom(random, cast, 'portalder', 1, ['chris'])),
      { member: member('sam'), type: 'required', response: 'accepted' },
      { member: member('alicia'), type: 'optional', response: 'accepted' },
    ],
    startsMs: workingGroupStarts,
    durationMinutes: 60,
    recurring: true,
    createdMs: firstMs - 12 * DAY_MS,
    isOnlineMeeting: true,
    cancelled: [7],
    moved: new Map([[4, 60]]),
    declined: new Map([[2, ['dana']], [9, ['dana']], [11, ['alicia']]]),
  });

  add({
    key: 'series:housing-standup',
    subject: 'Housing Stability team standup',
    organizer: member('marcus'),
    invitees: ['dana', 'jess', 'priya', 'tom', 'kevin'].map((key) => ({ member: member(key), type: 'required' as const, response: 'accepted' as const })),
    startsMs: listWeeklyStarts(firstMs, untilMs, 1, 1, 9, 0),
    durationMinutes: 30,
    recurring: true,
    createdMs: startMs - 90 * DAY_MS,
    isOnlineMeeting: true,
    declined: new Map([[5, ['tom']], [12, ['priya']], [18, ['kevin']]]),
  });

  add({
    key: 'series:housing-health',
    subject: 'Housing–Health coordination (monthly)',
    organizer: member('jess'),
    invitees: [
      ...['alicia', 'omar', 'grace'].map((key) => ({ member: member(key), type: 'required' as const, response: 'accepted' as const })),
      { member: member('dana'), type: 'required', response: 'accepted' },
      { member: member('luis'), type: 'optional', response: 'tentativelyAccepted' },
    ],
    startsMs: listMonthlyStarts(firstMs, untilMs, 3, 1, 13, 0),
    durationMinutes: 60,
    recurring: true,
    createdMs: startMs - 30 * DAY_MS,
    isOnlineMeeting: true,
    declined: new Map([[3, ['omar']]]),
  });

  add({
    key: 'series:council-board',
    subject: 'Regional Homelessness Council – Board meeting',
    organizer: member('miriam'),
    invitees: [
      { member: member('jess'), type: 'required', response: 'accepted' },
      { member: member('pat'), type: 'required', response: 'accepted' },
      { member: member('walt'), type: 'required', response: 'accepted' },
      { member: member('chris'), type: 'required', response: 'accepted' },
      ...invite(random, pickFrom(random, cast, 'council', 2, ['miriam'])),
      { member: member('elaine'), type: 'optional', response: 'tentativelyAccepted' },
    ],
    startsMs: listMonthlyStarts(firstMs, untilMs, 2, 3, 15, 0),
    durationMinutes: 90,
    recurring: true,
    createdMs: startMs - 60 * DAY_MS,
    isOnlineMeeting: false,
  });

  add({
    key: 'series:shelter-network',
    subject: 'Shelter Network check-in',
    organizer: member('jess'),
    invitees: [
      { member: member('sam'), type: 'required', response: 'accepted' },
      { member: member('ada'), type: 'required', response: 'accepted' },
      ...invite(random, pickFrom(random, cast, 'driftwood', 1, ['sam'])),
      ...invite(random, pickFrom(random, cast, 'fernridge', 1, ['ada'])),
      { member: member('luis'), type: 'optional', response: 'notResponded' },
    ],
    startsMs: listMonthlyStarts(firstMs, untilMs, 5, 2, 11, 0),
    durationMinutes: 45,
    recurring: true,
    createdMs: startMs - 20 * DAY_MS,
    isOnlineMeeting: true,
  });

  add({
    key: 'series:dana-jess',
    subject: 'Dana / Jess 1:1',
    organizer: member('dana'),
    invitees: [{ member: member('jess'), type: 'required', response: 'accepted' }],
    startsMs: listWeeklyStarts(firstMs, untilMs, 3, 1, 14, 0),
    durationMinutes: 30,
    recurring: true,
    createdMs: startMs - 45 * DAY_MS,
    isOnlineMeeting: true,
    declined: new Map([[6, ['jess']]]),
  });

  add({
    key: 'series:governor-policy',
    subject: 'Governor’s Office housing policy sync',
    organizer: member('nora'),
    invitees: ['marcus', 'jess', 'alicia', 'ben', 'sarah'].map((key) => ({ member: member(key), type: 'required' as const, response: 'accepted' as const })),
    startsMs: listWeeklyStarts(firstMs, untilMs, 2, 2, 8, 30),
    durationMinutes: 45,
    recurring: true,
    createdMs: startMs - 10 * DAY_MS,
    isOnlineMeeting: true,
    cancelled: [3],
  });
  return plans;
}

function planOneOffMeetings(random: SeededRandom, options: CalendarPlanOptions): MeetingPlan[] {
  const { cast, startMs, nowMs, horizonMs } = options;
  const days = listWorkdays(startMs, nowMs + horizonMs);
  const plans: MeetingPlan[] = [];
  for (let i = 0; i < 60; i++) {
    const topic = random.pickWeighted(MAIL_TOPICS, (candidate) => candidate.weight);
    const tenantPool = cast.tenantMembers.filter((member) => topic.orgs.includes(member.org.key));
    const organizer = random.pickWeighted(tenantPool.length > 0 ? tenantPool : cast.tenantMembers, (member) =>
      member.key === 'jess' ? 4 : member.key === 'dana' ? 3 : 1,
    );
    const pool = topic.orgs.flatMap((org) => cast.byOrg.get(org) ?? []).filter((member) => member.key !== organizer.key);
    const invitees = invite(random, random.sample(pool, random.int(1, 5)));
    if (organizer.org.key === 'housing' && !invitees.some((invitee) => invitee.member.key === 'jess') && organizer.key !== 'jess' && random.chance(0.4)) {
      invitees.push({ member: requireMember(cast, 'jess'), type: 'required', response: random.chance(0.15) ? 'declined' : 'accepted' });
    }
    const day = random.pick(days);
    const start = atPacificTime(day, random.int(8, 15), random.pick([0, 30]));
    plans.push({
      key: `meeting:${i}`,
      subject: random.pick(['', 'Prep: ', 'Working session: ', 'Debrief: ']) + topic.subject,
      organizer,
      invitees,
      startsMs: [start],
      durationMinutes: random.pick([30, 45, 60, 90]),
      recurring: false,
      createdMs: start - random.int(2, 20) * DAY_MS,
      isOnlineMeeting: random.chance(0.7),
      cancelled: [],
      moved: new Map(),
      declined: new Map(),
    });
  }
  return plans;
}

function toAttendees(plan: MeetingPlan, index: number, createdMs: number): GraphAttendee[] {
  const declinedHere = plan.declined.get(index) ?? [];
  return plan.invitees.map((invitee) => {
    const response: Response = declinedHere.includes(invitee.member.key) ? 'declined' : invitee.response;
    return {
      type: invitee.type,
      status: { response, time: response === 'notResponded' || response === 'none' ? '0001-01-01T00:00:00Z' : formatGraphInstant(createdMs + 3 * 3600_000) },
      emailAddress: { name: invitee.member.displayName, address: invitee.member.email },
    };
  });
}

/** Generates every meeting and files each instance into the calendars of its tenant organizer and (non-declining) attendees. */
export function fillCalendars(random: SeededRandom, options: CalendarPlanOptions): void {
  const plans = [...planSeries(random.fork('series'), options), ...planOneOffMeetings(random.fork('one-off'), options)];
  for (const plan of plans) {
    for (const [index, plannedStart] of plan.startsMs.entries()) {
      if (isWeekend(readPacificDay(plannedStart))) continue;
      const cancelled = plan.cancelled.includes(index);
      const movedBy = plan.moved.get(index);
      const startMs = plannedStart + (movedBy ?? 0) * MINUTE_MS;
      const endMs = startMs + plan.durationMinutes * MINUTE_MS;
      const iCalUId = deriveICalUId(`${plan.key}|${index}`);
      const type: GraphEvent['type'] = !plan.recurring ? 'singleInstance' : movedBy !== undefined || cancelled ? 'exception' : 'occurrence';
      const attendees = toAttendees(plan, index, plan.createdMs);
      const lastModifiedMs = cancelled || movedBy !== undefined ? Math.min(startMs - 2 * DAY_MS, options.nowMs) : plan.createdMs;
      const holders = [
        ...(plan.organizer.inTenant && !cancelled ? [plan.organizer] : []),
        ...plan.invitees
          .filter((invitee, inviteeIndex) => invitee.member.inTenant && attendees[inviteeIndex]?.status.response !== 'declined')
          .map((invitee) => invitee.member),
      ];
      for (const holder of holders) {
        const mailbox = holder.userId ? options.mailboxes[holder.userId] : undefined;
        if (!mailbox) continue;
        mailbox.events.push({
          id: deriveItemId('event', `${mailbox.userId}|${iCalUId}`),
          iCalUId,
          seriesMasterId: plan.recurring ? deriveItemId('master', `${mailbox.userId}|${plan.key}`) : null,
          type,
          subject: cancelled ? `Canceled: ${plan.subject}` : plan.subject,
          bodyPreview: plan.isOnlineMeeting ? 'Microsoft Teams meeting. Join on your computer or mobile app.' : 'Agenda to follow.',
          body: {
            contentType: 'html',
            content: `<html><body><p>${plan.isOnlineMeeting ? 'Microsoft Teams meeting' : 'Agenda to follow.'}</p></body></html>`,
          },
          organizer: { emailAddress: { name: plan.organizer.displayName, address: plan.organizer.email } },
          attendees: attendees.map((attendee) => ({ ...attendee, status: { ...attendee.status }, emailAddress: { ...attendee.emailAddress } })),
          start: { dateTime: formatGraphDateTime(startMs), timeZone: 'UTC' },
          end: { dateTime: formatGraphDateTime(endMs), timeZone: 'UTC' },
          isCancelled: cancelled,
          isOnlineMeeting: plan.isOnlineMeeting,
          isOrganizer: holder.key === plan.organizer.key,
          createdDateTime: formatGraphInstant(plan.createdMs),
          lastModifiedDateTime: formatGraphInstant(Math.max(lastModifiedMs, plan.createdMs)),
        });
      }
    }
  }
  for (const mailbox of Object.values(options.mailboxes)) {
    mailbox.events.sort((a, b) => (a.start.dateTime < b.start.dateTime ? -1 : a.start.dateTime > b.start.dateTime ? 1 : a.id < b.id ? -1 : 1));
  }
}
