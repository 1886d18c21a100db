// Maps a Graph message (as the local tenant serves it) to the preview list's metadata-only
// shape; the body is dropped here, on the server, and never reaches the page.
import type { PreviewMessage } from '../../addin/src/preview/preview-message.ts';
import type { GraphMessage, GraphRecipient } from '../tenant/tenant-types.ts';

export function toPreviewMessage(message: GraphMessage): PreviewMessage {
  const toAddress = (recipient: GraphRecipient) => ({ name: recipient.emailAddress.name, address: recipient.emailAddress.address });
  return {
    id: message.id,
    subject: message.subject,
    from: toAddress(message.from),
    to: message.toRecipients.map(toAddress),
    cc: message.ccRecipients.map(toAddress),
    receivedDateTime: message.receivedDateTime,
    ...(message.isDraft ? { mode: 'compose' as const } : {}),
  };
}
