// Distribution lists: list-like addresses, and addresses that never write but receive with an
// ever-changing crowd, are lists; a colleague who is copied a lot but writes back is a person.
import { collectMessages } from '../../../../functions/src/enrichment/networks/collect-messages.ts';
import { detectDistributionLists } from '../../../../functions/src/enrichment/networks/detect-distribution-lists.ts';
import { email, weekAt } from './ledger-fixtures.ts';

const owners = new Set(['jess@state.gov', 'dana@state.gov']);

describe('detectDistributionLists', () => {
  it('recognises a list-like address and who posts to it and receives it', () => {
    const ledger = [
      email({ owner: 'jess@state.gov', from: 'pat@county.gov', to: ['housing-partners@lists.state.gov'], thread: 'l1', at: weekAt(0), bulk: true }),
      email({ owner: 'dana@state.gov', from: 'sam@shelter.org', to: ['housing-partners@lists.state.gov'], thread: 'l2', at: weekAt(1), bulk: true }),
    ];
    expect(detectDistributionLists(collectMessages(ledger), { owners })).toEqual([
      {
        address: 'housing-partners@lists.state.gov',
        reason: 'list-address',
        messages: 2,
        posters: ['pat@county.gov', 'sam@shelter.org'],
        recipients: ['dana@state.gov', 'jess@state.gov'],
        since: weekAt(0),
      },
    ]);
  });

  it('recognises an address that never sends but receives with a different crowd each time', () => {
    const ledger = Array.from({ length: 10 }, (_, i) =>
      email({ owner: 'jess@state.gov', from: 'jess@state.gov', to: ['regional-coc@county.gov', `person${i}@org${i}.org`], thread: `r${i}`, at: weekAt(i) }),
    );
    expect(detectDistributionLists(collectMessages(ledger), { owners }).map((list) => [list.address, list.reason])).toEqual([
      ['regional-coc@county.gov', 'receive-only'],
    ]);
  });

  it.each([
    {
      name: 'a person copied a lot who writes back',
      ledger: [
        ...Array.from({ length: 10 }, (_, i) => email({ owner: 'jess@state.gov', from: 'jess@state.gov', to: ['pat@county.gov', `p${i}@org${i}.org`], thread: `r${i}`, at: weekAt(i) })),
        email({ owner: 'jess@state.gov', from: 'pat@county.gov', to: ['jess@state.gov'], thread: 'reply', at: weekAt(11) }),
      ],
    },
    {
      name: 'a quiet person always on the same small thread',
      ledger: Array.from({ length: 10 }, (_, i) => email({ owner: 'jess@state.gov', from: 'jess@state.gov', to: ['quiet@county.gov', 'sam@shelter.org'], thread: `r${i}`, at: weekAt(i) })),
    },
    {
      name: 'a no-reply robot (bulk, but not a list of people)',
      ledger: [email({ owner: 'jess@state.gov', from: 'jess@state.gov', to: ['no-reply@portal.gov'], thread: 'x', at: weekAt(0) })],
    },
  ])('does not call $name a list', ({ ledger }) => {
    expect(detectDistributionLists(collectMessages(ledger), { owners })).toEqual([]);
  });
});
