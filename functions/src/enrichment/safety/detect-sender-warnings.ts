// First-contact safety: the warnings a sender's address and display name deserve. Three checks,
// all pure and table-tested:
// - the display name carries an address other than the sender's ("jess.morgan@housing.cascadia.gov"
//   <someone@elsewhere.example>), the classic display-name spoof;
// - the domain looks like a known organization's domain without being it: the same skeleton
//   (homoglyphs: a Cyrillic а, rn for m, 0 for o), the same letters without dots or hyphens, the
//   same words rearranged, or one edit away (a letter dropped, added, swapped or changed);
// - a government-sounding name ("County Health Department") from a free-mail address.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { SenderWarning } from '../../../../shared/domain/sender-safety.ts';
import { listForeignScripts, toConfusableSkeleton } from './confusable-skeleton.ts';
import { measureEditDistance } from './edit-distance.ts';
import { compactSkeleton, isKnownHost, sortWords, type KnownDomain, type KnownDomainIndex } from './known-domain-index.ts';

/** Shorter skeletons are too crowded for "one edit away" to mean anything (ab.gov vs ac.gov). */
const MIN_EDIT_LENGTH = 8;

export interface SenderFacts {
  email: string;
  /** The host in Unicode (punycode decoded), lower-case. */
  host: string;
  displayName: string | null;
  /** The registrable domain is a free-mail provider (gmail.com, outlook.com, …). */
  freemail: boolean;
}

export interface Resemblance {
  known: KnownDomain;
  technique: 'homoglyph' | 'hyphenation' | 'rearranged' | 'edit' | 'embedded';
}

const ADDRESS_PATTERN = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+\.[^\s<>"'(),;:[\]]{2,}/gu;

/** Addresses written into a display name that are not the sender's own. */
export function findForeignAddresses(displayName: string, email: string): string[] {
  const own = normalizeEmail(email);
  const found = displayName.match(ADDRESS_PATTERN) ?? [];
  return [...new Set(found.map((address) => normalizeEmail(address.replace(/[.]+$/, ''))))].filter((address) => address !== own);
}

/**
 * The known domain the host imitates, or null (a known host, or nothing alike). Several indexes
 * (the tenant's organizations, the .gov registry) count as one list: a host known to any is fine,
 * and the strongest resemblance wins whichever list it is in (a homoglyph before a typo).
 */
export function findResemblance(host: string, indexes: KnownDomainIndex | readonly KnownDomainIndex[]): Resemblance | null {
  const all: readonly KnownDomainIndex[] = Array.isArray(indexes) ? indexes : [indexes as KnownDomainIndex];
  if (all.some((index) => isKnownHost(index, host))) return null;
  const labels = host.toLowerCase().split('.');
  // A known domain worn as a prefix of another: orcacounty-cascadia.gov.example.net.
  for (let end = labels.length - 1; end >= 2; end--) {
    const prefix = labels.slice(0, end).join('.');
    const index = all.find((candidate) => candidate.exact.has(prefix));
    if (index) return { known: index.bySkeleton.get(toConfusableSkeleton(prefix)) ?? { domain: prefix, name: null }, technique: 'embedded' };
  }
  // The host and its parents (mail.orcacounty-cascadía.gov imitates through its parent).
  const candidates = labels.slice(0, -1).map((_, start) => labels.slice(start).join('.')).filter((candidate) => candidate.includes('.'));
  const lookups: [Resemblance['technique'], (skeleton: string, index: KnownDomainIndex) => KnownDomain | undefined][] = [
    ['homoglyph', (skeleton, index) => index.bySkeleton.get(skeleton)],
    ['hyphenation', (skeleton, index) => index.byCompact.get(compactSkeleton(skeleton))],
    ['rearranged', (skeleton, index) => index.byWords.get(sortWords(skeleton))],
    ['edit', findOneEditAway],
  ];
  for (const [technique, lookup] of lookups) {
    for (const candidate of candidates) {
      const skeleton = toConfusableSkeleton(candidate);
      for (const index of all) {
        const known = lookup(skeleton, index);
        if (known && known.domain !== candidate) return { known, technique };
      }
    }
  }
  return null;
}

function findOneEditAway(skeleton: string, index: KnownDomainIndex): KnownDomain | undefined {
  if (skeleton.length < MIN_EDIT_LENGTH) return undefined;
  for (let length = skeleton.length - 1; length <= skeleton.length + 1; length++) {
    for (const entry of index.byLength.get(length) ?? []) {
      if (measureEditDistance(skeleton, entry.skeleton, 1) <= 1) return entry.known;
    }
  }
  return undefined;
}

const GOVERNMENT_WORDS = [
  /\bdep(?:artmen)?t\b\.?/i,
  /\bdepartment\b/i,
  /\bcounty\b/i,
  /\b(?:city|town|village|state|commonwealth) of\b/i,
  /\boffice of\b/i,
  /\bagency\b/i,
  /\bbureau\b/i,
  /\bcommission\b/i,
  /\bauthority\b/i,
  /\badministration\b/i,
  /\bgovernment\b/i,
  /\bgov(?:ernor)?'?s? office\b/i,
  /\bmunicipal\b/i,
  /\bsheriff\b/i,
  /\bpolice\b/i,
  /\bcourt\b/i,
  /\bclerk\b/i,
  /\btreasur(?:y|er)\b/i,
  /\bassessor\b/i,
  /\bpublic health\b/i,
  /\bhealth dep(?:artmen)?t\b/i,
  /\btownship\b/i,
  /\btribal\b/i,
  /\bfederal\b/i,
  /\.gov\b/i,
  /\b(?:IRS|FEMA|SSA|HUD|DMV|USPS)\b/,
];

export function soundsGovernmental(displayName: string): boolean {
  return GOVERNMENT_WORDS.some((pattern) => pattern.test(displayName));
}

const techniqueWords: Record<Resemblance['technique'], string> = {
  homoglyph: 'uses look-alike characters',
  hyphenation: 'differs only in dots or hyphens',
  rearranged: 'uses the same words in another order',
  edit: 'differs by one character',
  embedded: 'puts the real domain in front of another one',
};

export function detectSenderWarnings(sender: SenderFacts, indexes: KnownDomainIndex | readonly KnownDomainIndex[]): SenderWarning[] {
  const warnings: SenderWarning[] = [];
  const name = sender.displayName?.trim() ?? '';
  for (const shownAddress of name ? findForeignAddresses(name, sender.email) : []) {
    warnings.push({
      kind: 'display-name-address',
      shownAddress,
      message: `The name shows the address ${shownAddress}, but the message comes from ${sender.email}.`,
    });
  }
  const resemblance = sender.freemail ? null : findResemblance(sender.host, indexes);
  if (resemblance) {
    const scripts = listForeignScripts(sender.host);
    const who = resemblance.known.name ? ` (${resemblance.known.name})` : '';
    const alphabet = scripts.length > 0 ? ` It contains ${scripts.join(' and ')} characters.` : '';
    warnings.push({
      kind: 'lookalike-domain',
      domain: sender.host,
      resembles: resemblance.known.domain,
      resemblesName: resemblance.known.name,
      technique: resemblance.technique,
      scripts,
      message: `${sender.host} looks like ${resemblance.known.domain}${who} but is not it: it ${techniqueWords[resemblance.technique]}.${alphabet}`,
    });
  }
  if (sender.freemail && name && soundsGovernmental(name)) {
    warnings.push({
      kind: 'gov-name-from-freemail',
      message: `"${name}" sounds like a government office, but the message comes from a free email address (${sender.host}).`,
    });
  }
  return warnings;
}
