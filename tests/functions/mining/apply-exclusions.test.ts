// Exclusions applied to one interaction before it is stored.
import type { Interaction, InteractionParticipant } from '../../../shared/domain/interaction.ts';
import { createExclusionMatcher, excludeParticipants } from '../../../functions/src/mining/apply-exclusions.ts';

const OWNER = 'dana@housing.example.gov';
const p = (email: string, role: InteractionParticipant['role']): InteractionParticipant => ({ email, displayName: '', role });

function email(from: string, to: string[]): Interaction {
  return {
    id: 'i1', tenantId: 't', ownerKey: `t|${OWNER}`, ownerEmail: OWNER, kind: 'email', at: '2026-11-01T00:00:00.000Z',
    direction: from === OWNER ? 'sent' : 'received', subject: 's', threadId: null, seriesKey: null, meetingKey: null,
    participants: [p(from, 'from'), ...to.map((t) => p(t, 'to'))], bulk: false, cancelled: false, source: { folder: 'mail:inbox', graphId: 'g' },
  };
}

describe('createExclusionMatcher', () => {
  const matcher = createExclusionMatcher([{ addresses: ['pat@partner.org'], domains: ['county.example.gov'] }, { addresses: [], domains: ['lawfirm.com'] }]);
  it.each([
    ['an excluded address', 'pat@partner.org', true],
    ['another address at the same domain', 'sam@partner.org', false],
    ['an excluded domain', 'lee@county.example.gov', true],
    ['a subdomain of an excluded domain', 'lee@mail.county.example.gov', true],
    ['a domain that only ends with the same letters', 'lee@othercounty.example.gov', false],
    ['the parent of an excluded domain', 'lee@example.gov', false],
    ['a domain from the second list', 'ann@lawfirm.com', true],
  ])('%s → %s', (_name, address, excluded) => {
    expect(matcher.matches(address)).toBe(excluded);
  });
});

describe('excludeParticipants', () => {
  const matcher = createExclusionMatcher([{ addresses: ['pat@partner.org'], domains: [] }]);
  it('keeps an interaction untouched when no one is excluded', () => {
    const item = email(OWNER, ['sam@partner.org']);
    expect(excludeParticipants(item, matcher)).toBe(item);
  });
  it('drops an item the excluded person sent', () => {
    expect(excludeParticipants(email('pat@partner.org', [OWNER]), matcher)).toBeNull();
  });
  it('drops an item when no one but the owner would remain', () => {
    expect(excludeParticipants(email(OWNER, ['pat@partner.org']), matcher)).toBeNull();
  });
  it('removes only the excluded recipient when others remain', () => {
    const kept = excludeParticipants(email(OWNER, ['pat@partner.org', 'sam@partner.org']), matcher);
    expect(kept?.participants.map((x) => x.email)).toEqual([OWNER, 'sam@partner.org']);
  });
  it('never excludes the mailbox owner from their own mailbox', () => {
    const own = createExclusionMatcher([{ addresses: [OWNER], domains: [] }]);
    expect(excludeParticipants(email(OWNER, ['sam@partner.org']), own)?.participants).toHaveLength(2);
  });
});
