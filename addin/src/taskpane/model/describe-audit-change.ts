// What an audit entry changed, field by field ("role: member → lead"), for the History views
// of a group and of a person. Only fields a person would recognise are listed; bookkeeping (ids, etags,
// timestamps, team ids) is left out.
import { groupKindLabels } from '../../../../shared/domain/group.ts';
import type { AuditEntry, GroupKind } from '../../../../shared/domain/group.ts';

export interface AuditFieldChange {
  field: string;
  label: string;
  /** null: the field was not there (an add) or is gone (a remove). */
  before: string | null;
  after: string | null;
}

const fieldLabels: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  description: 'Description',
  status: 'Status',
  email: 'Email',
  role: 'Role',
  start: 'Start',
  end: 'End',
  notes: 'Notes',
  displayName: 'Name',
  title: 'Title',
  department: 'Department',
  organization: 'Organization',
  aliases: 'Other addresses',
  mergedInto: 'Alias of',
  text: 'Note',
};

export function describeAuditChanges(entry: Pick<AuditEntry, 'before' | 'after'>): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  for (const [field, label] of Object.entries(fieldLabels)) {
    const before = labelValue(field, formatAuditValue(entry.before?.[field]));
    const after = labelValue(field, formatAuditValue(entry.after?.[field]));
    if (before === after) continue;
    // An add lists what was set; a remove lists what was there; neither lists empty fields.
    changes.push({ field, label, before, after });
  }
  // Two labels share "Name" (group name, person display name); keep one row per label.
  return changes.filter((change, index) => changes.findIndex((other) => other.label === change.label) === index);
}

/** Group kinds as the pane names them elsewhere ("Working group", not "working-group"). */
function labelValue(field: string, value: string | null): string | null {
  if (field === 'kind' && value !== null && value in groupKindLabels) return groupKindLabels[value as GroupKind];
  return value;
}

/** Strings and numbers as they are; lists joined; attribute objects ({ value, … }) by their
 * value, organizations ({ name, … }) by their name; anything else left out. */
function formatAuditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatAuditValue).filter((item): item is string => item !== null).join(', ') || null;
  if (typeof value === 'object' && 'value' in value) return formatAuditValue((value as { value: unknown }).value);
  if (typeof value === 'object' && 'name' in value) return formatAuditValue((value as { name: unknown }).name);
  return null;
}
