// GET /api/manage/sync/poison: mailbox syncs parked after their last attempt failed, with the
// error their mailbox recorded (the runtime parks the message text alone) and where the
// mailbox stands now. Admins only; only messages of the caller's tenant. A peek sees the 32
// oldest parked messages, which is what an admin acts on first.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { poisonMessagesRoute } from '../../../shared/api/routes.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { mailboxSyncMessageSchema } from '../queue/sync-messages.ts';
import { requireSyncAdmin } from './admin-services.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

export async function handlePoisonMessages(
  services: ApiServices,
  input: HandlerInput<unknown>,
): Promise<RouteResponse<typeof poisonMessagesRoute>> {
  const { tenantId } = requireAdmin(input.identity);
  const { syncStatus, queue } = requireSyncAdmin(services);
  const parked = await queue.peekParkedMailboxSyncs();
  const states = new Map((await syncStatus.listMailboxes(tenantId)).map((state) => [state.ownerEmail, state]));
  const messages = [];
  for (const item of parked) {
    const message = mailboxSyncMessageSchema.safeParse(item.body);
    // A message that names no tenant cannot be shown to any tenant's admin.
    if (!message.success || message.data.tenantId !== tenantId) continue;
    const state = states.get(message.data.ownerEmail);
    messages.push({
      messageId: item.messageId,
      insertedOn: item.insertedOn,
      ownerEmail: message.data.ownerEmail,
      reason: message.data.reason,
      error: state?.lastParkedError ?? state?.lastError ?? null,
      stage: state?.stage ?? null,
    });
  }
  return { messages };
}
