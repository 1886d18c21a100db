// Which addresses are the same mailbox. Case never matters (normalizeEmail). Plus-addressing
// ("jess+shelter@x" delivered to "jess@x") is folded only where it is safe: for providers
// known to deliver sub-addresses to the base mailbox, or when the base address itself is also
// seen. Elsewhere a "+" may be a literal part of a different mailbox's name, so it is kept.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';

/** Providers documented to deliver local+tag@domain to local@domain. */
export const PLUS_ADDRESSING_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'proton.me',
  'protonmail.com',
]);

/** The base of a plus-address ("jess+shelter@x" → "jess@x"), or null when the address has no tag. */
export function stripPlusTag(address: string): string | null {
  const email = normalizeEmail(address);
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = email.slice(0, at);
  const plus = local.indexOf('+');
  // "+tag@x" (empty base) is not a sub-address of anything.
  if (plus <= 0) return null;
  return `${local.slice(0, plus)}${email.slice(at)}`;
}

export interface CanonicalizeOptions {
  /** Is this base address known (seen in the ledger or stored as a person)? */
  isKnown?: (address: string) => boolean;
  /** Defaults to PLUS_ADDRESSING_DOMAINS. */
  plusDomains?: ReadonlySet<string>;
}

/** The address a person is keyed by: lower-cased, and without a plus tag where that is safe. */
export function canonicalizeAddress(address: string, options: CanonicalizeOptions = {}): string {
  const email = normalizeEmail(address);
  const base = stripPlusTag(email);
  if (!base) return email;
  const domain = base.slice(base.lastIndexOf('@') + 1);
  const plusDomains = options.plusDomains ?? PLUS_ADDRESSING_DOMAINS;
  if (plusDomains.has(domain) || options.isKnown?.(base)) return base;
  return email;
}

/** The addresses to look a requested address up by: itself, and its base when it carries a plus tag. */
export function expandLookupAddresses(address: string): string[] {
  const email = normalizeEmail(address);
  const base = stripPlusTag(email);
  return base ? [email, base] : [email];
}
