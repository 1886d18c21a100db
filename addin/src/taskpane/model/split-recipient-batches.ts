// "Email this group" for groups bigger than one message: Exchange Online delivers a message to
// at most MAX_RECIPIENTS_PER_MESSAGE recipients, so the members go out as several messages.
import { MAX_RECIPIENTS_PER_MESSAGE } from '../../../../shared/domain/group.ts';

export interface RecipientBatch {
  /** 1-based, for labels ("Message 2"). */
  number: number;
  /** 1-based positions of the first and last member in the batch, for labels ("members 501–1,000"). */
  first: number;
  last: number;
  emails: string[];
}

/** Splits addresses (deduplicated case-insensitively, order kept) into batches of at most `size`. */
export function splitRecipientBatches(options: { emails: readonly string[]; size?: number }): RecipientBatch[] {
  const size = options.size ?? MAX_RECIPIENTS_PER_MESSAGE;
  const seen = new Set<string>();
  const unique = options.emails.filter((email) => {
    const key = email.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batches: RecipientBatch[] = [];
  for (let start = 0; start < unique.length; start += size) {
    const emails = unique.slice(start, start + size);
    batches.push({ number: batches.length + 1, first: start + 1, last: start + emails.length, emails });
  }
  return batches;
}
