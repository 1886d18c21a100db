// A notification is Graph's only if it carries the secret we gave the subscription. Compared in
// constant time, so a forger learns nothing from how fast a guess is refused.
import { createHash, timingSafeEqual } from 'node:crypto';

export function checkClientState(expected: string, received: string | null | undefined): boolean {
  if (!received) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(received));
}
