// Graph change notifications on the whole local stack: each synced mailbox gets subscriptions;
// the webhook answers the handshake, refuses forged notifications, and a real one (new mail in
// the Graph stand-in) queues a sync that brings the new sender in; lifecycle events renew.
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import type { PersonCard } from '../../shared/domain/person-card.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
let stack: Stack;
let danaId: string;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.05, addin: false });
  await stack.syncThroughQueue();
  danaId = stack.tenant.users.find((u) => u.mail.toLowerCase() === DANA)!.id;
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
