// The one-line explanation under a strength bar: the inputs the score was computed from.
import type { Strength } from '../../../../shared/domain/person-card.ts';
import { formatRelativeTime } from './format-relative-time.ts';

/** e.g. "12 sent · 9 received · 3 meetings · last 4 days ago". */
export function describeStrengthInputs(options: { strength: Strength; now: Date }): string {
  const { strength } = options;
  const parts = [
    `${strength.emailsSent} sent`,
    `${strength.emailsReceived} received`,
    `${strength.meetings} ${strength.meetings === 1 ? 'meeting' : 'meetings'}`,
  ];
  if (strength.lastInteractionAt) {
    const ago = formatRelativeTime({ iso: strength.lastInteractionAt, now: options.now });
    parts.push(ago === 'today' || ago === 'yesterday' ? `last contact ${ago}` : `last ${ago}`);
  } else {
    parts.push('no contact yet');
  }
  return parts.join(' · ');
}

/**
 * Why the score is what it is, in words: what counted, how recency weighs, and the one-way cap
 * (docs/SCORING.md). e.g. "Computed from 12 emails you sent, 9 you received and 3 meetings since
 * March 2025. Recent contact counts more: an interaction counts half after 180 days."
 */
export function explainStrength(options: { strength: Strength; now: Date }): string[] {
  const { strength } = options;
  const total = strength.emailsSent + strength.emailsReceived + strength.meetings;
  if (total === 0) return ['You have no email or meeting with them on record yet.'];
  const counted = [
    `${strength.emailsSent} ${strength.emailsSent === 1 ? 'email' : 'emails'} you sent`,
    `${strength.emailsReceived} you received`,
    `${strength.meetings} ${strength.meetings === 1 ? 'meeting' : 'meetings'} together`,
  ];
  const since = strength.firstInteractionAt ? ` since ${formatMonthYear(strength.firstInteractionAt)}` : '';
  const sentences = [`Computed from ${counted[0]}, ${counted[1]} and ${counted[2]}${since}.`];
  if (strength.halfLifeDays) {
    sentences.push(`Recent contact counts more: an interaction counts half after ${Math.round(strength.halfLifeDays)} days (longer relationships fade slower).`);
  }
  const oneWay = strength.meetings === 0 && (strength.emailsSent === 0 || strength.emailsReceived === 0);
  if (oneWay) sentences.push('Mail has only gone one way so far, which keeps the score at 35 or below.');
  return sentences;
}

function formatMonthYear(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
