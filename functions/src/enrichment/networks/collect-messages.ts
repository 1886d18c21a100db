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

export interface TenantLedger {
  /** By time, then key. */
  messages: TenantMessage[];
  /** Held (not cancelled, not still to come), by time, then key. */
  meetings: TenantMeeting[];
}

/** A message is the same in every mailbox when its thread, time and sender are. */
function messageKeyOf(interaction: Interaction, from: string | null): string {
  return `${interaction.threadId ?? ''}|${interaction.at}|${from ?? ''}`;
}

const byTimeThenKey = (a: { at: string; key: string }, b: { at: string; key: string }) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key);

/** One copy of each address, however many records name it. */
function createAddressPool(): (email: string) => string {
  const pool = new Map<string, string>();
  return (email) => {
    const known = pool.get(email);
    if (known !== undefined) return known;
    pool.set(email, email);
    return email;
  };
}

function addMessage(byKey: Map<string, TenantMessage>, interaction: Interaction, intern: (email: string) => string): void {
  if (interaction.kind !== 'email') return;
  const sender = interaction.participants.find((p) => p.role === 'from')?.email;
  const from = sender === undefined ? null : intern(sender);
  const key = messageKeyOf(interaction, from);
  const existing = byKey.get(key);
  if (existing) {
    if (!existing.holders.includes(interaction.ownerEmail)) existing.holders.push(intern(interaction.ownerEmail));
    return;
  }
  const recipients = [...new Set(interaction.participants.filter((p) => p.role === 'to' || p.role === 'cc').map((p) => intern(p.email)))].filter(
    (email) => email !== from,
  );
  byKey.set(key, { key, threadId: interaction.threadId, at: interaction.at, from, recipients, bulk: interaction.bulk, holders: [intern(interaction.ownerEmail)] });
}

function addMeeting(byKey: Map<string, TenantMeeting>, interaction: Interaction, now: number, intern: (email: string) => string): void {
  if (interaction.kind !== 'meeting' || interaction.cancelled || Date.parse(interaction.at) > now) return;
  const key = interaction.meetingKey ?? `${interaction.seriesKey ?? ''}|${interaction.at}|${interaction.subject}`;
  if (byKey.has(key)) return;
  const organizer = interaction.participants.find((p) => p.role === 'organizer')?.email;
  const attendees = [...new Set(interaction.participants.filter((p) => p.response !== 'declined').map((p) => intern(p.email)))];
  byKey.set(key, { key, seriesKey: interaction.seriesKey, at: interaction.at, organizer: organizer === undefined ? null : intern(organizer), attendees });
}

export function collectMessages(interactions: readonly Interaction[]): TenantMessage[] {
  const byKey = new Map<string, TenantMessage>();
  const intern = createAddressPool();
  for (const interaction of interactions) addMessage(byKey, interaction, intern);
  return [...byKey.values()].sort(byTimeThenKey);
}

export function collectMeetings(interactions: readonly Interaction[], options: { now: string }): TenantMeeting[] {
  const byKey = new Map<string, TenantMeeting>();
  const intern = createAddressPool();
  for (const interaction of interactions) addMeeting(byKey, interaction, Date.parse(options.now), intern);
  return [...byKey.values()].sort(byTimeThenKey);
}

/**
 * The tenant's messages and meetings from mailbox ledgers added one at a time, so enrichment
 * holds one mailbox's interactions and these compact records, never every mailbox's copies at
 * once. The same records in the same order as collectMessages and collectMeetings over all the
 * ledgers together.
 */
export function createTenantLedgerCollector(options: { now: string }): { add(interactions: readonly Interaction[]): void; finish(): TenantLedger } {
  const messages = new Map<string, TenantMessage>();
  const meetings = new Map<string, TenantMeeting>();
  const intern = createAddressPool();
  const now = Date.parse(options.now);
  return {
    add(interactions) {
      for (const interaction of interactions) {
        addMessage(messages, interaction, intern);
        addMeeting(meetings, interaction, now, intern);
      }
    },
    finish: () => ({ messages: [...messages.values()].sort(byTimeThenKey), meetings: [...meetings.values()].sort(byTimeThenKey) }),
  };
}
