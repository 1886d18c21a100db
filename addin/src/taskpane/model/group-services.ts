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
  personAuditByEmailRoute,
  readGroupRoute,
  readMemberRoute,
  removeMembersRoute,
  updateMemberRoute,
  type MemberListPage,
  type MemberListQuery,
} from '../../../../shared/api/group-routes.ts';
import type {
  AuditEntry,
  CreateGroupBody,
  ExportFile,
  Group,
  Member,
  MemberInput,
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
  /** Changes role, term or notes; a stale etag is a 409. */
  updateMember(groupId: string, personId: string, body: UpdateMemberBody): Promise<Member>;
  /** One member as it is now (after a 409: the new version and its etag). */
  readMember(groupId: string, personId: string): Promise<Member>;
  /** One page of members, filtered by the server; cursor null for the first (which also lists the group's roles). */
  listMembers(groupId: string, cursor: string | null, options?: { filters?: MemberListQuery; signal?: AbortSignal }): Promise<MemberListPage>;
  exportMembers(groupId: string, format: ExportFormat): Promise<ExportFile>;
  readAudit(groupId: string, signal?: AbortSignal): Promise<AuditEntry[]>;
  /** The audit trail about one person (changes in groups the caller can see), newest first. */
  readPersonAudit(email: string, signal?: AbortSignal): Promise<AuditEntry[]>;
  /** Hands a file to the browser as a download. */
  saveFile(file: ExportFile): void;
  /** Whether Outlook can open a pre-filled new message for the add-in (Mailbox 1.6). */
  canOpenNewMessage(): boolean;
  /** Opens Outlook's new-message form (throws when the host cannot). */
  openNewMessage(options: NewMessageOptions): void;
  /** Puts text on the clipboard (the fallback when Outlook cannot open a message). */
  copyText(text: string): Promise<void>;
}

/** The API half of GroupServices, over the typed client; the host half comes from the caller. */
export function createGroupServices(options: {
  client: ApiClient;
  saveFile: GroupServices['saveFile'];
  openNewMessage: GroupServices['openNewMessage'];
  canOpenNewMessage: GroupServices['canOpenNewMessage'];
  copyText?: GroupServices['copyText'];
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
    readMember: (groupId, personId) => client.callRoute(readMemberRoute, undefined, { params: { id: groupId, personId } }),
    listMembers: (groupId, cursor, { filters, signal } = {}) => {
      const query = toQueryString(filters);
      return cursor === null
        ? client.callRoute(listMembersRoute, undefined, { ...byId(groupId), query, signal })
        : client.callRoute(listMembersPageRoute, undefined, { params: { id: groupId, cursor }, query, signal });
    },
    exportMembers: (groupId, format) => client.callRoute(format === 'csv' ? exportCsvRoute : exportVcardRoute, undefined, byId(groupId)),
    readAudit: async (groupId, signal) => (await client.callRoute(groupAuditRoute, undefined, { ...byId(groupId), signal })).entries,
    readPersonAudit: async (email, signal) => (await client.callRoute(personAuditByEmailRoute, undefined, { query: { email }, signal })).entries,
    saveFile: options.saveFile,
    canOpenNewMessage: options.canOpenNewMessage,
    openNewMessage: options.openNewMessage,
    copyText: options.copyText ?? ((text) => navigator.clipboard.writeText(text)),
  };
}

/** The filters as query parameters, leaving out the ones not set. */
function toQueryString(filters: MemberListQuery | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(filters ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
