// Reading the audit trail, per group and per person (by person id, or by address for a card). There are only readers here: no route
// changes or deletes an entry. A person's trail shows only what the caller could see anyway:
// entries of groups and teams they are in, and changes to the person themselves.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import { personAuditQuerySchema, type groupAuditRoute } from '../../../shared/api/group-routes.ts';
import { AUDIT_PAGE_SIZE, type AuditEntry } from '../../../shared/domain/group.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import type { AuditDocument } from '../store/audit-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { findTeamAccess, requireCaller, requireGroupAccess, type Caller } from './group-access.ts';

function toAuditEntry(document: AuditDocument): AuditEntry {
  const { tenantId: _tenantId, docType: _docType, ...entry } = document;
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    groupId: entry.groupId,
    personId: entry.personId,
    teamId: entry.teamId,
    summary: entry.summary,
    before: entry.before,
    after: entry.after,
  };
}

export async function handleGroupAudit(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof groupAuditRoute>> {
  const caller = requireCaller(input);
  const { group } = await requireGroupAccess(services, caller, input.params.id ?? '', 'read');
  const entries = await services.repositories.audit.listForGroup(caller.tenantId, group.id, { limit: AUDIT_PAGE_SIZE });
  return { entries: entries.map(toAuditEntry) };
}

async function canSeeEntry(services: ApiServices, caller: Caller, entry: AuditDocument, cache: Map<string, boolean>): Promise<boolean> {
  const key = entry.groupId ? `group:${entry.groupId}` : entry.teamId ? `team:${entry.teamId}` : null;
  if (!key) return true;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let visible: boolean;
  if (entry.groupId) {
    const group = await services.repositories.groups.readGroup(caller.tenantId, entry.groupId);
    // A removed group's history stays with the team it was in when the entry was written.
    const teamId = group ? group.teamId : entry.teamId ?? undefined;
    visible = (await findTeamAccess(services, caller, teamId))?.role != null;
  } else {
    visible = (await findTeamAccess(services, caller, entry.teamId ?? undefined))?.role != null;
  }
  cache.set(key, visible);
  return visible;
}

async function listVisiblePersonAudit(services: ApiServices, caller: Caller, personId: string): Promise<RouteResponse<typeof groupAuditRoute>> {
  const entries = await services.repositories.audit.listForPerson(caller.tenantId, personId, { limit: AUDIT_PAGE_SIZE });
  const cache = new Map<string, boolean>();
  const visible: AuditDocument[] = [];
  for (const entry of entries) if (await canSeeEntry(services, caller, entry, cache)) visible.push(entry);
  return { entries: visible.map(toAuditEntry) };
}

export function handlePersonAudit(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof groupAuditRoute>> {
  const caller = requireCaller(input);
  return listVisiblePersonAudit(services, caller, input.params.personId ?? '');
}

/** The card's History: the same trail, found by the address the card shows. */
export function handlePersonAuditByEmail(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof groupAuditRoute>> {
  const caller = requireCaller(input);
  const { email } = personAuditQuerySchema.parse(input.query ?? {});
  return listVisiblePersonAudit(services, caller, makePersonId(caller.tenantId, email));
}
