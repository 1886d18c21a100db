// The webhook Microsoft Graph calls: change notifications and lifecycle notifications for the
// mailboxes Crosswalk follows. Graph first posts a validation handshake with no body.
import { z } from 'zod';
import { defineRoute } from './define-route.ts';

export const changeNotificationSchema = z.object({
  subscriptionId: z.string().min(1).max(200),
  clientState: z.string().max(256).nullable().optional(),
  changeType: z.string().max(100).optional(),
  resource: z.string().max(2000).optional(),
  tenantId: z.string().min(1).max(100),
  subscriptionExpirationDateTime: z.string().max(100).optional(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
});
export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

const notificationBody = z
  .object({ value: z.array(changeNotificationSchema).min(1).max(1000) }, { error: 'must be a JSON object' })
  .optional();

const handshakeQuery = z.object({ validationToken: z.string().min(1).max(2048).optional() }).passthrough();

const notificationResponse = z.object({ accepted: z.number().int(), rejected: z.number().int() });

export const changeNotificationsRoute = defineRoute({
  name: 'graphNotifications',
  method: 'POST',
  path: 'notifications',
  authenticated: false,
  bodyOptional: true,
  query: handshakeQuery,
  body: notificationBody,
  response: notificationResponse,
});

export const lifecycleNotificationsRoute = defineRoute({
  name: 'graphLifecycleNotifications',
  method: 'POST',
  path: 'notifications/lifecycle',
  authenticated: false,
  bodyOptional: true,
  query: handshakeQuery,
  body: notificationBody,
  response: notificationResponse,
});
