// Which subscriptions a mailbox needs and what to do about each: create the missing, renew
// those close to expiry or flagged by Graph, leave the rest. Pure.
import type { SubscriptionDocument } from '../store/subscriptions-repository.ts';

export const subscriptionTiming = {
  /** Graph allows mail and event subscriptions up to 4,230 minutes; stay below. */
  lifetimeMinutes: 4200,
  /** Renew when less than this is left. */
  renewWithinMinutes: 24 * 60,
} as const;

export type SubscriptionStep =
  | { action: 'create'; resource: string }
  | { action: 'renew'; resource: string; subscription: SubscriptionDocument }
  | { action: 'keep'; resource: string; subscription: SubscriptionDocument };

export function listMailboxResources(userId: string): string[] {
  return [`users/${userId}/messages`, `users/${userId}/events`];
}

export function planSubscriptions(userId: string, existing: readonly SubscriptionDocument[], now: Date): SubscriptionStep[] {
  return listMailboxResources(userId).map((resource): SubscriptionStep => {
    const subscription = existing.find((s) => s.resource === resource);
    if (!subscription || Date.parse(subscription.expiresAt) <= now.getTime()) return { action: 'create', resource };
    const left = (Date.parse(subscription.expiresAt) - now.getTime()) / 60_000;
    if (subscription.needsRenewal || left < subscriptionTiming.renewWithinMinutes) return { action: 'renew', resource, subscription };
    return { action: 'keep', resource, subscription };
  });
}

export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + subscriptionTiming.lifetimeMinutes * 60_000).toISOString();
}
