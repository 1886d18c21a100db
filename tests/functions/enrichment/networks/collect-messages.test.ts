// The tenant's messages and meetings, each once however many mailboxes hold a copy; enrichment
// adds mailboxes one at a time and must get what collecting them all together gives.
import {
  collectMeetings,
  collectMessages,
  createTenantLedgerCollector,
} from '../../../../functions/src/enrichment/networks/collect-messages.ts';
import { email, meeting, weekAt } from './ledger-fixtures.ts';

const jess = 'jess@state.gov';
const pat = 'pat@county.gov';
const sam = 'sam@shelter.org';
const now = weekAt(10);

const jessMailbox = [
  email({ owner: jess, from: jess, to: [pat], cc: [sam], thread: 't1', at: weekAt(1) }),
  email({ owner: jess, from: pat, to: [jess], thread: 't1', at: weekAt(2) }),
  meeting({ owner: jess, organizer: jess, attendees: [pat, sam], at: weekAt(3), key: 'm1', series: 's1' }),
  meeting({ owner: jess, organizer: jess, attendees: [pat], at: weekAt(12), key: 'later' }),
];
const patMailbox = [
  // Pat's copies of the same message and meeting.
  email({ owner: pat, from: jess, to: [pat], cc: [sam], thread: 't1', at: weekAt(1) }),
  email({ owner: pat, from: pat, to: [jess], thread: 't1', at: weekAt(2) }),
  meeting({ owner: pat, organizer: jess, attendees: [pat, sam], at: weekAt(3), key: 'm1', series: 's1' }),
  email({ owner: pat, from: sam, to: [pat], thread: 't2', at: weekAt(0) }),
];

describe('collecting the tenant ledger', () => {
  it('keeps one record per message and meeting, naming every mailbox that holds the message', () => {
    const messages = collectMessages([...jessMailbox, ...patMailbox]);
    expect(messages.map((m) => [m.threadId, m.from, m.holders])).toEqual([
      ['t2', sam, [pat]],
      ['t1', jess, [jess, pat]],
      ['t1', pat, [jess, pat]],
    ]);
    expect(messages[1]!.recipients).toEqual([pat, sam]);
    // Held meetings only: the one still to come is a plan.
    expect(collectMeetings([...jessMailbox, ...patMailbox], { now }).map((m) => [m.key, m.attendees])).toEqual([['m1', [jess, pat, sam]]]);
  });

  it('gives the same records when mailboxes are added one at a time', () => {
    const collector = createTenantLedgerCollector({ now });
    collector.add(jessMailbox);
    collector.add(patMailbox);
    expect(collector.finish()).toEqual({
      messages: collectMessages([...jessMailbox, ...patMailbox]),
      meetings: collectMeetings([...jessMailbox, ...patMailbox], { now }),
    });
  });
});
