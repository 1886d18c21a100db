// Which subscriptions a mailbox needs, and when they are renewed.
import { checkClientState } from '../../../functions/src/notifications/check-client-state.ts';
import { expiryFrom, planSubscriptions, subscriptionTiming } from '../../../functions/src/notifications/plan-subscriptions.ts';
import type { SubscriptionDocument } from '../../../functions/src/store/subscriptions-repository.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

function existing(resource: string, expiresAt: string, needsRenewal = false): SubscriptionDocument {
  return {
    id: resource, tenantId: 't', docType: 'subscription', ownerEmail: 'dana@x.gov', userId: 'u1', resource,
    subscriptionId: `sub-${resource}`, clientState: 'secret', expiresAt, needsRenewal,
  };
}

describe('planSubscriptions', () => {
  it('creates a messages and an events subscription for a new mailbox', () => {
    expect(planSubscriptions('u1', [], NOW).map((s) => [s.action, s.resource])).toEqual([
      ['create', 'users/u1/messages'],
      ['create', 'users/u1/events'],
    ]);
  });

  it.each([
    ['far from expiry', hours(48), false, 'keep'],
    ['within a day of expiry', hours(23), false, 'renew'],
    ['flagged by a reauthorizationRequired event', hours(48), true, 'renew'],
    ['already expired', hours(-1), false, 'create'],
  ])('a subscription %s → %s', (_name, expiresAt, flagged, action) => {
    const steps = planSubscriptions('u1', [existing('users/u1/messages', expiresAt, flagged), existing('users/u1/events', hours(60))], NOW);
    expect(steps[0]?.action).toBe(action);
    expect(steps[1]?.action).toBe('keep');
  });

  it('asks for a lifetime within what Graph allows for mail and events (4,230 minutes)', () => {
    const minutes = (Date.parse(expiryFrom(NOW)) - NOW.getTime()) / 60_000;
    expect(minutes).toBe(subscriptionTiming.lifetimeMinutes);
    expect(minutes).toBeLessThanOrEqual(4230);
  });
});

describe('checkClientState', () => {
  it.each([
    ['the same secret', 'secret', true],
    ['another secret', 'guess', false],
    ['a prefix of the secret', 'secre', false],
    ['no secret', null, false],
    ['an empty secret', '', false],
  ])('%s → %s', (_name, received, ok) => {
    expect(checkClientState('secret', received)).toBe(ok);
  });
});
