// Which memberships the network map may show the caller: a role in a private team's group is
// that team's business (as on a card, see api/lookup-handler.ts), and a past term is history,
// not the network as it is today. Pure.
import { TENANT_TEAM_ID } from '../../../shared/domain/group.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import { isTermCurrent } from '../groups/membership-terms.ts';

export interface MembershipVisibility {
  /** The teams the caller belongs to. */
  callerTeamIds: ReadonlySet<string>;
  /** "YYYY-MM-DD" (groups/membership-terms.ts). */
  today: string;
}

export function isMembershipVisible(membership: Pick<MembershipDocument, 'teamId' | 'end'>, options: MembershipVisibility): boolean {
  const teamId = membership.teamId;
  const teamVisible = teamId === undefined || teamId === TENANT_TEAM_ID || options.callerTeamIds.has(teamId);
  return teamVisible && isTermCurrent(membership, options.today);
}

export function filterVisibleMemberships<M extends Pick<MembershipDocument, 'teamId' | 'end'>>(memberships: readonly M[], options: MembershipVisibility): M[] {
  return memberships.filter((membership) => isMembershipVisible(membership, options));
}
