// Manual changes to organizations as override documents: edit (name, kind), merge (B's domains
// resolve to A from now on) and split (a domain or subdomain becomes its own organization).
// Overrides live in the organizations container beside the directory and are read before the
// registry by every resolution, so re-mining keeps them. Pure: returns the documents to write.
import type { OrganizationKind } from '../../../../shared/domain/organization-kind.ts';
import type { OrganizationView } from './describe-organization.ts';
import type { OrganizationEntry } from './organization-entry.ts';

export interface OrganizationChange {
  at: string;
  by: string;
  action: 'edit' | 'merge' | 'merged-into' | 'split' | 'split-off';
  /** What changed, in words: "kind unknown → nonprofit", "merged example.org". */
  summary: string;
}

export interface OverrideDocument extends OrganizationEntry {
  id: string;
  tenantId: string;
  source: 'directory' | 'manual';
  updatedBy?: string;
  history?: OrganizationChange[];
}

export interface ChangeContext {
  tenantId: string;
  /** Who made the change (the caller's user principal name). */
  by: string;
  now: string;
}

/** Enough history to explain an organization, not an unbounded log inside one document. */
const MAX_HISTORY = 50;

const SPLIT_ID_PREFIX = 'split:';

export function makeSplitOrganizationId(domain: string): string {
  return `${SPLIT_ID_PREFIX}${domain.toLowerCase()}`;
}

/** The view as a document: a stored entry as it is, a registry or rule organization as a new manual one. */
function materializeDocument(view: OrganizationView, context: ChangeContext): OverrideDocument {
  if (view.entry) {
    return { ...(view.entry as OverrideDocument), id: view.id, tenantId: context.tenantId, source: view.entry.source ?? 'directory' };
  }
  const { facts } = view;
  return {
    id: view.id,
    tenantId: context.tenantId,
    source: 'manual',
    name: facts.name,
    kind: facts.kind,
    domains: [...view.domains],
    ...(facts.detail ? { detail: facts.detail } : {}),
    ...(facts.agency ? { agency: facts.agency } : {}),
    ...(facts.subOrganization ? { subOrganization: facts.subOrganization } : {}),
    ...(facts.city ? { city: facts.city } : {}),
    ...(facts.state ? { state: facts.state } : {}),
  };
}

function recordChange(document: OverrideDocument, context: ChangeContext, action: OrganizationChange['action'], summary: string): OverrideDocument {
  const history = [...(document.history ?? []), { at: context.now, by: context.by, action, summary }].slice(-MAX_HISTORY);
  return { ...document, updatedBy: context.by, updatedAt: context.now, history };
}

/** Renames or re-kinds an organization; a new kind drops the registry's detail, which described the old one. */
export function planEdit(view: OrganizationView, patch: { name?: string; kind?: OrganizationKind }, context: ChangeContext): OverrideDocument {
  const before = materializeDocument(view, context);
  const changes: string[] = [];
  const after: OverrideDocument = { ...before };
  if (patch.name !== undefined && patch.name !== before.name) {
    changes.push(`name ${before.name} → ${patch.name}`);
    after.name = patch.name;
  }
  if (patch.kind !== undefined && patch.kind !== before.kind) {
    changes.push(`kind ${before.kind} → ${patch.kind}`);
    after.kind = patch.kind;
    delete after.detail;
  }
  return recordChange(after, context, 'edit', changes.join('; ') || 'no change');
}

/** B into A: A lists B's domains too, B stays as a tombstone pointing at A (its id keeps answering). */
export function planMerge(source: OrganizationView, target: OrganizationView, context: ChangeContext): OverrideDocument[] {
  const into = materializeDocument(target, context);
  const domains = [...new Set([...into.domains, ...source.domains])];
  const merged = recordChange({ ...into, domains }, context, 'merge', `merged ${source.facts.name} (${source.domains.join(', ')})`);
  const tombstone = recordChange({ ...materializeDocument(source, context), mergedInto: target.id }, context, 'merged-into', `merged into ${target.facts.name}`);
  return [merged, tombstone];
}

/**
 * A domain (or subdomain) becomes its own organization. Being more specific than, or as recent
 * as any listing of it, it wins resolution; other manual organizations stop listing it exactly.
 */
export function planSplit(
  split: { domain: string; name: string; kind: OrganizationKind },
  entries: readonly OrganizationEntry[],
  context: ChangeContext,
): OverrideDocument[] {
  const domain = split.domain.toLowerCase();
  const id = makeSplitOrganizationId(domain);
  const previous = entries.find((entry) => entry.id === id) as OverrideDocument | undefined;
  const created = recordChange(
    { ...(previous ?? {}), id, tenantId: context.tenantId, source: 'manual', name: split.name, kind: split.kind, domains: [domain], mergedInto: undefined },
    context,
    'split',
    `split ${domain} off as ${split.name}`,
  );
  delete created.mergedInto;
  const trimmed = entries
    .filter((entry) => entry.source === 'manual' && entry.id && entry.id !== id && !entry.mergedInto && entry.domains.includes(domain))
    .map((entry) =>
      recordChange(
        { ...(entry as OverrideDocument), tenantId: context.tenantId, domains: entry.domains.filter((listed) => listed !== domain) },
        context,
        'split-off',
        `${domain} split off as ${split.name}`,
      ),
    );
  return [created, ...trimmed];
}
