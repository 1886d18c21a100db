// Participant order and de-duplication: sender, then To, then Cc; each address once; "you" marked.
import { orderParticipants } from '../../addin/src/taskpane/model/order-participants.ts';
import type { Participant } from '../../addin/src/office/participant.ts';

const p = (email: string, displayName = email): Participant => ({ email, displayName });

const cases: {
  name: string;
  mode?: 'read' | 'compose';
  from: Participant | null;
  to: Participant[];
  cc: Participant[];
  bcc?: Participant[];
  user: string | null;
  expected: { key: string; position: string; isSelf: boolean }[];
}[] = [
  {
    name: 'sender first, then To, then Cc',
    from: p('jess@state.gov'),
    to: [p('dana@state.gov'), p('ali@county.gov')],
    cc: [p('sam@shelter.org')],
    user: 'dana@state.gov',
    expected: [
      { key: 'jess@state.gov', position: 'from', isSelf: false },
      { key: 'dana@state.gov', position: 'to', isSelf: true },
      { key: 'ali@county.gov', position: 'to', isSelf: false },
      { key: 'sam@shelter.org', position: 'cc', isSelf: false },
    ],
  },
  {
    name: 'an address on To and Cc appears once, at its first place; case and spaces do not matter',
    from: p('Jess@State.gov'),
    to: [p(' jess@state.gov '), p('ali@county.gov')],
    cc: [p('ALI@county.gov'), p('sam@shelter.org')],
    user: null,
    expected: [
      { key: 'jess@state.gov', position: 'from', isSelf: false },
      { key: 'ali@county.gov', position: 'to', isSelf: false },
      { key: 'sam@shelter.org', position: 'cc', isSelf: false },
    ],
  },
  {
    name: 'the signed-in user is kept and marked, even as the sender',
    from: p('DANA@state.gov'),
    to: [p('jess@state.gov')],
    cc: [],
    user: 'dana@state.gov',
    expected: [
      { key: 'dana@state.gov', position: 'from', isSelf: true },
      { key: 'jess@state.gov', position: 'to', isSelf: false },
    ],
  },
  {
    name: 'no sender (a draft) starts with To',
    from: null,
    to: [p('jess@state.gov')],
    cc: [p('sam@shelter.org')],
    user: 'dana@state.gov',
    expected: [
      { key: 'jess@state.gov', position: 'to', isSelf: false },
      { key: 'sam@shelter.org', position: 'cc', isSelf: false },
    ],
  },
  { name: 'nobody at all', from: null, to: [], cc: [], user: 'dana@state.gov', expected: [] },
  {
    name: 'a draft shows who it is going to: To, Cc, Bcc, without its From (the writer)',
    mode: 'compose',
    from: p('dana@state.gov'),
    to: [p('jess@state.gov')],
    cc: [p('sam@shelter.org')],
    bcc: [p('ali@county.gov'), p('JESS@state.gov')],
    user: 'dana@state.gov',
    expected: [
      { key: 'jess@state.gov', position: 'to', isSelf: false },
      { key: 'sam@shelter.org', position: 'cc', isSelf: false },
      { key: 'ali@county.gov', position: 'bcc', isSelf: false },
    ],
  },
  {
    name: 'a received message ignores any Bcc',
    from: p('jess@state.gov'),
    to: [],
    cc: [],
    bcc: [p('ali@county.gov')],
    user: 'dana@state.gov',
    expected: [{ key: 'jess@state.gov', position: 'from', isSelf: false }],
  },
];

describe('orderParticipants', () => {
  it.each(cases)('$name', ({ mode, from, to, cc, bcc, user, expected }) => {
    const ordered = orderParticipants({ item: { mode, from, to, cc, bcc }, userEmail: user });
    expect(ordered.map(({ key, position, isSelf }) => ({ key, position, isSelf }))).toEqual(expected);
  });

  it('keeps the display name as Outlook reported it', () => {
    const [first] = orderParticipants({ item: { from: p('jess@state.gov', 'Jess Morgan'), to: [], cc: [] }, userEmail: null });
    expect(first?.displayName).toBe('Jess Morgan');
  });
});
