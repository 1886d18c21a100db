// Graph change notifications on the whole local stack: each synced mailbox gets subscriptions;
// the webhook answers the handshake, refuses forged notifications, and a real one (new mail in
// the Graph stand-in) queues a sync that brings the new sender in; lifecycle events renew, and
// after Graph lost notifications (`missed`) a sync catches up. A notified mailbox shows as
// pending to admins; notifications for a mailbox already queued or running coalesce.
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import type { QueueSettlement } from '../../functions/src/queue/local-queue-worker.ts';
import { MAILBOX_SYNC_QUEUE } from '../../functions/src/queue/sync-messages.ts';
import type { MailboxSyncStatus } from '../../shared/api/routes.ts';
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
let stack: Stack;
let danaId: string;
let jessId: string;
const settled: QueueSettlement[] = [];

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.05, addin: false, onQueueSettled: (settlement) => settled.push(settlement) });
  await stack.syncThroughQueue();
  danaId = stack.tenant.users.find((u) => u.mail.toLowerCase() === DANA)!.id;
  jessId = stack.tenant.users.find((u) => u.mail.toLowerCase() === JESS)!.id;
});
afterAll(() => stack?.close());

async function lookup(email: string): Promise<PersonCard> {
  const token = await stack.issueUserToken(DANA);
  const response = await fetch(`${stack.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  return ((await response.json()) as { people: PersonCard[] }).people[0]!;
}

it('subscribes to mail and events of every synced mailbox', () => {
  const resources = stack.graphServer.listSubscriptions().map((s) => s.resource);
  expect(resources).toEqual(expect.arrayContaining([`users/${danaId}/messages`, `users/${danaId}/events`]));
  const mailboxes = stack.tenant.users.filter((u) => stack.tenant.mailboxes[u.id]).length;
  expect(resources).toHaveLength(2 * mailboxes);
});

it('answers the validation handshake with the token as plain text', async () => {
  const response = await fetch(`${stack.apiUrl}/notifications?validationToken=${encodeURIComponent('Validation: token <123>')}`, { method: 'POST' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await response.text()).toBe('Validation: token <123>');
});

it('refuses a notification without the subscription secret', async () => {
  const [subscription] = stack.graphServer.listSubscriptions();
  const response = await fetch(`${stack.apiUrl}/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ value: [{ subscriptionId: subscription!.id, clientState: 'guessed', tenantId: stack.tenant.tenantId, changeType: 'created' }] }),
  });
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
});

it('turns new mail into a queued sync: the new sender is known without waiting for the schedule', async () => {
  const sender = 'new.partner@fernridgecollective.org';
  expect(await lookup(sender)).toEqual({ email: sender, known: false });
  const inbox = stack.tenant.mailboxes[danaId]!.folders.find((f) => f.wellKnownName === 'inbox')!;
  const template = stack.tenant.mailboxes[danaId]!.messages[inbox.id]!.at(-1)!;
  stack.graphServer.addMessage(danaId, 'inbox', {
    ...template,
    id: 'notified-message-1',
    internetMessageId: '<notified-message-1@fernridgecollective.org>',
    subject: 'Intro: Fern Ridge Collective outreach',
    from: { emailAddress: { name: 'New Partner', address: sender } },
    sender: { emailAddress: { name: 'New Partner', address: sender } },
    toRecipients: [{ emailAddress: { name: 'Dana Reyes', address: DANA } }],
    ccRecipients: [],
    bccRecipients: [],
  });
  await stack.graphServer.whenNotificationsDelivered();
  await stack.drainQueues();
  const card = await lookup(sender);
  expect(card.known).toBe(true);
  expect(stack.graphServer.notificationLog.some((d) => d.kind === 'change' && d.status === 200)).toBe(true);
});

it('renews a subscription Graph asks to reauthorize', async () => {
  const subscription = stack.graphServer.listSubscriptions().find((s) => s.resource === `users/${danaId}/messages`)!;
  const stored = await stack.repositories.subscriptions.findBySubscriptionId(stack.tenant.tenantId, subscription.id);
  await stack.graphServer.sendLifecycleNotification(subscription.id, 'reauthorizationRequired');
  await stack.drainQueues();
  const renewed = await stack.repositories.subscriptions.findBySubscriptionId(stack.tenant.tenantId, subscription.id);
  expect(renewed?.needsRenewal).toBe(false);
  expect(Date.parse(renewed!.expiresAt)).toBeGreaterThanOrEqual(Date.parse(stored!.expiresAt));
  expect(stack.graphServer.listSubscriptions().find((s) => s.id === subscription.id)).toBeTruthy();
});

it('re-creates a subscription Graph removed', async () => {
  const removed = stack.graphServer.listSubscriptions().find((s) => s.resource === `users/${danaId}/events`)!;
  await stack.graphServer.sendLifecycleNotification(removed.id, 'subscriptionRemoved');
  await stack.drainQueues();
  const current = stack.graphServer.listSubscriptions().filter((s) => s.resource === `users/${danaId}/events`);
  expect(current).toHaveLength(1);
  expect(current[0]?.id).not.toBe(removed.id);
  const stored = await stack.repositories.subscriptions.listForMailbox(stack.tenant.tenantId, DANA);
  expect(stored.find((s) => s.resource === `users/${danaId}/events`)?.subscriptionId).toBe(current[0]?.id);
});

/** Files a message from `sender` in the owner's inbox (Graph notifies the subscription, unless told to lose it). */
function deliverMail(ownerId: string, ownerEmail: string, sender: string, id: string): void {
  const mailbox = stack.tenant.mailboxes[ownerId]!;
  const inbox = mailbox.folders.find((f) => f.wellKnownName === 'inbox')!;
  const template = mailbox.messages[inbox.id]!.at(-1)!;
  stack.graphServer.addMessage(ownerId, 'inbox', {
    ...template,
    id,
    internetMessageId: `<${id}@${sender.split('@')[1]}>`,
    subject: `Note ${id}`,
    from: { emailAddress: { name: sender, address: sender } },
    sender: { emailAddress: { name: sender, address: sender } },
    toRecipients: [{ emailAddress: { name: ownerEmail, address: ownerEmail } }],
    ccRecipients: [],
    bccRecipients: [],
  });
}

async function mailboxStatus(ownerEmail: string): Promise<MailboxSyncStatus> {
  const token = await stack.issueUserToken(DANA, { roles: ['Crosswalk.Admin'] });
  const response = await fetch(`${stack.apiUrl}/manage/sync`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { mailboxes: MailboxSyncStatus[] }).mailboxes.find((m) => m.ownerEmail === ownerEmail)!;
}

/** The mailbox syncs the worker finished since `from`, by owner. */
function countSyncs(from: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const settlement of settled.slice(from)) {
    if (settlement.queueName !== MAILBOX_SYNC_QUEUE || settlement.outcome !== 'completed') continue;
    const owner = (settlement.message as { ownerEmail: string }).ownerEmail;
    counts[owner] = (counts[owner] ?? 0) + 1;
  }
  return counts;
}

it('catches up after Graph lost notifications: the missed lifecycle notification queues a sync whose delta brings the messages in', async () => {
  const subscription = stack.graphServer.listSubscriptions().find((s) => s.resource === `users/${danaId}/messages`)!;
  const lost = stack.graphServer.missNotifications(subscription.id);
  const senders = ['lost.one@tidewaterhousing.org', 'lost.two@tidewaterhousing.org'];
  deliverMail(danaId, DANA, senders[0]!, 'missed-message-1');
  deliverMail(danaId, DANA, senders[1]!, 'missed-message-2');
  await stack.graphServer.whenNotificationsDelivered();
  await stack.drainQueues();
  expect(lost.dropped()).toBe(2);
  for (const sender of senders) expect(await lookup(sender)).toEqual({ email: sender, known: false });

  const before = settled.length;
  const delivery = await stack.graphServer.sendLifecycleNotification(subscription.id, 'missed');
  expect(delivery).toMatchObject({ kind: 'lifecycle', ok: true, status: 200 });
  await stack.drainQueues();
  expect(countSyncs(before)).toEqual({ [DANA]: 1 });
  for (const [index, sender] of senders.entries()) {
    const card = (await lookup(sender)) as KnownPersonCard;
    expect(card.known).toBe(true);
    expect(card.lastInteractions.map((i) => i.subject)).toContain(`Note missed-message-${index + 1}`);
  }
  expect(await mailboxStatus(DANA)).toMatchObject({ stage: 'idle', lastError: null });
});

it('marks a notified mailbox pending, keeps a running one running, and coalesces notifications into as few syncs as cover them', async () => {
  // Jess's sync is held once it has read her mail, at her calendar.
  const hold = stack.graphServer.faults.holdNext({ pathIncludes: `${jessId}/calendarView/delta` });
  const before = settled.length;
  deliverMail(jessId, JESS, 'early.caller@tidewaterhousing.org', 'running-1');
  await hold.reached;
  expect(await mailboxStatus(JESS)).toMatchObject({ stage: 'running' });

  // Mail after her run read the inbox: the run cannot see it; the mailbox stays running and runs once more.
  deliverMail(jessId, JESS, 'late.caller@tidewaterhousing.org', 'running-2');
  await stack.graphServer.whenNotificationsDelivered();
  expect(await mailboxStatus(JESS)).toMatchObject({ stage: 'running' });

  // Meanwhile the worker is busy with Jess (it takes a batch at a time): Dana's notifications wait in the queue.
  deliverMail(danaId, DANA, 'first.waiting@tidewaterhousing.org', 'pending-1');
  await stack.graphServer.whenNotificationsDelivered();
  expect(await mailboxStatus(DANA)).toMatchObject({ stage: 'pending' });
  deliverMail(danaId, DANA, 'second.waiting@tidewaterhousing.org', 'pending-2');
  await stack.graphServer.whenNotificationsDelivered();
  expect(await mailboxStatus(DANA)).toMatchObject({ stage: 'pending' });

  hold.release();
  await stack.drainQueues();
  // Dana: two notifications, one queued sync read both. Jess: her run, then once more for the late mail.
  expect(countSyncs(before)).toEqual({ [DANA]: 1, [JESS]: 2 });
  for (const sender of ['early.caller', 'late.caller', 'first.waiting', 'second.waiting']) {
    expect((await lookup(`${sender}@tidewaterhousing.org`)).known).toBe(true);
  }
  for (const owner of [DANA, JESS]) expect(await mailboxStatus(owner)).toMatchObject({ stage: 'idle', failureCount: 0 });
});
