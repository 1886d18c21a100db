// Organizations from the .us locality namespace (RFC 1480): co.<county>.<st>.us,
// ci.<city>.<st>.us, <city>.<st>.us, <district>.k12.<st>.us, <agency>.state.<st>.us and
// friends. Works on the full host, not the registrable domain: the public suffix list makes
// "orange.ca.us" registrable, which would fold Orange County into the City of Orange. Pure.
import type { OrganizationFacts } from './organization-facts.ts';
import { usStateNames } from './us-states.ts';

function capitalizeLabel(label: string): string {
  return label
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function buildLocality(labels: readonly string[], from: number, facts: Omit<OrganizationFacts, 'domain' | 'source'>): OrganizationFacts {
  return { ...facts, domain: labels.slice(from).join('.'), source: 'domain-rule' };
}

const localityPrefixes: Record<string, { kind: 'county' | 'city'; name: (place: string, st: string) => string }> = {
  co: { kind: 'county', name: (place, st) => `${place} County, ${st}` },
  ci: { kind: 'city', name: (place, st) => `City of ${place}, ${st}` },
  city: { kind: 'city', name: (place, st) => `City of ${place}, ${st}` },
  town: { kind: 'city', name: (place, st) => `Town of ${place}, ${st}` },
  vil: { kind: 'city', name: (place, st) => `Village of ${place}, ${st}` },
  twp: { kind: 'city', name: (place, st) => `${place} Township, ${st}` },
};

/** The organization a .us locality host belongs to, or null when the host is not one. */
export function classifyUsLocality(host: string): OrganizationFacts | null {
  const labels = host.toLowerCase().split('.');
  const n = labels.length;
  if (n < 3 || labels[n - 1] !== 'us') return null;
  if (labels[n - 2] === 'nsn') {
    return buildLocality(labels, n - 3, { name: `${capitalizeLabel(labels[n - 3]!)} Nation`, kind: 'tribal', detail: 'Tribal' });
  }
  const st = labels[n - 2]!;
  const stateName = usStateNames[st];
  if (!stateName) return null;
  const ST = st.toUpperCase();
  const third = labels[n - 3]!;
  const fourth = labels[n - 4];
  switch (third) {
    case 'k12': {
      if (!fourth) return buildLocality(labels, n - 3, { name: `K-12 schools, ${ST}`, kind: 'school-district', detail: 'School district', state: ST });
      // pvt.k12 (private schools) and chtr.k12 (charter schools) put the school one label further left.
      const sector = fourth === 'pvt' || fourth === 'chtr' ? fourth : null;
      const school = sector ? labels[n - 5] : fourth;
      if (!school) return buildLocality(labels, n - 4, { name: `${sector === 'pvt' ? 'Private' : 'Charter'} schools, ${ST}`, kind: sector === 'pvt' ? 'education' : 'school-district', state: ST });
      if (sector === 'pvt') return buildLocality(labels, n - 5, { name: `${capitalizeLabel(school)} (private school), ${ST}`, kind: 'education', state: ST });
      return buildLocality(labels, sector ? n - 5 : n - 4, { name: `${capitalizeLabel(school)} School District, ${ST}`, kind: 'school-district', detail: sector ? 'Charter school' : 'School district', state: ST });
    }
    case 'state':
      if (!fourth) return buildLocality(labels, n - 3, { name: `State of ${stateName}`, kind: 'state', detail: 'State or territory', state: ST });
      return buildLocality(labels, n - 4, {
        name: `State of ${stateName} · ${fourth.length <= 5 ? fourth.toUpperCase() : capitalizeLabel(fourth)}`,
        kind: 'state',
        detail: 'State agency',
        agency: `State of ${stateName}`,
        state: ST,
      });
    case 'cc':
      if (!fourth) return null;
      return buildLocality(labels, n - 4, { name: `${capitalizeLabel(fourth)} Community College, ${ST}`, kind: 'education', state: ST });
    case 'lib':
      if (!fourth) return null;
      return buildLocality(labels, n - 4, { name: `${capitalizeLabel(fourth)} Library, ${ST}`, kind: 'special-district', detail: 'Library', state: ST });
    default: {
      const prefix = fourth ? localityPrefixes[fourth] : undefined;
      const place = capitalizeLabel(third);
      if (prefix) return buildLocality(labels, n - 4, { name: prefix.name(place, ST), kind: prefix.kind, city: prefix.kind === 'city' ? place : undefined, state: ST });
      return buildLocality(labels, n - 3, { name: `City of ${place}, ${ST}`, kind: 'city', city: place, state: ST });
    }
  }
}
