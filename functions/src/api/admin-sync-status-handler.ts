// GET /api/manage/sync: every mailbox of the caller's tenant with its stage, failures and last
// error, and the same per resource (mail folders, calendar). Admins only.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { MailboxSyncStatus, syncStatusRoute } from '../../../shared/api/routes.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import type { SyncCursor } from '../store/sync-state-repository.ts';
import { requireSyncAdmin } from './admin-services.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

export async function handleSyncStatus(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof syncStatusRoute>> {
  const { tenantId } = requireAdmin(input.identity);
  const { syncStatus } = requireSyncAdmin(services);
  const [mailboxes, cursors] = await Promise.all([syncStatus.listMailboxes(tenantId), syncStatus.listCursors(tenantId)]);
  const cursorsByOwner = new Map<string, SyncCursor[]>();
  for (const cursor of cursors) cursorsByOwner.set(cursor.ownerEmail, [...(cursorsByOwner.get(cursor.ownerEmail) ?? []), cursor]);
  const statuses: MailboxSyncStatus[] = mailboxes
    .map((mailbox) => ({
      ownerEmail: mailbox.ownerEmail,
      shared: mailbox.shared === true,
      stage: mailbox.stage,
      stageSince: mailbox.stageSince ?? mailbox.updatedAt,
      rerun: mailbox.rerun === true,
      lastSuccessAt: mailbox.lastSuccessAt,
      failureCount: mailbox.failureCount,
      lastError: mailbox.lastError,
      parkedAt: mailbox.parkedAt,
      resources: (cursorsByOwner.get(mailbox.ownerEmail) ?? [])
        .map((cursor) => ({
          resource: cursor.resource,
          stage: cursor.stage ?? 'idle',
          lastSuccessAt: cursor.lastSuccessAt,
          failureCount: cursor.failureCount ?? 0,
          lastError: cursor.lastError ?? null,
        }))
        .sort((a, b) => a.resource.localeCompare(b.resource)),
    }))
    .sort((a, b) => a.ownerEmail.localeCompare(b.ownerEmail));
  return { mailboxes: statuses };
}
