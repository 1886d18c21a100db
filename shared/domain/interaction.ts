// An Interaction: one message or meeting as seen from one mailbox, reduced to metadata.
// It is the boundary between Graph and everything Crosswalk derives.

export type ParticipantRole = 'from' | 'to' | 'cc' | 'bcc' | 'organizer' | 'attendee';
export type AttendeeResponse = 'none' | 'organizer' | 'accepted' | 'tentative' | 'declined';

export interface InteractionParticipant {
  email: string;
  displayName: string;
  role: ParticipantRole;
  /** Meetings only: what the attendee answered. */
  response?: AttendeeResponse;
}

export interface Interaction {
  /** Stable across re-reads, folder moves and replays: derived from owner + internetMessageId / iCalUId. */
  id: string;
  tenantId: string;
  /** Partition key: `${tenantId}|${ownerEmail}`. */
  ownerKey: string;
  ownerEmail: string;
  kind: 'email' | 'meeting';
  at: string;
  direction: 'sent' | 'received' | 'meeting';
  /** Visible to the mailbox owner only; never returned to anyone else. */
  subject: string;
  /** Email: conversationId. */
  threadId: string | null;
  /** Meetings of a recurring series: a key shared by every attendee's copy of the series. */
  seriesKey: string | null;
  /** Meetings: the organizer's iCalUId, shared by every attendee's copy of one occurrence. */
  meetingKey: string | null;
  participants: InteractionParticipant[];
  /** Mailing list, newsletter, or no-reply: kept out of person-to-person strength. */
  bulk: boolean;
  cancelled: boolean;
  /** Where the item sits in Graph, so deletions and moves can be applied. */
  source: { folder: string; graphId: string };
}
