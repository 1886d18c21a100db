// The resolution order: tenant directory and manual overrides, then the .gov registry, then the
// .us/.mil/.edu rules, then the registrable domain — and merge/split overrides on top of it all.
import { readFileSync } from 'node:fs';
import { parseDotgovRegistry } from '../../../../functions/src/enrichment/organizations/dotgov-registry.ts';
import { describeOrganization } from '../../../../functions/src/enrichment/organizations/describe-organization.ts';
import type { OrganizationEntry } from '../../../../functions/src/enrichment/organizations/organization-entry.ts';
import { planEdit, planMerge, planSplit, type OverrideDocument } from '../../../../functions/src/enrichment/organizations/plan-organization-changes.ts';
import { resolveOrganization } from '../../../../functions/src/enrichment/resolve-organization.ts';
import { DOTGOV_FIXTURE_PATH } from '../../../../functions/src/registry/load-dotgov-registry.ts';
import { SCENARIO_ORGANIZATIONS } from '../../../../dev/tenant/cascadia-scenario.ts';

const registry = parseDotgovRegistry(readFileSync(DOTGOV_FIXTURE_PATH, 'utf8'));
const context = { tenantId: 't1', by: 'dana@cascadia.gov', now: '2026-09-01T10:00:00.000Z' };

function apply(entries: readonly OverrideDocument[], changes: readonly OverrideDocument[]): OverrideDocument[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const change of changes) byId.set(change.id, change);
  return [...byId.values()];
}

function view(id: string, entries: readonly OrganizationEntry[]) {
  const found = describeOrganization(id, entries, { registry });
  if (!found) throw new Error(`no organization ${id}`);
  return found;
}

describe('resolution order', () => {
  const directory: OverrideDocument[] = [
    { id: 'dir-seattle', tenantId: 't1', source: 'directory', name: 'Seattle Partners Desk', kind: 'city', domains: ['seattle.gov'] },
  ];

  it.each<[string, string, { name: string; kind: string; source: string; domain: string }]>([
    ['the directory before the registry', 'a@seattle.gov', { name: 'Seattle Partners Desk', kind: 'city', source: 'directory', domain: 'seattle.gov' }],
    ['the registry for a registered domain', 'a@austintexas.gov', { name: 'City of Austin', kind: 'city', source: 'dotgov', domain: 'austintexas.gov' }],
    ['the registry for a subdomain', 'a@mail.health.irs.gov', { name: 'Internal Revenue Service', kind: 'federal', source: 'dotgov', domain: 'irs.gov' }],
    ['a .us county', 'a@hr.co.orange.ca.us', { name: 'Orange County, CA', kind: 'county', source: 'domain-rule', domain: 'co.orange.ca.us' }],
    ['a .us school district', 'a@lakewood.k12.wa.us', { name: 'Lakewood School District, WA', kind: 'school-district', source: 'domain-rule', domain: 'lakewood.k12.wa.us' }],
    ['a .mil domain', 'a@mail.army.mil', { name: 'army.mil', kind: 'military', source: 'domain-rule', domain: 'army.mil' }],
    ['an .edu domain', 'a@cs.uw.edu', { name: 'uw.edu', kind: 'education', source: 'domain-rule', domain: 'uw.edu' }],
    ['the registrable domain of a .org', 'a@lists.example.org', { name: 'example.org', kind: 'unknown', source: 'domain', domain: 'example.org' }],
    ['the registrable domain under co.uk', 'a@mail.example.co.uk', { name: 'example.co.uk', kind: 'unknown', source: 'domain', domain: 'example.co.uk' }],
  ])('takes %s', (_case, email, expected) => {
    expect(resolveOrganization(email, directory, { registry })).toMatchObject(expected);
  });

  it.each(['a@gmail.com', 'a@mail.outlook.com', 'a@co.uk', 'a@gov', 'a@ac.uk'])('makes no organization of %s', (email) => {
    expect(resolveOrganization(email, directory, { registry })).toBeNull();
  });

  it('still resolves the demo tenant’s fictional organizations from its directory, none of them in the registry', () => {
    const demo: OrganizationEntry[] = SCENARIO_ORGANIZATIONS.map((org) => ({ name: org.name, kind: org.kind, domains: org.domains }));
    for (const org of SCENARIO_ORGANIZATIONS) {
      for (const domain of org.domains) {
        expect(registry.byDomain.has(domain)).toBe(false);
        expect(resolveOrganization(`someone@${domain}`, demo, { registry })).toMatchObject({ name: org.name, kind: org.kind, source: 'directory' });
      }
    }
  });

  it('accepts overrides passed apart from the directory, as manual entries', () => {
    const overrides: OrganizationEntry[] = [{ name: 'Austin Housing Office', kind: 'city', domains: ['housing.austintexas.gov'] }];
    expect(resolveOrganization('a@housing.austintexas.gov', directory, { registry, overrides })).toMatchObject({ name: 'Austin Housing Office', source: 'manual' });
    expect(resolveOrganization('a@austintexas.gov', directory, { registry, overrides })).toMatchObject({ name: 'City of Austin', source: 'dotgov' });
  });
});

describe('manual overrides', () => {
  it('edits a registry organization into a stored override with the same id, keeping its details unless the kind changes', () => {
    const renamed = planEdit(view('domain:irs.gov', []), { name: 'IRS' }, context);
    expect(renamed).toMatchObject({ id: 'domain:irs.gov', source: 'manual', name: 'IRS', kind: 'federal', detail: 'Federal · Executive', updatedBy: 'dana@cascadia.gov' });
    expect(resolveOrganization('a@irs.gov', [renamed], { registry })).toMatchObject({ id: 'domain:irs.gov', name: 'IRS', agency: 'Department of the Treasury' });
    const rekinded = planEdit(view('domain:example.org', []), { kind: 'nonprofit', name: 'Example Foundation' }, context);
    expect(resolveOrganization('a@www.example.org', [rekinded], { registry })).toMatchObject({ id: 'domain:example.org', name: 'Example Foundation', kind: 'nonprofit', kindLabel: 'Nonprofit' });
    expect(rekinded.history?.at(-1)).toMatchObject({ by: 'dana@cascadia.gov', action: 'edit', summary: 'name example.org → Example Foundation; kind unknown → nonprofit' });
  });

  it('merging B into A makes B’s domains and their subdomains resolve to A, and B’s id answer with A', () => {
    let entries: OverrideDocument[] = [];
    entries = apply(entries, planMerge(view('domain:cdc.gov', entries), view('domain:hhs.gov', entries), context));
    for (const email of ['a@cdc.gov', 'a@mail.cdc.gov', 'a@hhs.gov']) {
      expect(resolveOrganization(email, entries, { registry })).toMatchObject({ id: 'domain:hhs.gov', name: 'Office of the Secretary of Health and Human Services' });
    }
    expect(view('domain:cdc.gov', entries)).toMatchObject({ id: 'domain:hhs.gov', domains: ['hhs.gov', 'cdc.gov'] });
    // A merge of the merged-into organization carries the earlier merge along.
    entries = apply(entries, planMerge(view('domain:hhs.gov', entries), view('domain:irs.gov', entries), context));
    expect(resolveOrganization('a@cdc.gov', entries, { registry })?.id).toBe('domain:irs.gov');
    expect(view('domain:cdc.gov', entries).id).toBe('domain:irs.gov');
  });

  it('merges a directory organization too: its entry becomes a tombstone', () => {
    const entries: OverrideDocument[] = [
      { id: 'dir-a', tenantId: 't1', source: 'directory', name: 'Harbor Shelter', kind: 'nonprofit', domains: ['harborshelter.org'] },
      { id: 'dir-b', tenantId: 't1', source: 'directory', name: 'Harbor Shelter Foundation', kind: 'nonprofit', domains: ['harborfoundation.org'] },
    ];
    const after = apply(entries, planMerge(view('dir-b', entries), view('dir-a', entries), context));
    expect(resolveOrganization('a@harborfoundation.org', after, { registry })).toMatchObject({ id: 'dir-a', name: 'Harbor Shelter' });
    expect(after.find((entry) => entry.id === 'dir-b')).toMatchObject({ mergedInto: 'dir-a' });
  });

  it('a split domain wins over the directory entry, the merge and the registry that listed it', () => {
    const directory: OverrideDocument[] = [{ id: 'dir-state', tenantId: 't1', source: 'directory', name: 'State of Cascadia', kind: 'state', domains: ['cascadia.gov', 'transit.cascadia.gov'] }];
    let entries = apply(directory, planSplit({ domain: 'transit.cascadia.gov', name: 'Cascadia Transit', kind: 'state' }, directory, context));
    expect(resolveOrganization('a@ops.transit.cascadia.gov', entries, { registry })).toMatchObject({ id: 'split:transit.cascadia.gov', name: 'Cascadia Transit', source: 'manual' });
    expect(resolveOrganization('a@cascadia.gov', entries, { registry })?.name).toBe('State of Cascadia');

    entries = apply(entries, planMerge(view('domain:usa.gov', entries), view('domain:austintexas.gov', entries), context));
    expect(resolveOrganization('a@usa.gov', entries, { registry })?.id).toBe('domain:austintexas.gov');
    entries = apply(entries, planSplit({ domain: 'usa.gov', name: 'USAGov', kind: 'federal' }, entries, context));
    expect(resolveOrganization('a@usa.gov', entries, { registry })).toMatchObject({ id: 'split:usa.gov', name: 'USAGov' });
    expect(entries.find((entry) => entry.id === 'domain:austintexas.gov')?.domains).toEqual(['austintexas.gov']);

    entries = apply(entries, planSplit({ domain: 'health.irs.gov', name: 'IRS Health Unit', kind: 'federal' }, entries, context));
    expect(resolveOrganization('a@health.irs.gov', entries, { registry })?.name).toBe('IRS Health Unit');
    expect(resolveOrganization('a@irs.gov', entries, { registry })?.name).toBe('Internal Revenue Service');
  });

  it('the latest manual decision wins a tie on the same domain', () => {
    const older: OverrideDocument = { id: 'm1', tenantId: 't1', source: 'manual', name: 'Old', kind: 'private', domains: ['acme.com'], updatedAt: '2026-01-01T00:00:00Z' };
    const newer: OverrideDocument = { id: 'm2', tenantId: 't1', source: 'manual', name: 'New', kind: 'private', domains: ['acme.com'], updatedAt: '2026-02-01T00:00:00Z' };
    expect(resolveOrganization('a@acme.com', [newer, older])?.name).toBe('New');
    expect(resolveOrganization('a@acme.com', [older, newer])?.name).toBe('New');
  });

  it('finds nothing for an unknown stored id, a freemail domain id or another kind of id', () => {
    expect(describeOrganization('nope', [], { registry })).toBeNull();
    expect(describeOrganization('domain:gmail.com', [], { registry })).toBeNull();
    expect(describeOrganization('domain:', [], { registry })).toBeNull();
  });
});
