// Networks: Louvain on the co-occurrence graph finds two obvious communities, and finds the
// same ones every run (seeded), whatever order the ledger arrives in.
import { buildCoOccurrenceEdges, findCommunities, type CoOccurrenceEdge } from '../../../../functions/src/enrichment/networks/find-communities.ts';
import { collectMeetings, collectMessages } from '../../../../functions/src/enrichment/networks/collect-messages.ts';
import { email, meeting, weekAt } from './ledger-fixtures.ts';

const left = ['a1@north.gov', 'a2@north.gov', 'a3@river.org', 'a4@river.org'];
const right = ['b1@south.gov', 'b2@south.gov', 'b3@lake.org', 'b4@lake.org'];

function clique(people: string[], weight: number): CoOccurrenceEdge[] {
  const edges: CoOccurrenceEdge[] = [];
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) edges.push({ a: people[i]!, b: people[j]!, weight });
  return edges;
}

const twoCommunities: CoOccurrenceEdge[] = [...clique(left, 10), ...clique(right, 10), { a: 'a1@north.gov', b: 'b1@south.gov', weight: 2 }];

describe('findCommunities', () => {
  it('finds two obvious communities joined by one weak tie', () => {
    expect(findCommunities(twoCommunities).map((c) => c.members)).toEqual([[...left].sort(), [...right].sort()]);
  });

  it('gives the same answer on every run and for any edge order', () => {
    const first = findCommunities(twoCommunities);
    for (let run = 0; run < 5; run++) expect(findCommunities(twoCommunities)).toEqual(first);
    expect(findCommunities([...twoCommunities].reverse())).toEqual(first);
  });

  it('leaves out ties lighter than the minimum weight', () => {
    expect(findCommunities([{ a: 'x@a.gov', b: 'y@b.gov', weight: 1 }])).toEqual([]);
  });
});

describe('buildCoOccurrenceEdges', () => {
  it('weighs pairs by shared messages and meetings, once per message however many mailboxes hold it, and skips bulk and excluded addresses', () => {
    const ledger = [
      email({ owner: 'a1@north.gov', from: 'a1@north.gov', to: ['a2@north.gov'], cc: ['list@lists.north.gov'], thread: 't', at: weekAt(0) }),
      email({ owner: 'a2@north.gov', from: 'a1@north.gov', to: ['a2@north.gov'], cc: ['list@lists.north.gov'], thread: 't', at: weekAt(0) }),
      email({ owner: 'a1@north.gov', from: 'news@paper.com', to: ['a1@north.gov', 'a2@north.gov'], thread: 'n', at: weekAt(1), bulk: true }),
      meeting({ owner: 'a1@north.gov', organizer: 'a1@north.gov', attendees: ['a2@north.gov', 'a3@river.org'], at: weekAt(2), key: 'm1' }),
      meeting({ owner: 'a2@north.gov', organizer: 'a1@north.gov', attendees: ['a2@north.gov', 'a3@river.org'], at: weekAt(2), key: 'm1' }),
    ];
    const edges = buildCoOccurrenceEdges(collectMessages(ledger), collectMeetings(ledger, { now: weekAt(10) }), { excluded: new Set(['list@lists.north.gov']) });
    expect(edges).toEqual([
      { a: 'a1@north.gov', b: 'a2@north.gov', weight: 2 },
      { a: 'a1@north.gov', b: 'a3@river.org', weight: 1 },
      { a: 'a2@north.gov', b: 'a3@river.org', weight: 1 },
    ]);
  });
});
