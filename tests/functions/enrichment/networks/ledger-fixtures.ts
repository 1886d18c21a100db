// Small hand-built ledgers for the network inference tests: emails and meetings as one mailbox
// saw them, in a few lines each.
import type { Interaction, InteractionParticipant } from '../../../../shared/domain/interaction.ts';

let counter = 0;

export function email(options: { owner: string; from: string; to: string[]; cc?: string[]; thread: string; at: string; bulk?: boolean }): Interaction {
  counter += 1;
  const participants: InteractionParticipant[] = [
    { email: options.from, displayName: '', role: 'from' },
    ...options.to.map((address): InteractionParticipant => ({ email: address, displayName: '', role: 'to' })),
    ...(options.cc ?? []).map((address): InteractionParticipant => ({ email: address, displayName: '', role: 'cc' })),
  ];
  return {
    id: `i${counter}`,
    tenantId: 't1',
    ownerKey: `t1|${options.owner}`,
    ownerEmail: options.owner,
    kind: 'email',
    at: options.at,
    direction: options.from === options.owner ? 'sent' : 'received',
    subject: 'subject',
    threadId: options.thread,
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: options.bulk ?? false,
    cancelled: false,
    source: { folder: 'inbox', graphId: `g${counter}` },
  };
}

export function meeting(options: { owner: string; organizer: string; attendees: string[]; at: string; key: string; series?: string }): Interaction {
  counter += 1;
  return {
    id: `m${counter}`,
    tenantId: 't1',
    ownerKey: `t1|${options.owner}`,
    ownerEmail: options.owner,
    kind: 'meeting',
    at: options.at,
    direction: 'meeting',
    subject: 'meeting',
    threadId: null,
    seriesKey: options.series ?? null,
    meetingKey: options.key,
    participants: [
      { email: options.organizer, displayName: '', role: 'organizer', response: 'organizer' },
      ...options.attendees.map((address): InteractionParticipant => ({ email: address, displayName: '', role: 'attendee', response: 'accepted' })),
    ],
    bulk: false,
    cancelled: false,
    source: { folder: 'calendar', graphId: `g${counter}` },
  };
}

/** ISO time `week` weeks (and `day` days) after Monday 2026-06-01, 10:00 UTC. */
export function weekAt(week: number, day = 0): string {
  return new Date(Date.UTC(2026, 5, 1, 10) + (week * 7 + day) * 86_400_000).toISOString();
}

export const organizationOfDomain = (address: string): string => address.slice(address.indexOf('@') + 1);
