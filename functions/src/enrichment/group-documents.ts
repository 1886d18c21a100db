// The stored shapes of groups and memberships (one container, partitioned by tenant).
import type { GroupKind, GroupSource, GroupStatus } from '../../../shared/domain/group.ts';
import type { MembershipSource } from '../../../shared/domain/person-card.ts';

export type { GroupKind };

export interface GroupDocument {
  id: string;
  tenantId: string;
  docType: 'group';
  name: string;
  kind: GroupKind;
  source: GroupSource;
  createdAt: string;
  // Optional: groups seeded or inferred before the groups API existed have none of these.
  description?: string | null;
  /** Absent means active. */
  status?: GroupStatus;
  /** The owning team; absent means the tenant-wide team (everyone in the tenant edits). */
  teamId?: string;
  createdBy?: string;
  updatedBy?: string;
  updatedAt?: string;
  /** Cosmos's version tag, on documents read back; the API's etag. */
  _etag?: string;
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
  // Optional: memberships seeded or inferred before the groups API existed have none of these.
  /** makePersonId(tenantId, email), the key of the member routes. */
  personId?: string;
  /** Denormalized from the group (absent: the tenant-wide team), kept in step when it moves. */
  teamId?: string;
  /** Term, as dates "YYYY-MM-DD"; an end before today makes it a past role. */
  start?: string | null;
  end?: string | null;
  notes?: string | null;
  updatedBy?: string;
  updatedAt?: string;
  /** Cosmos's version tag, on documents read back; the API's etag. */
  _etag?: string;
}
