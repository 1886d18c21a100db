// Registers one office.js handler per event type and target (the mailbox, or an open draft for
// its item events) and fans it out to local listeners. Outlook's removeHandlerAsync drops EVERY
// handler of a type at once, so removing per listener would silently unsubscribe the others
// (React StrictMode's mount–unmount–mount does exactly that); listeners come and go locally
// instead, and the office.js handler stays for as long as its target lives.
type Registration = { listeners: Set<() => void>; ready: Promise<boolean> };

/** What office.js exposes handlers on: Office.context.mailbox, or a compose item. */
export interface EventTarget {
  addHandlerAsync?: (eventType: Office.EventType, handler: () => void, callback?: (result: Office.AsyncResult<void>) => void) => void;
}

const registrations = new WeakMap<object, Map<Office.EventType, Registration>>();

/** Calls onEvent for each event of the type on the target; resolves to an unsubscribe function (a no-op where the host lacks the event). */
export async function addFannedOutHandler(target: EventTarget | null | undefined, eventType: Office.EventType | undefined, onEvent: () => void): Promise<() => void> {
  if (!eventType || !target || typeof target.addHandlerAsync !== 'function') return () => {};
  let byType = registrations.get(target);
  if (!byType) registrations.set(target, (byType = new Map()));
  let registration = byType.get(eventType);
  if (!registration) {
    const listeners = new Set<() => void>();
    const ready = new Promise<boolean>((resolve) => {
      target.addHandlerAsync!(
        eventType,
        () => {
          for (const listener of [...listeners]) listener();
        },
        (result) => resolve(result.status === Office.AsyncResultStatus.Succeeded),
      );
    });
    registration = { listeners, ready };
    byType.set(eventType, registration);
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

/** Calls onEvent for each mailbox event of the type; resolves to an unsubscribe function. */
export function addMailboxHandler(eventType: Office.EventType | undefined, onEvent: () => void): Promise<() => void> {
  return addFannedOutHandler(Office.context.mailbox as unknown as EventTarget | undefined, eventType, onEvent);
}
