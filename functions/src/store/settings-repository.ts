// Per-tenant and per-user settings; for now the exclusion lists.
import type { ExclusionList } from '../../../shared/domain/exclusions.ts';
import { emptyExclusions } from '../../../shared/domain/exclusions.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { recordStoreOperation } from './store-metrics.ts';

export type ExclusionScope = { kind: 'tenant' } | { kind: 'user'; ownerEmail: string };

interface ExclusionDocument extends ExclusionList {
  id: string;
  tenantId: string;
  docType: 'exclusions';
  scope: 'tenant' | 'user';
  ownerEmail: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface SettingsRepository {
  readExclusions(tenantId: string, scope: ExclusionScope): Promise<ExclusionList>;
  saveExclusions(tenantId: string, scope: ExclusionScope, list: ExclusionList, options: { updatedBy: string; now: string }): Promise<void>;
}

function idOf(tenantId: string, scope: ExclusionScope): string {
  return makeStableId(tenantId, 'exclusions', scope.kind, scope.kind === 'user' ? normalizeEmail(scope.ownerEmail) : '');
}

export function createSettingsRepository(store: Pick<CosmosStore, 'settings'>): SettingsRepository {
  const container = store.settings;
  return {
    async readExclusions(tenantId, scope) {
      const { resource, requestCharge } = await container.item(idOf(tenantId, scope), tenantId).read<ExclusionDocument>();
      recordStoreOperation('reads', 1, requestCharge);
      return resource ? { addresses: resource.addresses, domains: resource.domains } : emptyExclusions;
    },
    async saveExclusions(tenantId, scope, list, options) {
      const document: ExclusionDocument = {
        id: idOf(tenantId, scope),
        tenantId,
        docType: 'exclusions',
        scope: scope.kind,
        ownerEmail: scope.kind === 'user' ? normalizeEmail(scope.ownerEmail) : null,
        addresses: [...new Set(list.addresses)].sort(),
        domains: [...new Set(list.domains)].sort(),
        updatedAt: options.now,
        updatedBy: options.updatedBy,
      };
      const { requestCharge } = await container.items.upsert(document);
      recordStoreOperation('writes', 1, requestCharge);
    },
  };
}
