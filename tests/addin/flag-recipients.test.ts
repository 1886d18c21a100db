// Compose mode's recipient flags: external (Outlook's recipientType first, else the domain
// against the user's own organization) and first contact (no interaction on record).
import type { PersonCard } from '../../shared/domain/person-card.ts';
import { flagRecipients, isExternalRecipient, isFirstContact } from '../../addin/src/taskpane/model/flag-recipients.ts';
import type { OrderedParticipant } from '../../addin/src/taskpane/model/order-participants.ts';
import { jessCard } from './fixtures/demo-people.ts';

const USER = 'dana.reyes@housing.cascadia.gov';
const recipient = (email: string, recipientType?: OrderedParticipant['recipientType']): OrderedParticipant => ({
  email,
  displayName: email,
  key: email,
  position: 'to',
  isSelf: email === USER,
  ...(recipientType ? { recipientType } : {}),
});

describe('isExternalRecipient', () => {
  it.each([
    { email: 'jess.morgan@housing.cascadia.gov', type: undefined, external: false, why: 'same domain' },
    { email: 'ana@health.cascadia.gov', type: undefined, external: false, why: 'another agency under the same parent domain' },
    { email: 'ana@cascadia.gov', type: undefined, external: false, why: 'the parent domain itself' },
    { email: 'lee@orcacounty-cascadia.gov', type: undefined, external: true, why: 'a different registered domain' },
    { email: 'someone@gmail.com', type: undefined, external: true, why: 'freemail' },
    { email: 'lee@orcacounty-cascadia.gov', type: 'user', external: false, why: "Outlook says it is in the organization's directory" },
    { email: 'jess.morgan@housing.cascadia.gov', type: 'externalUser', external: true, why: 'Outlook says external, whatever the domain' },
    { email: USER, type: 'externalUser', external: false, why: 'never yourself' },
  ] as const)('$email ($why) → $external', ({ email, type, external }) => {
    expect(isExternalRecipient(recipient(email, type), USER)).toBe(external);
  });

  it('does not lump different organizations under a registry suffix together', () => {
    expect(isExternalRecipient(recipient('a@fabrikam.co.uk'), 'me@contoso.co.uk')).toBe(true);
    expect(isExternalRecipient(recipient('a@mail.contoso.co.uk'), 'me@contoso.co.uk')).toBe(false);
  });
});

describe('isFirstContact', () => {
  const never: PersonCard = { ...jessCard, strength: { score: 0, label: 'None', emailsSent: 0, emailsReceived: 0, meetings: 0, lastInteractionAt: null } };
  it.each([
    { name: 'an unknown address', card: { email: 'x@y.org', known: false } as PersonCard, first: true },
    { name: 'a known person the user never wrote to or met', card: never, first: true },
    { name: 'someone with interactions', card: jessCard, first: false },
  ])('$name → $first', ({ card, first }) => {
    expect(isFirstContact(card)).toBe(first);
  });
});

describe('flagRecipients', () => {
  it('flags each recipient, leaves the user unflagged, and waits for a card before saying first contact', () => {
    const participants = [recipient('jess.morgan@housing.cascadia.gov'), recipient('new@shelternorth.org'), recipient(USER), recipient('pending@county.gov')];
    const cards = new Map<string, PersonCard>([
      ['jess.morgan@housing.cascadia.gov', jessCard],
      ['new@shelternorth.org', { email: 'new@shelternorth.org', known: false }],
      [USER, { email: USER, known: false }],
    ]);
    const flagged = flagRecipients({ participants, cards, userEmail: USER });
    expect(flagged.map((p) => [p.key, p.flags])).toEqual([
      ['jess.morgan@housing.cascadia.gov', { external: false, firstContact: false }],
      ['new@shelternorth.org', { external: true, firstContact: true }],
      [USER, undefined],
      ['pending@county.gov', { external: true, firstContact: false }],
    ]);
  });
});
