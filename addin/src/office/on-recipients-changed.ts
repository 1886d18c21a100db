// Subscribes to a draft's RecipientsChanged event (Mailbox 1.7, compose mode), so the pane
// follows the To, Cc and Bcc lines while the user types. Like mailbox events, Outlook's
// removeHandlerAsync drops every handler of the type at once, so the office.js handler is
// registered once per item and fanned out to local listeners.
type ItemWithEvents = {
  addHandlerAsync?: (eventType: Office.EventType, handler: () => void, callback?: (result: Office.AsyncResult<void>) => void) => void;
};
type Registration = { listeners: Set<() => void>; ready: Promise<boolean> };

const registrations = new WeakMap<object, Registration>();

/** Calls onChange when the open draft's recipients change; resolves to an unsubscribe function (a no-op where unsupported). */
export async function onRecipientsChanged(onChange: () => void): Promise<() => void> {
  const item = Office.context.mailbox?.item as unknown as ItemWithEvents | null | undefined;
  const eventType = Office.EventType?.RecipientsChanged;
  if (!item || !eventType || typeof item.addHandlerAsync !== 'function') return () => {};
  let registration = registrations.get(item);
  if (!registration) {
    const listeners = new Set<() => void>();
    const ready = new Promise<boolean>((resolve) => {
      item.addHandlerAsync!(
        eventType,
        () => {
          for (const listener of [...listeners]) listener();
        },
        (result) => resolve(result.status === Office.AsyncResultStatus.Succeeded),
      );
    });
    registration = { listeners, ready };
    registrations.set(item, registration);
  }
  const { listeners } = registration;
  listeners.add(onChange);
  if (!(await registration.ready)) {
    listeners.delete(onChange);
    return () => {};
  }
  return () => {
    listeners.delete(onChange);
  };
}
