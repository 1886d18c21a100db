// The domains a look-alike would imitate: the tenant's organizations and the .gov registry,
// indexed by skeleton (homoglyphs), by skeleton without dots and hyphens (cascadiahealth.gov
// for cascadia-health.gov), by sorted words (cascadia-health.gov for health.cascadia.gov) and
// by length (one edit away). Built once per registry and cheaply per tenant. Pure.
import { toConfusableSkeleton } from './confusable-skeleton.ts';

export interface KnownDomain {
  domain: string;
  /** The organization's name, for the warning ("looks like orcacounty-cascadia.gov, Orca County"). */
  name: string | null;
}

export interface KnownDomainIndex {
  readonly exact: ReadonlySet<string>;
  readonly bySkeleton: ReadonlyMap<string, KnownDomain>;
  readonly byCompact: ReadonlyMap<string, KnownDomain>;
  readonly byWords: ReadonlyMap<string, KnownDomain>;
  readonly byLength: ReadonlyMap<number, readonly { skeleton: string; known: KnownDomain }[]>;
}

export function compactSkeleton(skeleton: string): string {
  return skeleton.replace(/[.-]/g, '');
}

export function sortWords(skeleton: string): string {
  return skeleton.split(/[.-]+/).filter(Boolean).sort().join(' ');
}

export function buildKnownDomainIndex(domains: Iterable<KnownDomain>): KnownDomainIndex {
  const exact = new Set<string>();
  const bySkeleton = new Map<string, KnownDomain>();
  const byCompact = new Map<string, KnownDomain>();
  const byWords = new Map<string, KnownDomain>();
  const byLength = new Map<number, { skeleton: string; known: KnownDomain }[]>();
  for (const known of domains) {
    const domain = known.domain.toLowerCase();
    if (exact.has(domain)) continue;
    exact.add(domain);
    const entry = { ...known, domain };
    const skeleton = toConfusableSkeleton(domain);
    if (!bySkeleton.has(skeleton)) bySkeleton.set(skeleton, entry);
    const compact = compactSkeleton(skeleton);
    if (!byCompact.has(compact)) byCompact.set(compact, entry);
    const words = sortWords(skeleton);
    if (!byWords.has(words)) byWords.set(words, entry);
    const bucket = byLength.get(skeleton.length) ?? [];
    bucket.push({ skeleton, known: entry });
    byLength.set(skeleton.length, bucket);
  }
  return { exact, bySkeleton, byCompact, byWords, byLength };
}

/** Whether the host is a known domain or inside one (mail.orcacounty-cascadia.gov). */
export function isKnownHost(index: Pick<KnownDomainIndex, 'exact'>, host: string): boolean {
  let candidate = host.toLowerCase();
  for (;;) {
    if (index.exact.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}
