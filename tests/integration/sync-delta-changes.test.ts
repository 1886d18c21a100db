// Delta correctness on the whole stack: messages filed in user folders are mined; a message
// moved between folders stays one interaction; edits, deletions, reschedules and cancellations
// reach the ledger on the next incremental sync.
import type { Interaction } from '../../shared/domain/interaction.ts';
import { makeOwnerKey } from '../../functions/src/mining/mine-message.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
let stack: Stack;
let danaId: string;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false, tenant: { userFolders: true } });
  expect((await stack.sync()).failures).toEqual([]);
  danaId = stack.tenant.users.find((u) => u.mail.toLowerCase() === DANA)!.id;
});
afterAll(() => stack?.close());

const ledger = () => stack.repositories.interactions.listByOwner(stack.tenant.tenantId, makeOwnerKey(stack.tenant.tenantId, DANA));
const mailbox = () => stack.tenant.mailboxes[danaId]!;
const byMessageId = (items: Interaction[], graphId: string) => items.filter((i) => i.source.graphId === graphId);

it('mines mail filed in user folders and their children', async () => {
  const filedFolders = mailbox().folders.filter((f) => !f.wellKnownName);
  const filed = filedFolders.flatMap((f) => mailbox().messages[f.id] ?? []);
  expect(filed.length).toBeGreaterThan(0);
  const items = await ledger();
  for (const message of filed.slice(0, 20)) expect(byMessageId(items, message.id)).toHaveLength(1);
});

it('keeps a moved message as one interaction, now in its new folder', async () => {
  const message = mailbox().messages[mailbox().folders.find((f) => f.wellKnownName === 'inbox')!.id]!.at(-1)!;
  const before = await ledger();
  const moved = stack.graphServer.moveMessage(danaId, message.id, 'archive');
  expect((await stack.sync()).failures).toEqual([]);
  const after = await ledger();
  expect(after).toHaveLength(before.length);
  expect(byMessageId(after, message.id)).toEqual([]);
  expect(byMessageId(after, moved.id)).toHaveLength(1);
  expect(byMessageId(after, moved.id)[0]?.source.folder).toBe('mail:archive');
});

it('applies an edited subject and a deletion', async () => {
  const sent = mailbox().messages[mailbox().folders.find((f) => f.wellKnownName === 'sentitems')!.id]!;
  const [edited, deleted] = [sent.at(-1)!, sent.at(-2)!];
  const before = await ledger();
  stack.graphServer.updateMessage(danaId, edited.id, { subject: 'Renamed: shelter capacity follow-up' });
  stack.graphServer.removeMessage(danaId, deleted.id);
  expect((await stack.sync()).failures).toEqual([]);
  const after = await ledger();
  expect(byMessageId(after, edited.id)[0]?.subject).toBe('Renamed: shelter capacity follow-up');
  expect(byMessageId(after, deleted.id)).toEqual([]);
  expect(after).toHaveLength(before.length - 1);
});

it('applies a rescheduled and a cancelled meeting, each still one interaction', async () => {
  const events = mailbox().events.filter((e) => !e.isCancelled && Date.parse(e.start.dateTime + 'Z') < Date.parse(stack.tenant.now));
  const [moving, cancelling] = [events.at(-1)!, events.at(-2)!];
  const newStart = new Date(Date.parse(moving.start.dateTime + 'Z') - 40 * 86_400_000).toISOString().slice(0, 19);
  const newEnd = new Date(Date.parse(moving.end.dateTime + 'Z') - 40 * 86_400_000).toISOString().slice(0, 19);
  const before = await ledger();
  stack.graphServer.updateEvent(danaId, moving.id, { start: { dateTime: newStart, timeZone: 'UTC' }, end: { dateTime: newEnd, timeZone: 'UTC' } });
  stack.graphServer.updateEvent(danaId, cancelling.id, { isCancelled: true });
  expect((await stack.sync()).failures).toEqual([]);
  const after = await ledger();
  expect(after).toHaveLength(before.length);
  const rescheduled = after.filter((i) => i.meetingKey === moving.iCalUId);
  expect(rescheduled).toHaveLength(1);
  expect(rescheduled[0]?.at).toBe(`${newStart}.000Z`);
  expect(after.find((i) => i.meetingKey === cancelling.iCalUId)?.cancelled).toBe(true);
});

it('applies attendees added to and removed from a meeting', async () => {
  const events = mailbox().events.filter((e) => !e.isCancelled && e.attendees.length >= 2 && Date.parse(e.start.dateTime + 'Z') < Date.parse(stack.tenant.now));
  const meeting = events.at(-3)!;
  const [dropped, ...kept] = meeting.attendees.filter((a) => a.emailAddress.address.toLowerCase() !== DANA);
  const added = { type: 'required' as const, status: { response: 'accepted' as const, time: meeting.start.dateTime }, emailAddress: { name: 'Added Guest', address: 'added.guest@fernridgecollective.org' } };
  stack.graphServer.updateEvent(danaId, meeting.id, {
    attendees: [...meeting.attendees.filter((a) => a !== dropped), added],
  });
  expect((await stack.sync()).failures).toEqual([]);
  const item = (await ledger()).find((i) => i.meetingKey === meeting.iCalUId)!;
  const emails = item.participants.map((p) => p.email);
  expect(emails).toContain('added.guest@fernridgecollective.org');
  if (dropped) expect(emails).not.toContain(dropped.emailAddress.address.toLowerCase());
  for (const attendee of kept) expect(emails).toContain(attendee.emailAddress.address.toLowerCase());
});
