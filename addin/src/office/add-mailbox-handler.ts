// Registers one office.js handler per mailbox event type and fans it out to local listeners.
// Outlook's removeHandlerAsync drops EVERY handler of a type at once, so removing per listener
// would silently unsubscribe the others (React StrictMode's mount–unmount–mount does exactly
// that); listeners come and go locally instead, and the office.js handler stays for the page.
type Registration = { listeners: Set<() => void>; ready: Promise<boolean> };

const registrations = new Map<Office.EventType, Registration>();

/** Calls onEvent for each event of the type; resolves to an unsubscribe function (a no-op where the host lacks the event). */
export async function addMailboxHandler(eventType: Office.EventType | undefined, onEvent: () => void): Promise<() => void> {
  const mailbox = Office.context.mailbox;
  if (!eventType || !mailbox || typeof mailbox.addHandlerAsync !== 'function') return () => {};
  let registration = registrations.get(eventType);
  if (!registration) {
    const listeners = new Set<() => void>();
    const ready = new Promise<boolean>((resolve) => {
      mailbox.addHandlerAsync(
        eventType,
        () => {
          for (const listener of [...listeners]) listener();
        },
        (result: Office.AsyncResult<void>) => resolve(result.status === Office.AsyncResultStatus.Succeeded),
      );
    });
    registration = { listeners, ready };
    registrations.set(eventType, registration);
  }
  const { listeners } = registration;
  listeners.add(onEvent);
  if (!(await registration.ready)) {
    // Older hosts do not support every event; the pane still works, it just will not follow along.
    listeners.delete(onEvent);
    return () => {};
  }
  return () => {
    listeners.delete(onEvent);
  };
}
