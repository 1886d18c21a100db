// The stored shapes of groups and memberships (one container, partitioned by tenant).
import type { MembershipSource } from '../../../shared/domain/person-card.ts';

export type GroupKind = 'initiative' | 'working-group' | 'board' | 'coalition' | 'distribution-list' | 'other';

export interface GroupDocument {
  id: string;
  tenantId: string;
  docType: 'group';
  name: string;
  kind: GroupKind;
  source: MembershipSource;
  createdAt: string;
}

export interface MembershipDocument {
  id: string;
  tenantId: string;
  docType: 'membership';
  groupId: string;
  /** Denormalized so a card's roles come from one query. */
  groupName: string;
  groupKind: GroupKind;
  email: string;
  role: string;
  source: MembershipSource;
  evidence?: string;
  addedBy: string;
  addedAt: string;
}
