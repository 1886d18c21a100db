// Finds the tenant-owned organization (directory entry or manual override) a host belongs to:
// the most specific listed domain wins; on a tie a manual override beats the directory and the
// newer override beats the older, because the latest human decision is the one that counts.
// Merged-away organizations (tombstones) never match: their domains live on in the target. Pure.
import type { OrganizationEntry } from './organization-entry.ts';

export interface TenantEntryMatch {
  entry: OrganizationEntry;
  /** The listed domain that matched, lower-cased. */
  domain: string;
}

function outranks(candidate: TenantEntryMatch, best: TenantEntryMatch): boolean {
  if (candidate.domain.length !== best.domain.length) return candidate.domain.length > best.domain.length;
  const manual = (match: TenantEntryMatch) => (match.entry.source === 'manual' ? 1 : 0);
  if (manual(candidate) !== manual(best)) return manual(candidate) > manual(best);
  return (candidate.entry.updatedAt ?? '') > (best.entry.updatedAt ?? '');
}

export function matchTenantEntry(host: string, entries: readonly OrganizationEntry[]): TenantEntryMatch | null {
  let best: TenantEntryMatch | null = null;
  for (const entry of entries) {
    if (entry.mergedInto) continue;
    for (const listed of entry.domains) {
      const domain = listed.toLowerCase();
      if (host !== domain && !host.endsWith(`.${domain}`)) continue;
      const candidate = { entry, domain };
      if (!best || outranks(candidate, best)) best = candidate;
    }
  }
  return best;
}
