// Stable document ids: a short hash of the parts that identify a thing, so that writing the
// same thing twice (a replayed page, a retried function) lands on the same document.
import { createHash } from 'node:crypto';

export function makeStableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
