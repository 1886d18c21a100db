// Assembles one participant's card from the stored person, their memberships and the
// caller's own edge to them. Pure. Subjects come only from the caller's own edge; the team
// view carries other owners' scores, never their interactions.
import type { AttributeProvenance, KnownPersonCard, PersonCard, Role, TeamStrength } from '../../../shared/domain/person-card.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { historyAttributes } from '../enrichment/person-document.ts';
import { describeChanges } from '../enrichment/people/attribute-history.ts';
import { formatTermDate, isTermCurrent } from '../groups/membership-terms.ts';

const noStrength: KnownPersonCard['strength'] = {
  score: 0,
  label: 'None',
  emailsSent: 0,
  emailsReceived: 0,
  meetings: 0,
  lastInteractionAt: null,
};

/** One role per group: what a user typed in outranks what was inferred. Current roles first
 * (manual before inferred), then past ones (a term that has ended), each by group name. */
export function selectRoles(memberships: readonly MembershipDocument[], options: { today?: string } = {}): Role[] {
  const today = options.today ?? formatTermDate(new Date());
  const byGroup = new Map<string, MembershipDocument>();
  for (const membership of memberships) {
    const current = byGroup.get(membership.groupId);
    if (!current || (current.source === 'inferred' && membership.source === 'manual')) byGroup.set(membership.groupId, membership);
  }
  const rank = (m: MembershipDocument) => (isTermCurrent(m, today) ? 0 : 2) + (m.source === 'manual' ? 0 : 1);
  return [...byGroup.values()]
    .sort((a, b) => rank(a) - rank(b) || a.groupName.localeCompare(b.groupName))
    .map((m) => ({
      groupId: m.groupId,
      group: m.groupName,
      groupKind: m.groupKind,
      role: m.role,
      source: m.source,
      ...(m.evidence ? { evidence: m.evidence } : {}),
      ...(m.start ? { start: m.start } : {}),
      ...(m.end ? { end: m.end } : {}),
      ...(isTermCurrent(m, today) ? {} : { past: true }),
    }));
}

export interface PersonCardExtras {
  /** Who else on the team knows the person best (person-team.ts); absent when not computed. */
  team?: TeamStrength[];
}

/** Each attribute the card shows, with where it came from and when it was first and last seen. */
export function describeProvenance(person: PersonDocument): AttributeProvenance[] {
  const described: AttributeProvenance[] = [];
  for (const attribute of historyAttributes) {
    const value = person[attribute];
    if (!value) continue;
    described.push({
      attribute,
      value: value.value,
      source: value.source,
      firstObservedAt: value.firstObservedAt ?? null,
      lastObservedAt: value.observedAt,
      confidence: value.confidence,
    });
  }
  return described;
}

export function buildPersonCard(
  email: string,
  person: PersonDocument | undefined,
  memberships: readonly MembershipDocument[],
  edge: EdgeDocument | undefined,
  extras: PersonCardExtras = {},
): PersonCard {
  if (!person) return { email, known: false };
  const changes = describeChanges(person.history ?? []);
  return {
    email,
    known: true,
    personId: person.id,
    displayName: person.displayName.value,
    title: person.title?.value ?? null,
    organization: person.organization,
    roles: selectRoles(memberships),
    strength: edge?.strength ?? noStrength,
    lastInteractions: edge?.lastInteractions ?? [],
    ...(person.email !== email ? { primaryEmail: person.email } : {}),
    ...(person.aliases?.length ? { aliases: person.aliases } : {}),
    department: person.department?.value ?? null,
    phone: person.phone?.value ?? null,
    office: person.office?.value ?? null,
    attributes: describeProvenance(person),
    ...(changes.length > 0 ? { attributeHistory: changes } : {}),
    ...(extras.team ? { team: extras.team } : {}),
  };
}
