// The one table of routes and their handlers, served by both hosts: Azure Functions
// (functions/src/index.ts) and the local host (local-host.ts).
import type { RouteDefinition } from '../../../shared/api/define-route.ts';
import { healthRoute, lookupRoute } from '../../../shared/api/routes.ts';
import type { ApiServices, HandlerInput } from '../api/api-services.ts';
import { handleLookup } from '../api/lookup-handler.ts';
import { changeNotificationsRoute, lifecycleNotificationsRoute } from '../../../shared/api/notification-routes.ts';
import { handleNotifications } from '../notifications/handle-notifications.ts';
import {
  readMyExclusionsRoute,
  readTenantExclusionsRoute,
  replaceMyExclusionsRoute,
  replaceTenantExclusionsRoute,
} from '../../../shared/api/exclusion-routes.ts';
import {
  handleReadMyExclusions,
  handleReadTenantExclusions,
  handleReplaceMyExclusions,
  handleReplaceTenantExclusions,
} from '../api/exclusions-handlers.ts';
import { poisonMessagesRoute, resyncRoute, syncStatusRoute } from '../../../shared/api/routes.ts';
import { handlePoisonMessages } from '../api/admin-poison-handler.ts';
import { handleResync } from '../api/admin-resync-handler.ts';
import { handleSyncStatus } from '../api/admin-sync-status-handler.ts';

import {
  editOrganizationRoute,
  mergeOrganizationRoute,
  readOrganizationRoute,
  splitOrganizationRoute,
} from '../../../shared/api/organization-routes.ts';
import {
  handleEditOrganization,
  handleMergeOrganization,
  handleReadOrganization,
  handleSplitOrganization,
} from '../api/organization-handlers.ts';

export interface RouteEntry {
  route: RouteDefinition;
  handle: (services: ApiServices, input: HandlerInput<never>) => Promise<unknown>;
}

function entry<R extends RouteDefinition>(
  route: R,
  handle: (services: ApiServices, input: HandlerInput<import('zod').output<R['body']>>) => Promise<unknown>,
): RouteEntry {
  return { route, handle: handle as RouteEntry['handle'] };
}

export const routeTable: readonly RouteEntry[] = [
  entry(healthRoute, async () => ({ status: 'ok' as const })),
  entry(lookupRoute, handleLookup),
  entry(changeNotificationsRoute, handleNotifications),
  entry(lifecycleNotificationsRoute, handleNotifications),
  entry(readTenantExclusionsRoute, handleReadTenantExclusions),
  entry(replaceTenantExclusionsRoute, handleReplaceTenantExclusions),
  entry(readMyExclusionsRoute, handleReadMyExclusions),
  entry(replaceMyExclusionsRoute, handleReplaceMyExclusions),
  entry(syncStatusRoute, handleSyncStatus),
  entry(resyncRoute, handleResync),
  entry(poisonMessagesRoute, handlePoisonMessages),
  entry(splitOrganizationRoute, handleSplitOrganization),
  entry(readOrganizationRoute, handleReadOrganization),
  entry(editOrganizationRoute, handleEditOrganization),
  entry(mergeOrganizationRoute, handleMergeOrganization),
];
