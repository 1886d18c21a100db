// POST /api/notifications and /api/notifications/lifecycle: Graph's webhook. Answers the
// validation handshake, accepts only notifications carrying their subscription's secret, and
// turns them into a queued sync of the mailbox, marked pending (the sync reads the delta; a
// notification is only a nudge, and many for one mailbox coalesce into one sync: see
// enqueue-mailbox-sync.ts). Lifecycle events flag the subscription for renewal or
// re-creation; `missed` (Graph dropped notifications) needs nothing more than that sync, whose
// delta query reads whatever the lost notifications were about.
import type { z } from 'zod';
import type { changeNotificationsRoute } from '../../../shared/api/notification-routes.ts';
import type { ApiServices, HandlerInput } from '../api/api-services.ts';
import { AppError } from '../errors/app-error.ts';
import { TextResponse } from '../http/handle-api-request.ts';
import type { SubscriptionDocument } from '../store/subscriptions-repository.ts';
import { enqueueMailboxSync } from '../queue/enqueue-mailbox-sync.ts';
import { checkClientState } from './check-client-state.ts';

type NotificationBody = z.output<(typeof changeNotificationsRoute)['body']>;

export async function handleNotifications(
  services: ApiServices,
  input: HandlerInput<NotificationBody>,
): Promise<{ accepted: number; rejected: number } | TextResponse> {
  const validationToken = input.query?.validationToken;
  // Graph's handshake: echo the token as plain text, nothing else.
  if (validationToken) return new TextResponse(validationToken);
  if (!input.body) throw new AppError('bad-request', 'body: expected a notification batch { "value": [...] }');
  const syncAdmin = services.syncAdmin;
  if (!syncAdmin) throw new AppError('unavailable', 'notifications cannot be queued here (no queue connection)');
  const now = (syncAdmin.clock ?? (() => new Date()))();
  const { subscriptions } = services.repositories;
  const mailboxes = new Map<string, SubscriptionDocument>();
  let accepted = 0;
  let rejected = 0;
  for (const notification of input.body.value) {
    const subscription = await subscriptions.findBySubscriptionId(notification.tenantId, notification.subscriptionId);
    if (!subscription || !checkClientState(subscription.clientState, notification.clientState)) {
      rejected += 1;
      continue;
    }
    accepted += 1;
    mailboxes.set(`${subscription.tenantId}|${subscription.ownerEmail}`, subscription);
    if (notification.lifecycleEvent === 'reauthorizationRequired') await subscriptions.save({ ...subscription, needsRenewal: true });
    if (notification.lifecycleEvent === 'subscriptionRemoved') await subscriptions.remove(subscription.tenantId, subscription.ownerEmail, subscription.resource);
  }
  // 'missed' and ordinary changes alike: a sync reads whatever the delta holds.
  for (const subscription of mailboxes.values()) {
    const { tenantId, ownerEmail, userId } = subscription;
    await enqueueMailboxSync(syncAdmin, { tenantId, ownerEmail, userId }, 'notification', { now });
  }
  if (accepted === 0) throw new AppError('forbidden', 'no notification in the batch matches a subscription of ours');
  return { accepted, rejected };
}
