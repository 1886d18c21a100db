// Type-ahead ranking: whole name, then its start, a whole word, a word's start, anywhere; ties
// by name; other keys (an address) count too.
import { rankMatches, scoreMatch } from '../../../functions/src/api/rank-search-matches.ts';

describe('scoreMatch', () => {
  it.each([
    ['Orca County', 'orca county', 0],
    ['Orca County', 'orca', 1],
    ['Jess Morgan', 'morgan', 2],
    ['Ana Morganti', 'morgan', 3],
    ['Amorgana', 'morgan', 4],
    ['Jess Morgan', 'xyz', null],
    ['State–County–Local Working Group', 'county', 2],
  ] as const)('%s for %s → %s', (name, text, expected) => {
    expect(scoreMatch(name, text)).toBe(expected);
  });
});

describe('rankMatches', () => {
  it('orders best first, ties by name, and caps the list', () => {
    const people = [
      { name: 'Ana Morganti', email: 'ana@x.org' },
      { name: 'Jess Morgan', email: 'jess@x.org' },
      { name: 'Morgan Lee', email: 'lee@x.org' },
      { name: 'Pat Okafor', email: 'morgan.p@x.org' },
      { name: 'Dana Reyes', email: 'dana@x.org' },
    ];
    const ranked = rankMatches(people, 'morgan', { keysOf: (p) => [p.name, p.email], limit: 3 });
    expect(ranked.map((p) => p.name)).toEqual(['Morgan Lee', 'Pat Okafor', 'Jess Morgan']);
  });
});
