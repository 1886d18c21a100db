// .us locality domains (RFC 1480): counties, cities, school districts and state agencies, named
// from the labels; hosts outside the locality namespace are not claimed.
import { classifyUsLocality } from '../../../../functions/src/enrichment/organizations/classify-us-locality.ts';

describe('classifyUsLocality', () => {
  it.each<[string, { name: string; kind: string; domain: string; state?: string }]>([
    ['co.orange.ca.us', { name: 'Orange County, CA', kind: 'county', domain: 'co.orange.ca.us', state: 'CA' }],
    ['mail.co.orange.ca.us', { name: 'Orange County, CA', kind: 'county', domain: 'co.orange.ca.us' }],
    ['co.san-diego.ca.us', { name: 'San Diego County, CA', kind: 'county', domain: 'co.san-diego.ca.us' }],
    ['ci.austin.tx.us', { name: 'City of Austin, TX', kind: 'city', domain: 'ci.austin.tx.us' }],
    ['austin.tx.us', { name: 'City of Austin, TX', kind: 'city', domain: 'austin.tx.us' }],
    ['police.austin.tx.us', { name: 'City of Austin, TX', kind: 'city', domain: 'austin.tx.us' }],
    ['town.acton.ma.us', { name: 'Town of Acton, MA', kind: 'city', domain: 'town.acton.ma.us' }],
    ['k12.wa.us', { name: 'K-12 schools, WA', kind: 'school-district', domain: 'k12.wa.us' }],
    ['lakewood.k12.wa.us', { name: 'Lakewood School District, WA', kind: 'school-district', domain: 'lakewood.k12.wa.us' }],
    ['staff.lakewood.k12.wa.us', { name: 'Lakewood School District, WA', kind: 'school-district', domain: 'lakewood.k12.wa.us' }],
    ['dot.state.tx.us', { name: 'State of Texas · DOT', kind: 'state', domain: 'dot.state.tx.us', state: 'TX' }],
    ['mail.dot.state.tx.us', { name: 'State of Texas · DOT', kind: 'state', domain: 'dot.state.tx.us' }],
    ['state.tx.us', { name: 'State of Texas', kind: 'state', domain: 'state.tx.us' }],
    ['pima.cc.az.us', { name: 'Pima Community College, AZ', kind: 'education', domain: 'pima.cc.az.us' }],
  ])('%s', (host, expected) => {
    expect(classifyUsLocality(host)).toMatchObject({ ...expected, source: 'domain-rule' });
  });

  it.each(['example.us', 'co.orca.cascadia.us', 'example.com', 'ca.us', 'austin.tx.gov'])('does not claim %s', (host) => {
    expect(classifyUsLocality(host)).toBeNull();
  });
});
