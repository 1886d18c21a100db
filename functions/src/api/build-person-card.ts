// Assembles one participant's card from the stored person, their memberships and the
// caller's own edge to them. Pure. Subjects come only from the caller's own edge.
import type { KnownPersonCard, PersonCard, Role } from '../../../shared/domain/person-card.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';

const noStrength: KnownPersonCard['strength'] = {
  score: 0,
  label: 'None',
  emailsSent: 0,
  emailsReceived: 0,
  meetings: 0,
  lastInteractionAt: null,
};

/** One role per group: what a user typed in outranks what was inferred. Manual roles first. */
export function selectRoles(memberships: readonly MembershipDocument[]): Role[] {
  const byGroup = new Map<string, MembershipDocument>();
  for (const membership of memberships) {
    const current = byGroup.get(membership.groupId);
    if (!current || (current.source === 'inferred' && membership.source === 'manual')) byGroup.set(membership.groupId, membership);
  }
  return [...byGroup.values()]
    .sort((a, b) => (a.source === b.source ? a.groupName.localeCompare(b.groupName) : a.source === 'manual' ? -1 : 1))
    .map((m) => ({
      groupId: m.groupId,
      group: m.groupName,
      groupKind: m.groupKind,
      role: m.role,
      source: m.source,
      ...(m.evidence ? { evidence: m.evidence } : {}),
    }));
}

export function buildPersonCard(
  email: string,
  person: PersonDocument | undefined,
  memberships: readonly MembershipDocument[],
  edge: EdgeDocument | undefined,
): PersonCard {
  if (!person) return { email, known: false };
  return {
    email,
    known: true,
    displayName: person.displayName.value,
    title: person.title?.value ?? null,
    organization: person.organization,
    roles: selectRoles(memberships),
    strength: edge?.strength ?? noStrength,
    lastInteractions: edge?.lastInteractions ?? [],
  };
}
