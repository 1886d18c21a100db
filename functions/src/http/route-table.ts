// The one table of routes and their handlers, served by both hosts: Azure Functions
// (functions/src/index.ts) and the local host (local-host.ts).
import type { RouteDefinition } from '../../../shared/api/define-route.ts';
import { healthRoute, lookupRoute } from '../../../shared/api/routes.ts';
import type { ApiServices, HandlerInput } from '../api/api-services.ts';
import { handleLookup } from '../api/lookup-handler.ts';
import { networkRoute } from '../../../shared/api/network-routes.ts';
import { handleReadNetwork } from '../api/network-handler.ts';
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
import {
  addMembersRoute,
  createGroupRoute,
  createTeamRoute,
  exportCsvRoute,
  exportVcardRoute,
  groupAuditRoute,
  listGroupsRoute,
  listMembersPageRoute,
  listMembersRoute,
  listTeamsRoute,
  personAuditByEmailRoute,
  personAuditRoute,
  readGroupRoute,
  readMemberRoute,
  readTeamRoute,
  removeMemberRoute,
  removeMembersRoute,
  removeTeamMemberRoute,
  setTeamMemberRoute,
  updateGroupRoute,
  updateMemberRoute,
} from '../../../shared/api/group-routes.ts';
import { handleGroupAudit, handlePersonAudit, handlePersonAuditByEmail } from '../api/audit-handlers.ts';
import { handleExportCsv, handleExportVcard } from '../api/group-export-handlers.ts';
import { handleCreateGroup, handleListGroups, handleReadGroup, handleUpdateGroup } from '../api/group-handlers.ts';
import {
  handleAddMembers,
  handleListMembers,
  handleListMembersPage,
  handleReadMember,
  handleRemoveMember,
  handleRemoveMembers,
  handleUpdateMember,
} from '../api/membership-handlers.ts';
import { handleCreateTeam, handleListTeams, handleReadTeam, handleRemoveTeamMember, handleSetTeamMember } from '../api/team-handlers.ts';
import { acceptSuggestionRoute, dismissSuggestionRoute, listSuggestionsRoute } from '../../../shared/api/suggestion-routes.ts';
import { handleAcceptSuggestion, handleDismissSuggestion, handleListSuggestions } from '../api/suggestion-handlers.ts';
import {
  deleteMyDataRoute,
  deletePersonDataRoute,
  exportPersonDataRoute,
  listDoNotTrackRoute,
  markDoNotTrackRoute,
  optInRoute,
  optOutRoute,
  readMyPrivacyRoute,
} from '../../../shared/api/privacy-routes.ts';
import {
  handleDeleteMyData,
  handleDeletePersonData,
  handleExportPersonData,
  handleListDoNotTrack,
  handleMarkDoNotTrack,
  handleOptIn,
  handleOptOut,
  handleReadMyPrivacy,
} from '../api/privacy-handlers.ts';

import { dismissMergeSuggestionRoute, listMergeSuggestionsRoute, mergePeopleRoute, unmergePeopleRoute } from '../../../shared/api/person-routes.ts';
import { handleDismissMergeSuggestion, handleListMergeSuggestions, handleMergePeople, handleUnmergePeople } from '../api/person-merge-handlers.ts';
import { addPersonNoteRoute, listPersonNotesRoute, removePersonNoteRoute } from '../../../shared/api/note-routes.ts';
import { handleAddPersonNote, handleListPersonNotes, handleRemovePersonNote } from '../api/note-handlers.ts';
import { searchRoute } from '../../../shared/api/search-routes.ts';
import { handleSearch } from '../api/search-handler.ts';

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
  // The network map dialog's ego network (docs/NETWORK-MAP.md).
  entry(networkRoute, handleReadNetwork),
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
  // Groups, members, teams, audit (groups issue).
  entry(createGroupRoute, handleCreateGroup),
  entry(listGroupsRoute, handleListGroups),
  entry(readGroupRoute, handleReadGroup),
  entry(updateGroupRoute, handleUpdateGroup),
  entry(addMembersRoute, handleAddMembers),
  entry(listMembersRoute, handleListMembers),
  entry(listMembersPageRoute, handleListMembersPage),
  entry(removeMembersRoute, handleRemoveMembers),
  entry(updateMemberRoute, handleUpdateMember),
  entry(removeMemberRoute, handleRemoveMember),
  entry(readMemberRoute, handleReadMember),
  entry(exportCsvRoute, handleExportCsv),
  entry(exportVcardRoute, handleExportVcard),
  entry(groupAuditRoute, handleGroupAudit),
  entry(personAuditRoute, handlePersonAudit),
  entry(personAuditByEmailRoute, handlePersonAuditByEmail),
  entry(listTeamsRoute, handleListTeams),
  entry(createTeamRoute, handleCreateTeam),
  entry(readTeamRoute, handleReadTeam),
  entry(setTeamMemberRoute, handleSetTeamMember),
  entry(removeTeamMemberRoute, handleRemoveTeamMember),
  // Suggested groups, networks and lists (enrichment issue; docs/NETWORKS.md).
  entry(listSuggestionsRoute, handleListSuggestions),
  entry(acceptSuggestionRoute, handleAcceptSuggestion),
  entry(dismissSuggestionRoute, handleDismissSuggestion),
  // Privacy controls (docs/PRIVACY.md).
  entry(readMyPrivacyRoute, handleReadMyPrivacy),
  entry(optOutRoute, handleOptOut),
  entry(optInRoute, handleOptIn),
  entry(deleteMyDataRoute, handleDeleteMyData),
  entry(listDoNotTrackRoute, handleListDoNotTrack),
  entry(markDoNotTrackRoute, handleMarkDoNotTrack),
  entry(deletePersonDataRoute, handleDeletePersonData),
  entry(exportPersonDataRoute, handleExportPersonData),
  // People identity: merge suggestions, confirmed merges (enrichment issue).
  entry(listMergeSuggestionsRoute, handleListMergeSuggestions),
  entry(mergePeopleRoute, handleMergePeople),
  entry(unmergePeopleRoute, handleUnmergePeople),
  entry(dismissMergeSuggestionRoute, handleDismissMergeSuggestion),
  // Notes about a person shared with a team (task pane issue).
  entry(listPersonNotesRoute, handleListPersonNotes),
  entry(addPersonNoteRoute, handleAddPersonNote),
  entry(removePersonNoteRoute, handleRemovePersonNote),
  // Search across people, organizations and groups (task pane issue).
  entry(searchRoute, handleSearch),
];
