// One way to write an email address everywhere: the key people are stored and looked up by.
import { z } from 'zod';

/** Lower-cases and trims an address; the domain part is case-insensitive and so, in practice, is the local part. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** The part after the last "@", lower-cased; empty when there is none. */
export function domainOfEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(address.slice(at + 1));
}

export const emailSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .max(320, { error: 'is longer than 320 characters' })
  .pipe(z.email({ error: 'is not a valid email address' }))
  .transform(normalizeEmail);
