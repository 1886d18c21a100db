// Words for where a fact came from: a person's attribute (directory profile, display name, …)
// and an organization (the tenant's directory, the .gov registry, …).
import type { AttributeProvenance, OrganizationSummary } from '../../../../shared/domain/person-card.ts';

export const attributeLabels: Record<AttributeProvenance['attribute'], string> = {
  title: 'Title',
  department: 'Department',
  company: 'Company',
  phone: 'Phone',
  office: 'Office',
};

// Keyed by string: new sources may arrive from the API before the pane has words for them.
const attributeSources: Readonly<Record<string, string>> = {
  'graph-profile': 'directory profile',
  'graph-people': 'Outlook people suggestions',
  contact: 'contacts',
  'display-name': 'email display name',
  signature: 'email signature',
  manual: 'typed in by a colleague',
  inferred: 'inferred from mail',
};

export function describeAttributeSource(source: AttributeProvenance['source']): string {
  return attributeSources[source] ?? source;
}

const organizationSources: Record<NonNullable<OrganizationSummary['source']>, string> = {
  directory: "your organization's directory",
  manual: 'a correction by your team',
  dotgov: 'the .gov registry',
  'domain-rule': 'the domain (.us, .mil, .edu rules)',
  domain: 'the address alone',
};

export function describeOrganizationSource(source: OrganizationSummary['source']): string | null {
  return source ? organizationSources[source] : null;
}

/** "Cascadia Department of Housing · State agency · Olympia, CA" — where it is, when known. */
export function describePlace(organization: Pick<OrganizationSummary, 'city' | 'state'>): string | null {
  const place = [organization.city, organization.state].filter(Boolean).join(', ');
  return place || null;
}
