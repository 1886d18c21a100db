// GET /api/manage/sync/poison[?cursor=…&limit=…]: mailbox syncs parked after their last attempt
// failed, oldest first, with the error their mailbox recorded (the runtime parks the message
// text alone) and where the mailbox stands now. Each call first moves the tenant's messages
// from the poison queue into the store (archive-parked-messages.ts), then reads a page from
// there; follow nextCursor for the next page. Admins only; only the caller's tenant.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { poisonMessagesRoute, PoisonMessagesQuery } from '../../../shared/api/routes.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { AppError } from '../errors/app-error.ts';
import { archiveParkedMessages } from '../queue/archive-parked-messages.ts';
import { requireSyncAdmin } from './admin-services.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

export async function handlePoisonMessages(
  services: ApiServices,
  input: HandlerInput<unknown>,
): Promise<RouteResponse<typeof poisonMessagesRoute>> {
  const { tenantId } = requireAdmin(input.identity);
  const { syncStatus, queue, clock = () => new Date() } = requireSyncAdmin(services);
  const query = input.query as unknown as PoisonMessagesQuery;
  const afterSortKey = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  await archiveParkedMessages({ queue, syncStatus, clock }, { tenantId });
  const page = await syncStatus.listParked(tenantId, { afterSortKey, limit: query.limit + 1 });
  const shown = page.slice(0, query.limit);
  const states = new Map((await syncStatus.listMailboxes(tenantId)).map((state) => [state.ownerEmail, state]));
  return {
    messages: shown.map((parked) => ({
      messageId: parked.messageId,
      insertedOn: parked.insertedOn,
      ownerEmail: parked.ownerEmail,
      reason: parked.reason,
      error: parked.error,
      stage: states.get(parked.ownerEmail)?.stage ?? null,
    })),
    nextCursor: page.length > query.limit ? encodeCursor(shown.at(-1)!.sortKey) : null,
  };
}

function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[^|]+\|[^|]+$/.test(sortKey) || encodeCursor(sortKey) !== cursor) {
    throw new AppError('bad-request', 'cursor: is not one this API gave out (use nextCursor as it came)');
  }
  return sortKey;
}
