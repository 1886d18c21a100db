// Exports of a group's members, current and past, as CSV and vCard 4.0. The API speaks JSON, so
// the file comes back as { filename, contentType, content } for the pane to save or share.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { exportCsvRoute } from '../../../shared/api/group-routes.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import { makeExportFilename, toExportRow, type ExportRow } from '../groups/export-rows.ts';
import { formatMembersCsv } from '../groups/format-csv.ts';
import { formatMembersVcard } from '../groups/format-vcard.ts';
import { formatTermDate } from '../groups/membership-terms.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { requireCaller, requireGroupAccess } from './group-access.ts';
import { chooseShownMembership, toMemberView } from './group-views.ts';

async function readExportRows(services: ApiServices, input: HandlerInput<unknown>): Promise<{ groupName: string; rows: ExportRow[] }> {
  const caller = requireCaller(input);
  const { group } = await requireGroupAccess(services, caller, input.params.id ?? '', 'read');
  const memberships = await services.repositories.groups.listGroupMemberships(caller.tenantId, group.id);
  const byEmail = new Map<string, MembershipDocument[]>();
  for (const m of memberships) byEmail.set(m.email, [...(byEmail.get(m.email) ?? []), m]);
  const people = await services.repositories.people.findByEmails(caller.tenantId, [...byEmail.keys()]);
  const personByEmail = new Map(people.map((p) => [p.email, p]));
  const today = formatTermDate(new Date());
  const rows = [...byEmail.values()]
    .map((list) => chooseShownMembership(list))
    .filter((m): m is MembershipDocument => m !== null)
    .map((m) => toExportRow(toMemberView(m, { tenantId: caller.tenantId, person: personByEmail.get(m.email), edge: undefined, today })))
    // Current members first, then by name: how a contact sheet is read.
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'current' ? -1 : 1));
  return { groupName: group.name, rows };
}

export async function handleExportCsv(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof exportCsvRoute>> {
  const { groupName, rows } = await readExportRows(services, input);
  return { filename: makeExportFilename(groupName, 'csv'), contentType: 'text/csv; charset=utf-8', content: formatMembersCsv(rows) };
}

export async function handleExportVcard(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof exportCsvRoute>> {
  const { groupName, rows } = await readExportRows(services, input);
  return { filename: makeExportFilename(groupName, 'vcf'), contentType: 'text/vcard; charset=utf-8', content: formatMembersVcard(rows, groupName) };
}
