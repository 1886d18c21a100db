// Subscribes to Outlook's ItemChanged event, which a pinned task pane receives when the user
// selects another message (or none).
import { addMailboxHandler } from './add-mailbox-handler.ts';

/** Calls onChange whenever the selected item changes; resolves to an unsubscribe function. */
export function onItemChanged(onChange: () => void): Promise<() => void> {
  return addMailboxHandler(Office.EventType.ItemChanged, onChange);
}
