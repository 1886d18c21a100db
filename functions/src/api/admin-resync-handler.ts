// POST /api/manage/sync/resync { ownerEmail, full? }: sends one mailbox to the queue again, also
// one that needs reconnecting (after its consent was restored) or whose message was parked.
// full: forget its delta links first, so everything is read again; writes under stable ids
// make the rereading harmless. Admins only, and only for mailboxes of their own tenant.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { resyncRoute } from '../../../shared/api/routes.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { AppError } from '../errors/app-error.ts';
import { enqueueMailboxSync } from '../queue/enqueue-mailbox-sync.ts';
import { requireSyncAdmin } from './admin-services.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

export async function handleResync(
  services: ApiServices,
  input: HandlerInput<{ ownerEmail: string; full?: boolean }>,
): Promise<RouteResponse<typeof resyncRoute>> {
  const { tenantId } = requireAdmin(input.identity);
  const { syncStatus, queue, clock = () => new Date() } = requireSyncAdmin(services);
  const { ownerEmail } = input.body;
  const full = input.body.full ?? false;
  // Known mailboxes only: the state holds the Graph user id, and a mailbox is known once scheduled.
  const existing = await syncStatus.readMailbox(tenantId, ownerEmail);
  if (!existing) throw new AppError('not-found', `no mailbox ${ownerEmail} has been scheduled in this tenant`);
  if (full) await syncStatus.clearCursors(tenantId, ownerEmail, clock().toISOString());
  const mailbox = { tenantId, ownerEmail, userId: existing.userId };
  const { stage } = await enqueueMailboxSync({ syncStatus, queue }, mailbox, 'resync', { now: clock() });
  return { ownerEmail, full, stage };
}
