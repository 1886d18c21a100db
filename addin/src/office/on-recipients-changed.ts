// Subscribes to a draft's RecipientsChanged event (Mailbox 1.7, compose mode), so the pane
// follows the To, Cc and Bcc lines while the user types; registered once per draft and fanned
// out (add-mailbox-handler.ts says why).
import { addFannedOutHandler, type EventTarget } from './add-mailbox-handler.ts';

/** Calls onChange when the open draft's recipients change; resolves to an unsubscribe function (a no-op where unsupported). */
export function onRecipientsChanged(onChange: () => void): Promise<() => void> {
  const item = Office.context.mailbox?.item as unknown as EventTarget | null | undefined;
  return addFannedOutHandler(item, Office.EventType?.RecipientsChanged, onChange);
}
