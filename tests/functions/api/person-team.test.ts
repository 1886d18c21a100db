// The team view: who else knows this person best, strongest first, aggregates only.
import { rankTeam, TEAM_VIEW_SIZE } from '../../../functions/src/api/person-team.ts';
import type { EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import { labelStrength } from '../../../functions/src/enrichment/build-edges.ts';

const JESS = 'jess.morgan@housing.cascadia.gov';
const COUNTY = 'jmorgan@orcacounty-cascadia.gov';
const DANA = 'dana.reyes@housing.cascadia.gov';

const edge = (owner: string, contact: string, score: number): EdgeDocument => ({
  id: `${owner}>${contact}`,
  tenantId: 't',
  ownerEmail: owner,
  contactEmail: contact,
  strength: { score, label: labelStrength(score), emailsSent: 1, emailsReceived: 1, meetings: 0, lastInteractionAt: null },
  lastInteractions: [{ at: '2026-11-01T00:00:00.000Z', kind: 'email', direction: 'sent', subject: `secret of ${owner}` }],
});

const names = new Map([
  ['marcus.lee@housing.cascadia.gov', 'Marcus Lee'],
  ['alicia.brandt@health.cascadia.gov', 'Alicia Brandt'],
  ['priya.nair@housing.cascadia.gov', 'Priya Nair'],
]);

describe('rankTeam', () => {
  const rank = (edges: EdgeDocument[]) =>
    rankTeam({ edges, addresses: new Set([JESS, COUNTY]), excluded: new Set([DANA, JESS, COUNTY]), displayNameOf: (e) => names.get(e) });

  it('ranks owners by score, ties by name, without the caller, the person or subjects', () => {
    const team = rank([
      edge(DANA, JESS, 90),
      edge('marcus.lee@housing.cascadia.gov', JESS, 40),
      edge('alicia.brandt@health.cascadia.gov', JESS, 70),
      edge('priya.nair@housing.cascadia.gov', JESS, 40),
      edge(JESS, COUNTY, 99),
    ]);
    expect(team).toEqual([
      { email: 'alicia.brandt@health.cascadia.gov', displayName: 'Alicia Brandt', score: 70, label: 'Strong' },
      { email: 'marcus.lee@housing.cascadia.gov', displayName: 'Marcus Lee', score: 40, label: 'Moderate' },
      { email: 'priya.nair@housing.cascadia.gov', displayName: 'Priya Nair', score: 40, label: 'Moderate' },
    ]);
    expect(JSON.stringify(team)).not.toContain('secret');
  });

  it.each<[string, EdgeDocument[], { email: string; score: number }[]]>([
    ['takes an owner once, at their strongest address', [edge('marcus.lee@housing.cascadia.gov', JESS, 20), edge('marcus.lee@housing.cascadia.gov', COUNTY, 55)], [{ email: 'marcus.lee@housing.cascadia.gov', score: 55 }]],
    ['leaves out a score of 0', [edge('marcus.lee@housing.cascadia.gov', JESS, 0)], []],
    ['ignores edges to other people', [edge('marcus.lee@housing.cascadia.gov', 'someone@else.gov', 80)], []],
    ['falls back to the address for a name', [edge('kevin.tran@housing.cascadia.gov', JESS, 10)], [{ email: 'kevin.tran@housing.cascadia.gov', score: 10 }]],
  ])('%s', (_case, edges, expected) => {
    expect(rank(edges).map(({ email, score }) => ({ email, score }))).toEqual(expected);
  });

  it(`shows at most ${TEAM_VIEW_SIZE}`, () => {
    const many = Array.from({ length: 9 }, (_, i) => edge(`owner${i}@housing.cascadia.gov`, JESS, 10 + i));
    const team = rank(many);
    expect(team).toHaveLength(TEAM_VIEW_SIZE);
    expect(team[0]).toMatchObject({ email: 'owner8@housing.cascadia.gov', displayName: 'owner8@housing.cascadia.gov', score: 18 });
  });
});
