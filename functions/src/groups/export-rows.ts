// One row per member for the exports: what a user expects in a contact sheet. Pure.
import type { Member } from '../../../shared/domain/group.ts';

export interface ExportRow {
  name: string;
  email: string;
  role: string;
  organization: string;
  organizationKind: string;
  title: string;
  termStart: string;
  termEnd: string;
  status: 'current' | 'past';
  source: string;
  notes: string;
}

export function toExportRow(member: Member): ExportRow {
  return {
    name: member.displayName ?? member.email,
    email: member.email,
    role: member.role,
    organization: member.organization?.name ?? '',
    organizationKind: member.organization?.kindLabel ?? '',
    title: member.title ?? '',
    termStart: member.start ?? '',
    termEnd: member.end ?? '',
    status: member.current ? 'current' : 'past',
    source: member.source,
    notes: member.notes ?? '',
  };
}

/** A file name from a group name: letters, digits and dashes only, never empty. */
export function makeExportFilename(groupName: string, extension: string): string {
  const slug = groupName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'group'}-members.${extension}`;
}
