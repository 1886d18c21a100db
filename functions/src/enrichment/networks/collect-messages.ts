// One record per message and per meeting occurrence across the whole tenant. The ledger holds
// a copy per mailbox (the sender's Sent Items, every tenant recipient's Inbox), and network
// inference must count a message once however many of the team received it. Pure.
import type { Interaction } from '../../../../shared/domain/interaction.ts';

export interface TenantMessage {
  key: string;
  threadId: string | null;
  at: string;
  from: string | null;
  /** To and Cc (Bcc is private to the sender and says nothing about a group). */
  recipients: string[];
  bulk: boolean;
  /** Mailbox owners whose ledger holds a copy. */
  holders: string[];
}

export interface TenantMeeting {
  key: string;
  seriesKey: string | null;
  at: string;
  organizer: string | null;
  /** Everyone invited who did not decline. */
  attendees: string[];
}

/** A message is the same in every mailbox when its thread, time and sender are. */
function messageKeyOf(interaction: Interaction, from: string | null): string {
  return `${interaction.threadId ?? ''}|${interaction.at}|${from ?? ''}`;
}

export function collectMessages(interactions: readonly Interaction[]): TenantMessage[] {
  const byKey = new Map<string, TenantMessage>();
  for (const interaction of interactions) {
    if (interaction.kind !== 'email') continue;
    const from = interaction.participants.find((p) => p.role === 'from')?.email ?? null;
    const key = messageKeyOf(interaction, from);
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.holders.includes(interaction.ownerEmail)) existing.holders.push(interaction.ownerEmail);
      continue;
    }
    const recipients = [...new Set(interaction.participants.filter((p) => p.role === 'to' || p.role === 'cc').map((p) => p.email))].filter(
      (email) => email !== from,
    );
    byKey.set(key, { key, threadId: interaction.threadId, at: interaction.at, from, recipients, bulk: interaction.bulk, holders: [interaction.ownerEmail] });
  }
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

export function collectMeetings(interactions: readonly Interaction[], options: { now: string }): TenantMeeting[] {
  const now = Date.parse(options.now);
  const byKey = new Map<string, TenantMeeting>();
  for (const interaction of interactions) {
    if (interaction.kind !== 'meeting' || interaction.cancelled || Date.parse(interaction.at) > now) continue;
    const key = interaction.meetingKey ?? `${interaction.seriesKey ?? ''}|${interaction.at}|${interaction.subject}`;
    if (byKey.has(key)) continue;
    const organizer = interaction.participants.find((p) => p.role === 'organizer')?.email ?? null;
    const attendees = [...new Set(interaction.participants.filter((p) => p.response !== 'declined').map((p) => p.email))];
    byKey.set(key, { key, seriesKey: interaction.seriesKey, at: interaction.at, organizer, attendees });
  }
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}
