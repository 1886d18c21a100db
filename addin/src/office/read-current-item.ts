// Reads the open mail item's metadata (mode, id, subject, sender, To, Cc, and a draft's Bcc) from office.js.
// Read mode exposes plain arrays; compose mode exposes Recipients objects read through
// callbacks, so both are turned into one MailItemSnapshot here.
import type { MailItemSnapshot, Participant, RecipientType } from './participant.ts';

type EmailDetails = { emailAddress?: string; displayName?: string; recipientType?: string } | null | undefined;

const recipientTypes = new Set<string>(['user', 'externalUser', 'distributionList', 'other']);
type AsyncReader<T> = { getAsync: (callback: (result: Office.AsyncResult<T>) => void) => void };

/** Returns the open item, or null when nothing is selected (a pinned pane between selections). */
export async function readCurrentItem(): Promise<MailItemSnapshot | null> {
  const item = Office.context.mailbox?.item as unknown as Record<string, unknown> | null | undefined;
  if (!item) return null;
  if (isAsyncReader(item.to)) return readComposeItem(item);
  return readReadItem(item);
}

function readReadItem(item: Record<string, unknown>): MailItemSnapshot {
  return {
    mode: 'read',
    itemId: typeof item.itemId === 'string' ? item.itemId : null,
    subject: typeof item.subject === 'string' ? item.subject : '',
    from: toParticipant(item.from as EmailDetails),
    to: toParticipants(item.to),
    cc: toParticipants(item.cc),
  };
}

async function readComposeItem(item: Record<string, unknown>): Promise<MailItemSnapshot> {
  const [to, cc, bcc, from, subject] = await Promise.all([
    readAsync<EmailDetails[]>(item.to),
    isAsyncReader(item.cc) ? readAsync<EmailDetails[]>(item.cc) : Promise.resolve([]),
    isAsyncReader(item.bcc) ? readAsync<EmailDetails[]>(item.bcc).catch(() => []) : Promise.resolve([]),
    isAsyncReader(item.from) ? readAsync<EmailDetails>(item.from).catch(() => null) : Promise.resolve(null),
    isAsyncReader(item.subject) ? readAsync<string>(item.subject).catch(() => '') : Promise.resolve(''),
  ]);
  return {
    mode: 'compose',
    itemId: null,
    subject: typeof subject === 'string' ? subject : '',
    from: toParticipant(from),
    to: toParticipants(to),
    cc: toParticipants(cc),
    bcc: toParticipants(bcc),
  };
}

function isAsyncReader(value: unknown): value is AsyncReader<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncReader<unknown>).getAsync === 'function';
}

/** Turns office.js's callback style into a promise that rejects on a failed AsyncResult. */
function readAsync<T>(reader: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    (reader as AsyncReader<T>).getAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Outlook could not read the item.'));
    });
  });
}

function toParticipants(value: unknown): Participant[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => toParticipant(entry as EmailDetails)).filter((p): p is Participant => p !== null);
}

function toParticipant(details: EmailDetails): Participant | null {
  const email = details?.emailAddress?.trim();
  if (!email) return null;
  const participant: Participant = { email, displayName: details?.displayName?.trim() || email };
  // Outlook knows who is inside the organization; the pane only guesses when it does not say.
  const type = details?.recipientType;
  if (typeof type === 'string' && recipientTypes.has(type)) participant.recipientType = type as RecipientType;
  return participant;
}
