// Keeps a mailbox's Graph subscriptions alive: creates the missing, renews the expiring (or
// re-creates one Graph no longer knows). Run after each mailbox sync and by an hourly timer.
import { randomBytes } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SubscriptionsRepository } from '../store/subscriptions-repository.ts';
import { expiryFrom, planSubscriptions } from './plan-subscriptions.ts';

export interface SubscriptionEndpoints {
  /** Where Graph posts change notifications (…/api/notifications). */
  notificationUrl: string;
  /** Where Graph posts lifecycle notifications (…/api/notifications/lifecycle). */
  lifecycleNotificationUrl: string;
}

export interface EnsureSubscriptionsDeps {
  graph: Client;
  subscriptions: SubscriptionsRepository;
  endpoints: SubscriptionEndpoints;
  now: () => Date;
}

export interface MailboxIdentity {
  tenantId: string;
  ownerEmail: string;
  userId: string;
}

export async function ensureSubscriptions(deps: EnsureSubscriptionsDeps, mailbox: MailboxIdentity): Promise<{ created: number; renewed: number }> {
  const now = deps.now();
  const steps = planSubscriptions(mailbox.userId, await deps.subscriptions.listForMailbox(mailbox.tenantId, mailbox.ownerEmail), now);
  const result = { created: 0, renewed: 0 };
  for (const step of steps) {
    if (step.action === 'keep') continue;
    const expiresAt = expiryFrom(now);
    if (step.action === 'renew') {
      try {
        await deps.graph.api(`/subscriptions/${encodeURIComponent(step.subscription.subscriptionId)}`).patch({ expirationDateTime: expiresAt });
        await deps.subscriptions.save({ ...step.subscription, expiresAt, needsRenewal: false });
        result.renewed += 1;
        continue;
      } catch (error) {
        // Gone on Graph's side (removed, expired): make a new one below.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    }
    const clientState = randomBytes(32).toString('base64url');
    const created = (await deps.graph.api('/subscriptions').post({
      changeType: 'created,updated,deleted',
      notificationUrl: deps.endpoints.notificationUrl,
      lifecycleNotificationUrl: deps.endpoints.lifecycleNotificationUrl,
      resource: step.resource,
      expirationDateTime: expiresAt,
      clientState,
    })) as { id: string; expirationDateTime?: string };
    await deps.subscriptions.save({
      tenantId: mailbox.tenantId,
      ownerEmail: mailbox.ownerEmail,
      userId: mailbox.userId,
      resource: step.resource,
      subscriptionId: created.id,
      clientState,
      expiresAt: created.expirationDateTime ?? expiresAt,
      needsRenewal: false,
    });
    result.created += 1;
  }
  return result;
}
