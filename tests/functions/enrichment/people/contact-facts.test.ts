// What contacts and Graph people entries contribute: work facts per address, a business phone
// only, no name; groups, lists and directory colleagues contribute nothing.
import { readContactFacts, readPersonFacts } from '../../../../functions/src/enrichment/people/contact-facts.ts';

describe('an Outlook contact', () => {
  it('gives each of its addresses the work facts, lower-cased, the first business phone', () => {
    expect(
      readContactFacts({
        id: 'c1',
        jobTitle: 'Shelter Director',
        companyName: 'Driftwood Harbor Shelter',
        department: 'Shelter Operations',
        officeLocation: null,
        businessPhones: ['', '+1 360 555 7000', '+1 360 555 7001'],
        emailAddresses: [{ name: 'Sam', address: 'Sam@DriftwoodHarbor.org' }, { address: 'sam.delgado@example.org' }, { address: 'not an address' }],
      }),
    ).toEqual([
      { email: 'sam@driftwoodharbor.org', title: 'Shelter Director', company: 'Driftwood Harbor Shelter', department: 'Shelter Operations', phone: '+1 360 555 7000', office: null },
      { email: 'sam.delgado@example.org', title: 'Shelter Director', company: 'Driftwood Harbor Shelter', department: 'Shelter Operations', phone: '+1 360 555 7000', office: null },
    ]);
  });

  it('says nothing when it holds no work fact, or no address', () => {
    expect(readContactFacts({ id: 'c2', emailAddresses: [{ address: 'someone@example.org' }], businessPhones: [] })).toEqual([]);
    expect(readContactFacts({ id: 'c3', jobTitle: 'Director', emailAddresses: [] })).toEqual([]);
  });
});

describe('a Graph people entry', () => {
  const entry = {
    id: 'p1',
    jobTitle: 'Executive Director',
    companyName: 'Fernridge Family Housing Collective',
    phones: [
      { type: 'mobile', number: '+1 206 555 1234' },
      { type: 'home', number: '+1 360 555 0101' },
      { type: 'business', number: '+1 360 555 4242' },
    ],
    scoredEmailAddresses: [{ address: 'ada.whitfield@fernridgecollective.org' }],
  };

  it('gives the business phone, never a mobile or home one', () => {
    expect(readPersonFacts({ ...entry, personType: { class: 'Person', subclass: 'ImplicitContact' } })).toEqual([
      { email: 'ada.whitfield@fernridgecollective.org', title: 'Executive Director', company: 'Fernridge Family Housing Collective', department: null, phone: '+1 360 555 4242', office: null },
    ]);
    expect(readPersonFacts({ ...entry, phones: [{ type: 'mobile', number: '+1 206 555 1234' }] })[0]?.phone).toBeNull();
  });

  it.each([
    ['a distribution list', { class: 'Group', subclass: 'PublicDistributionList' }],
    ['a colleague from the directory (read from the directory itself)', { class: 'Person', subclass: 'OrganizationUser' }],
  ])('says nothing for %s', (_case, personType) => {
    expect(readPersonFacts({ ...entry, personType })).toEqual([]);
  });
});
