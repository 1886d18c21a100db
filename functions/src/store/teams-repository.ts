// Teams: who shares a set of groups, and as what (owner / editor / viewer). Stored in the groups
// container (docType 'team', partition /tenantId) beside the groups they govern; a team's
// members are few, so they live in the team document and change under its etag.
import type { JSONObject } from '@azure/cosmos';
import type { TeamMember } from '../../../shared/domain/group.ts';
import { AppError } from '../errors/app-error.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface TeamDocument {
  id: string;
  tenantId: string;
  docType: 'team';
  name: string;
  kind: 'personal' | 'shared';
  members: TeamMember[];
  /** The members' addresses, for finding a user's teams in one query. */
  memberEmails: string[];
  createdBy: string;
  createdAt: string;
  _etag?: string;
}

export interface TeamsRepository {
  readTeam(tenantId: string, teamId: string): Promise<TeamDocument | null>;
  listTeamsOf(tenantId: string, email: string): Promise<TeamDocument[]>;
  /** 'exists' when a team with this id is already there (a personal team made concurrently). */
  createTeam(team: TeamDocument): Promise<TeamDocument | 'exists'>;
  /** 'conflict' when the team changed since `etag`. */
  replaceTeam(team: TeamDocument, etag: string): Promise<TeamDocument | 'conflict'>;
}

function withoutSystemFields<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export function createTeamsRepository(store: Pick<CosmosStore, 'groups'>): TeamsRepository {
  const container = store.groups;
  return {
    async readTeam(tenantId, teamId) {
      const { resource, requestCharge } = await container.item(teamId, tenantId).read<TeamDocument & JSONObject>();
      recordStoreOperation('reads', 1, requestCharge);
      return resource?.docType === 'team' ? (resource as TeamDocument) : null;
    },
    listTeamsOf(tenantId, email) {
      return queryAll<TeamDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'team' AND ARRAY_CONTAINS(c.memberEmails, @email)",
        { tenantId, email },
        { partitionKey: tenantId },
      );
    },
    async createTeam(team) {
      try {
        const { resource, requestCharge } = await container.items.create<TeamDocument>(withoutSystemFields(team));
        recordStoreOperation('writes', 1, requestCharge);
        if (!resource) throw new AppError('unavailable', `creating team ${team.id} returned nothing`);
        return resource;
      } catch (error) {
        if ((error as { code?: unknown }).code === 409) return 'exists';
        throw error;
      }
    },
    async replaceTeam(team, etag) {
      try {
        const { resource, requestCharge } = await container
          .item(team.id, team.tenantId)
          .replace<TeamDocument>(withoutSystemFields(team), { accessCondition: { type: 'IfMatch', condition: etag } });
        recordStoreOperation('writes', 1, requestCharge);
        if (!resource) throw new AppError('unavailable', `replacing team ${team.id} returned nothing`);
        return resource;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 412 || code === 404) return 'conflict';
        throw error;
      }
    },
  };
}
