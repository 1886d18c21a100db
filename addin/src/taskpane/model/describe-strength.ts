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
