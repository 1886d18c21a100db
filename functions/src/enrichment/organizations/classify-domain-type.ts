// Maps the .gov registry's "Domain type" column to an organization kind and a card detail.
// The registry combines a base type with an optional " - Election" suffix (election offices
// register their own domains); older exports used other names, kept here so an old file
// still classifies. Pure.
import type { OrganizationKind } from '../../../../shared/domain/organization-kind.ts';

export interface DomainTypeClass {
  kind: OrganizationKind;
  /** What the card shows beside the kind, e.g. "Federal · Executive", "County · Election". */
  detail: string;
}

const baseTypes: Record<string, DomainTypeClass> = {
  'federal - executive': { kind: 'federal', detail: 'Federal · Executive' },
  'federal - legislative': { kind: 'federal', detail: 'Federal · Legislative' },
  'federal - judicial': { kind: 'federal', detail: 'Federal · Judicial' },
  federal: { kind: 'federal', detail: 'Federal' },
  'state or territory': { kind: 'state', detail: 'State or territory' },
  'state/territory': { kind: 'state', detail: 'State or territory' },
  county: { kind: 'county', detail: 'County' },
  city: { kind: 'city', detail: 'City' },
  tribal: { kind: 'tribal', detail: 'Tribal' },
  'native sovereign nation': { kind: 'tribal', detail: 'Tribal' },
  'special district': { kind: 'special-district', detail: 'Special district' },
  'independent intrastate': { kind: 'special-district', detail: 'Special district' },
  'school district': { kind: 'school-district', detail: 'School district' },
  interstate: { kind: 'interstate', detail: 'Interstate' },
};

const electionSuffix = /\s*-\s*election$/i;

/** The kind and detail for a registry Domain type; an unknown type keeps its text as the detail. */
export function classifyDomainType(domainType: string): DomainTypeClass {
  const text = domainType.trim().replace(/\s+/g, ' ');
  const election = electionSuffix.test(text);
  const base = baseTypes[text.replace(electionSuffix, '').toLowerCase()];
  if (!base) return { kind: 'unknown', detail: text };
  return election ? { kind: base.kind, detail: `${base.detail} · Election office` } : base;
}
