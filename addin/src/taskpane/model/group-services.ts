// What the pane's group features need from the API and the host, as one injectable object:
// main.tsx wires the API client, office.js and the browser download in; tests pass fakes.
import type { RouteResponse } from '../../../../shared/api/define-route.ts';
import {
  addMembersRoute,
  createGroupRoute,
  exportCsvRoute,
  exportVcardRoute,
  groupAuditRoute,
  listGroupsRoute,
  listMembersPageRoute,
  listMembersRoute,
  readGroupRoute,
  removeMembersRoute,
  updateMemberRoute,
} from '../../../../shared/api/group-routes.ts';
import type {
  AuditEntry,
  CreateGroupBody,
  ExportFile,
  Group,
  MemberInput,
  MembersPage,
  RemoveMembersBody,
  UpdateMemberBody,
} from '../../../../shared/domain/group.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { NewMessageOptions } from '../../office/open-new-message.ts';

export type AddMembersResponse = RouteResponse<typeof addMembersRoute>;
export type RemoveMembersResponse = RouteResponse<typeof removeMembersRoute>;
export type ExportFormat = 'csv' | 'vcard';

export interface GroupServices {
  /** The caller's groups, most recently used first (the API's order). */
  listGroups(signal?: AbortSignal): Promise<Group[]>;
  createGroup(body: CreateGroupBody): Promise<Group>;
  readGroup(groupId: string, signal?: AbortSignal): Promise<Group>;
  addMembers(groupId: string, members: MemberInput[]): Promise<AddMembersResponse>;
  removeMembers(groupId: string, members: RemoveMembersBody['members']): Promise<RemoveMembersResponse>;
  updateMember(groupId: string, personId: string, body: UpdateMemberBody): Promise<unknown>;
  /** One page of members; cursor null for the first. */
  listMembers(groupId: string, cursor: string | null, signal?: AbortSignal): Promise<MembersPage>;
  exportMembers(groupId: string, format: ExportFormat): Promise<ExportFile>;
  readAudit(groupId: string, signal?: AbortSignal): Promise<AuditEntry[]>;
  /** Hands a file to the browser as a download. */
  saveFile(file: ExportFile): void;
  /** Opens Outlook's new-message form (throws when the host cannot). */
  openNewMessage(options: NewMessageOptions): void;
}

/** The API half of GroupServices, over the typed client; the host half comes from the caller. */
export function createGroupServices(options: {
  client: ApiClient;
  saveFile: GroupServices['saveFile'];
  openNewMessage: GroupServices['openNewMessage'];
}): GroupServices {
  const { client } = options;
  const byId = (id: string) => ({ params: { id } });
  return {
    listGroups: async (signal) => (await client.callRoute(listGroupsRoute, undefined, { signal })).groups,
    createGroup: (body) => client.callRoute(createGroupRoute, body),
    readGroup: (groupId, signal) => client.callRoute(readGroupRoute, undefined, { ...byId(groupId), signal }),
    addMembers: (groupId, members) => client.callRoute(addMembersRoute, { members }, byId(groupId)),
    removeMembers: (groupId, members) => client.callRoute(removeMembersRoute, { members }, byId(groupId)),
    updateMember: (groupId, personId, body) => client.callRoute(updateMemberRoute, body, { params: { id: groupId, personId } }),
    listMembers: (groupId, cursor, signal) =>
      cursor === null
        ? client.callRoute(listMembersRoute, undefined, { ...byId(groupId), signal })
        : client.callRoute(listMembersPageRoute, undefined, { params: { id: groupId, cursor }, signal }),
    exportMembers: (groupId, format) => client.callRoute(format === 'csv' ? exportCsvRoute : exportVcardRoute, undefined, byId(groupId)),
    readAudit: async (groupId, signal) => (await client.callRoute(groupAuditRoute, undefined, { ...byId(groupId), signal })).entries,
    saveFile: options.saveFile,
    openNewMessage: options.openNewMessage,
  };
}
