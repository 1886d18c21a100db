// Working groups from mail: a stable cross-organization recipient set is found; coincidences,
// one-organization teams, one busy week and bulk mail are not.
import { collectMessages } from '../../../../functions/src/enrichment/networks/collect-messages.ts';
import { inferRecipientSetGroups } from '../../../../functions/src/enrichment/networks/infer-recipient-set-groups.ts';
import { email, organizationOfDomain, weekAt } from './ledger-fixtures.ts';

const jess = 'jess@state.gov';
const pat = 'pat@county.gov';
const sam = 'sam@shelter.org';
const ana = 'ana@state.gov';
const lee = 'lee@state.gov';

function infer(ledger: ReturnType<typeof email>[]) {
  return inferRecipientSetGroups(collectMessages(ledger), { organizationOf: organizationOfDomain, excluded: new Set() });
}

/** `count` threads among `people`, one a week from `firstWeek` (or all in one week). */
function threads(prefix: string, people: string[], count: number, options: { sameWeek?: boolean; bulk?: boolean; firstWeek?: number } = {}) {
  return Array.from({ length: count }, (_, i) =>
    email({
      owner: people[0]!,
      from: people[0]!,
      to: people.slice(1),
      thread: `${prefix}${i}`,
      at: options.sameWeek ? weekAt(0, i % 5) : weekAt((options.firstWeek ?? 0) + i),
      ...(options.bulk ? { bulk: true } : {}),
    }),
  );
}

describe('inferRecipientSetGroups', () => {
  it.each([
    { name: 'a stable three-organization set over six weeks', ledger: threads('a', [jess, pat, sam], 6), expected: [[jess, pat, sam].sort()] },
    { name: 'one organization only', ledger: threads('a', [jess, ana, lee], 6), expected: [] },
    { name: 'only two people', ledger: threads('a', [jess, pat], 6), expected: [] },
    { name: 'too few threads', ledger: threads('a', [jess, pat, sam], 3), expected: [] },
    { name: 'all in one week', ledger: threads('a', [jess, pat, sam], 6, { sameWeek: true }), expected: [] },
    { name: 'bulk mail', ledger: threads('a', [jess, pat, sam], 6, { bulk: true }), expected: [] },
  ])('$name', ({ ledger, expected }) => {
    expect(infer(ledger).map((group) => group.members)).toEqual(expected);
  });

  it('rejects a set that is a small share of its members’ threads (a coincidence of busy people)', () => {
    const ledger = [
      ...threads('group', [jess, pat, sam], 4),
      // Pat and Sam each write with plenty of other people: the four shared threads are chance.
      ...Array.from({ length: 20 }, (_, i) => email({ owner: jess, from: pat, to: [jess, `p${i}@elsewhere.org`], thread: `p${i}`, at: weekAt(i) })),
      ...Array.from({ length: 20 }, (_, i) => email({ owner: jess, from: sam, to: [jess, `s${i}@other.org`], thread: `s${i}`, at: weekAt(i) })),
    ];
    expect(infer(ledger)).toEqual([]);
  });

  it('finds the core set when each thread adds a different outsider, and counts a message held by two mailboxes once', () => {
    const ledger = Array.from({ length: 5 }, (_, i) => [
      email({ owner: jess, from: jess, to: [pat, sam], cc: [`guest${i}@visitor.org`], thread: `t${i}`, at: weekAt(i) }),
      // The same message again, in Ana's mailbox: one message, not two.
      email({ owner: ana, from: jess, to: [pat, sam], cc: [`guest${i}@visitor.org`, ana], thread: `t${i}`, at: weekAt(i) }),
    ]).flat();
    const found = infer(ledger);
    expect(found.map((group) => group.members)).toEqual([[jess, pat, sam].sort()]);
    expect(found[0]).toMatchObject({ threads: 5, weeks: 5 });
    expect(found[0]!.messagesSent[jess]).toBe(5);
  });
});
