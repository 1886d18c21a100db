// Turns an "add this person with this role" request into the membership to store, and says
// what happened: added, already a member (nothing changed), or updated (role, term or notes).
// Pure; the handler writes the outcome with create-or-conditional-replace, so concurrent adds
// of one person meet on one document.
import type { MemberTerm } from '../../../shared/domain/group.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { findTermProblem, formatTermDate, isTermCurrent } from './membership-terms.ts';

export interface MemberRequest {
  email: string;
  role: string;
  start?: string;
  end?: string | null;
  notes?: string;
}

export type MergeOutcome =
  | { result: 'added' | 'already-member' | 'updated'; document: MembershipDocument; previous?: MemberTerm }
  | { result: 'invalid'; problem: string };

/** The id of a person's manual membership of a group: the same for every writer, so two people
 * adding the same member at once land on one document. */
export function makeManualMembershipId(tenantId: string, groupId: string, email: string): string {
  return makeStableId(tenantId, 'membership', groupId, email, 'manual');
}

export function describeTerm(membership: MembershipDocument): MemberTerm {
  return { role: membership.role, start: membership.start ?? null, end: membership.end ?? null, notes: membership.notes ?? null };
}

function sameTerm(a: MemberTerm, b: MemberTerm): boolean {
  return a.role === b.role && a.start === b.start && a.end === b.end && a.notes === b.notes;
}

/** Fields every write refreshes from the group, so a card shows its current name and kind. */
function groupFields(group: GroupDocument) {
  return { groupId: group.id, groupName: group.name, groupKind: group.kind, ...(group.teamId ? { teamId: group.teamId } : {}) };
}

export function mergeMemberRequest(options: {
  tenantId: string;
  group: GroupDocument;
  existing: MembershipDocument | null;
  request: MemberRequest;
  actor: string;
  now: Date;
}): MergeOutcome {
  const { tenantId, group, existing, request, actor, now } = options;
  const today = formatTermDate(now);
  const at = now.toISOString();
  if (!existing) {
    const term: MemberTerm = { role: request.role, start: request.start ?? today, end: request.end ?? null, notes: request.notes || null };
    const problem = findTermProblem(term);
    if (problem) return { result: 'invalid', problem };
    return {
      result: 'added',
      document: {
        id: makeManualMembershipId(tenantId, group.id, request.email),
        tenantId,
        docType: 'membership',
        ...groupFields(group),
        email: request.email,
        personId: makePersonId(tenantId, request.email),
        ...term,
        source: 'manual',
        addedBy: actor,
        addedAt: at,
      },
    };
  }
  const previous = describeTerm(existing);
  // Re-adding someone whose term has ended starts a new term, unless the request says otherwise.
  const rejoins = !isTermCurrent(existing, today) && request.end === undefined;
  const term: MemberTerm = {
    role: request.role,
    start: request.start ?? (rejoins ? today : previous.start),
    end: request.end !== undefined ? request.end : rejoins ? null : previous.end,
    notes: request.notes !== undefined ? request.notes || null : previous.notes,
  };
  const problem = findTermProblem(term);
  if (problem) return { result: 'invalid', problem };
  const { _etag: _ignored, ...stored } = existing;
  if (sameTerm(term, previous)) {
    return { result: 'already-member', document: { ...stored, ...groupFields(group), personId: makePersonId(tenantId, existing.email) } };
  }
  return {
    result: 'updated',
    previous,
    document: { ...stored, ...groupFields(group), personId: makePersonId(tenantId, existing.email), ...term, updatedBy: actor, updatedAt: at },
  };
}

export interface MemberPatch {
  role?: string;
  start?: string;
  end?: string | null;
  notes?: string | null;
}

/** Applies a PATCH to a stored membership; null document when nothing would change. */
export function applyMemberPatch(options: {
  existing: MembershipDocument;
  patch: MemberPatch;
  actor: string;
  now: Date;
}): { document: MembershipDocument | null; problem: string | null } {
  const { existing, patch } = options;
  const previous = describeTerm(existing);
  const term: MemberTerm = {
    role: patch.role ?? previous.role,
    start: patch.start ?? previous.start,
    end: patch.end !== undefined ? patch.end : previous.end,
    notes: patch.notes !== undefined ? patch.notes || null : previous.notes,
  };
  const problem = findTermProblem(term);
  if (problem) return { document: null, problem };
  if (sameTerm(term, previous)) return { document: null, problem: null };
  const { _etag: _ignored, ...stored } = existing;
  return { document: { ...stored, ...term, updatedBy: options.actor, updatedAt: options.now.toISOString() }, problem: null };
}

/** "4 added to Shelter Network; 1 was already a member; 1 updated". */
export function summarizeAddResults(groupName: string, results: readonly { result: 'added' | 'already-member' | 'updated' }[]): string {
  const count = (kind: string) => results.filter((r) => r.result === kind).length;
  const added = count('added');
  const already = count('already-member');
  const updated = count('updated');
  const parts = [`${added} added to ${groupName}`];
  if (already > 0) parts.push(`${already} ${already === 1 ? 'was' : 'were'} already ${already === 1 ? 'a member' : 'members'}`);
  if (updated > 0) parts.push(`${updated} updated`);
  return parts.join('; ');
}
