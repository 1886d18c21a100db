// Point of contact: per outside organization, the person the team exchanged the most distinct
// emails with; ties go to the more recent correspondent, then to the address.
import { collectMessages } from '../../../../functions/src/enrichment/networks/collect-messages.ts';
import { inferPointsOfContact } from '../../../../functions/src/enrichment/networks/infer-points-of-contact.ts';
import { email, organizationOfDomain, weekAt } from './ledger-fixtures.ts';

const owners = new Set(['jess@state.gov', 'dana@state.gov']);
const options = {
  owners,
  excluded: new Set<string>(),
  externalOrganizationOf: (address: string) => (address.endsWith('@state.gov') ? null : organizationOfDomain(address)),
};

/** `count` emails between a team member and `contact`, alternating direction, from `week` on. */
function exchange(contact: string, count: number, week = 0) {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? email({ owner: 'jess@state.gov', from: 'jess@state.gov', to: [contact], thread: `${contact}${i}`, at: weekAt(week + i) })
      : email({ owner: 'dana@state.gov', from: contact, to: ['dana@state.gov'], thread: `${contact}${i}`, at: weekAt(week + i) }),
  );
}

describe('inferPointsOfContact', () => {
  it.each([
    {
      name: 'the most-written-to person at each organization',
      ledger: [...exchange('pat@county.gov', 9), ...exchange('lee@county.gov', 6), ...exchange('sam@shelter.org', 5)],
      expected: [
        { organization: 'county.gov', email: 'pat@county.gov', emails: 9, runnerUpEmails: 6 },
        { organization: 'shelter.org', email: 'sam@shelter.org', emails: 5, runnerUpEmails: 0 },
      ],
    },
    {
      name: 'a tie goes to the more recent correspondent',
      ledger: [...exchange('old@county.gov', 6, 0), ...exchange('new@county.gov', 6, 10)],
      expected: [{ organization: 'county.gov', email: 'new@county.gov', emails: 6, runnerUpEmails: 6 }],
    },
    {
      name: 'a full tie goes to the first address',
      ledger: [...exchange('zed@county.gov', 6, 0), ...exchange('amy@county.gov', 6, 0)],
      expected: [{ organization: 'county.gov', email: 'amy@county.gov', emails: 6, runnerUpEmails: 6 }],
    },
    { name: 'too few emails', ledger: exchange('pat@county.gov', 4), expected: [] },
    {
      name: 'one-way mail (a newsletter editor nobody writes to)',
      ledger: Array.from({ length: 8 }, (_, i) => email({ owner: 'jess@state.gov', from: 'editor@weekly.com', to: ['jess@state.gov'], thread: `w${i}`, at: weekAt(i) })),
      expected: [],
    },
  ])('$name', ({ ledger, expected }) => {
    const found = inferPointsOfContact(collectMessages(ledger), options).map(({ lastAt: _lastAt, ...rest }) => rest);
    expect(found).toEqual(expected);
    expect(inferPointsOfContact(collectMessages([...ledger].reverse()), options).map(({ lastAt: _lastAt, ...rest }) => rest)).toEqual(expected);
  });

  it('counts a message the whole team received once, and ignores bulk mail and mail among outsiders', () => {
    const ledger = [
      ...exchange('pat@county.gov', 5),
      email({ owner: 'jess@state.gov', from: 'lee@county.gov', to: ['jess@state.gov', 'dana@state.gov'], thread: 'x', at: weekAt(1) }),
      email({ owner: 'dana@state.gov', from: 'lee@county.gov', to: ['jess@state.gov', 'dana@state.gov'], thread: 'x', at: weekAt(1) }),
      ...Array.from({ length: 6 }, (_, i) => email({ owner: 'jess@state.gov', from: 'lee@county.gov', to: ['jess@state.gov'], thread: `b${i}`, at: weekAt(i), bulk: true })),
      ...Array.from({ length: 6 }, (_, i) => email({ owner: 'jess@state.gov', from: 'lee@county.gov', to: ['sam@shelter.org'], cc: ['x@y.org'], thread: `o${i}`, at: weekAt(i) })),
    ];
    expect(inferPointsOfContact(collectMessages(ledger), options).map((c) => [c.email, c.emails])).toEqual([['pat@county.gov', 5]]);
  });
});
