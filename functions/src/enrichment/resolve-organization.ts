// Which organization an address belongs to: the tenant's directory of partner organizations
// first (longest matching domain), then what the domain itself says. Pure.
import { getDomain } from 'tldts';
import { domainOfEmail } from '../../../shared/domain/email-address.ts';
import { labelOrganizationKind, type OrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';

export interface OrganizationEntry {
  name: string;
  kind: OrganizationKind;
  domains: string[];
}

const freemail = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'zoho.com',
]);

function kindFromDomain(registrable: string): OrganizationKind {
  if (registrable.endsWith('.mil')) return 'military';
  if (registrable.endsWith('.edu')) return 'education';
  return 'unknown';
}

export function summarizeOrganization(entry: OrganizationEntry, domain: string): OrganizationSummary {
  return { name: entry.name, kind: entry.kind, kindLabel: labelOrganizationKind(entry.kind), domain };
}

export function resolveOrganization(email: string, directory: readonly OrganizationEntry[]): OrganizationSummary | null {
  const domain = domainOfEmail(email);
  if (!domain) return null;
  let best: { entry: OrganizationEntry; domain: string } | null = null;
  for (const entry of directory) {
    for (const listed of entry.domains) {
      const candidate = listed.toLowerCase();
      const matches = domain === candidate || domain.endsWith(`.${candidate}`);
      if (matches && (!best || candidate.length > best.domain.length)) best = { entry, domain: candidate };
    }
  }
  if (best) return summarizeOrganization(best.entry, best.domain);
  const registrable = getDomain(domain);
  if (!registrable || freemail.has(registrable)) return null;
  return summarizeOrganization({ name: registrable, kind: kindFromDomain(registrable), domains: [registrable] }, registrable);
}
