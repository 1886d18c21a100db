// Decides which existing group an inferred series belongs to. A board's monthly meeting, a
// coalition's check-in: when most of a series' regulars are already members of a group users
// made, the series is evidence for that group, not a new one. Pure.
import type { InferredGroup } from './infer-series-groups.ts';

export const groupMatching = {
  /** Share of a series' members who must already belong to a group for the series to be that group. */
  minMemberOverlap: 0.6,
} as const;

export interface ExistingGroup {
  id: string;
  name: string;
  members: ReadonlySet<string>;
}

export function matchInferredGroup(inferred: InferredGroup, existing: readonly ExistingGroup[]): ExistingGroup | null {
  const sameName = existing.find((group) => group.name.trim().toLowerCase() === inferred.name.trim().toLowerCase());
  if (sameName) return sameName;
  let best: { group: ExistingGroup; overlap: number } | null = null;
  for (const group of existing) {
    if (group.members.size === 0) continue;
    const shared = inferred.members.filter((member) => group.members.has(member.email)).length;
    const overlap = shared / inferred.members.length;
    if (overlap >= groupMatching.minMemberOverlap && (!best || overlap > best.overlap)) best = { group, overlap };
  }
  return best?.group ?? null;
}
