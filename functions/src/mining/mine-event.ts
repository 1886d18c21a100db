// Turns one calendar event instance (metadata only) into a meeting Interaction of the owner.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { AttendeeResponse, Interaction, InteractionParticipant } from '../../../shared/domain/interaction.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { isBulkAddress } from './detect-bulk-sender.ts';
import type { GraphEventMetadata } from './graph-shapes.ts';
import { makeOwnerKey, toParticipant, type MailboxContext } from './mine-message.ts';

const responses: Record<string, AttendeeResponse> = {
  organizer: 'organizer',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

/** A series is known by its organizer and subject: Graph's seriesMasterId differs in every attendee's calendar. */
export function makeSeriesKey(tenantId: string, organizerEmail: string, subject: string): string {
  return makeStableId(tenantId, 'series', normalizeEmail(organizerEmail), subject.trim().toLowerCase().replace(/\s+/g, ' '));
}

export function mineEvent(event: GraphEventMetadata, context: MailboxContext): Interaction | null {
  if (event.type === 'seriesMaster' || !event.start?.dateTime) return null;
  const organizer = toParticipant(event.organizer, 'organizer');
  if (!organizer) return null;
  organizer.response = 'organizer';
  const attendees = (event.attendees ?? [])
    .filter((attendee) => attendee.type !== 'resource')
    .map((attendee) => {
      const participant = toParticipant(attendee, 'attendee');
      if (participant) participant.response = responses[attendee.status?.response ?? ''] ?? 'none';
      return participant;
    })
    .filter((p): p is InteractionParticipant => p !== null && p.email !== organizer.email);
  const ownerEmail = normalizeEmail(context.ownerEmail);
  const subject = event.subject ?? '';
  const inSeries = Boolean(event.seriesMasterId) && (event.type === 'occurrence' || event.type === 'exception');
  // Graph gives event times in the zone asked for (UTC by default) without an offset.
  const start = event.start.dateTime.endsWith('Z') ? event.start.dateTime : `${event.start.dateTime.replace(/\.\d+$/, '')}Z`;
  const participants = [organizer, ...attendees];
  return {
    id: makeStableId(context.tenantId, ownerEmail, 'meeting', event.iCalUId ?? event.id),
    tenantId: context.tenantId,
    ownerKey: makeOwnerKey(context.tenantId, ownerEmail),
    ownerEmail,
    kind: 'meeting',
    at: new Date(start).toISOString(),
    direction: 'meeting',
    subject,
    threadId: null,
    seriesKey: inSeries ? makeSeriesKey(context.tenantId, organizer.email, subject) : null,
    meetingKey: event.iCalUId ?? null,
    participants,
    bulk: participants.some((p) => isBulkAddress(p.email)),
    cancelled: Boolean(event.isCancelled),
    source: { folder: context.folder, graphId: event.id },
  };
}
