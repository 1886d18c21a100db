// Imports a mailbox export into the same pipeline a Graph sync feeds: each message's headers
// are mined into an Interaction, batches are written through applyInteractions (the one write
// path), and the owner's edges and the tenant's groups are recomputed at the end. Streaming:
// memory holds one batch, whatever the size of the file. Idempotent: an interaction already
// in the ledger (from an earlier import, or from Graph) counts as a duplicate and is not
// written again, so re-importing a file reports 0 imported and changes nothing.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { createExclusionMatcher, excludeParticipants } from '../mining/apply-exclusions.ts';
import { isMalformed, mineRfc822Headers } from '../mining/mine-rfc822.ts';
import type { Repositories } from '../store/repositories.ts';
import { applyInteractions } from '../sync/apply-interactions.ts';
import { enrichOwner } from '../sync/enrich-owner.ts';
import { enrichTenant } from '../sync/enrich-tenant.ts';
import type { MailboxMessage } from './mailbox-message.ts';

export const MALFORMED_POSITIONS_KEPT = 50;

export interface ImportProgress {
  read: number;
  imported: number;
  duplicates: number;
  malformed: number;
  excluded: number;
  seconds: number;
  /** True once, after the last batch and enrichment. */
  done: boolean;
}

export interface ImportSummary {
  read: number;
  imported: number;
  duplicates: number;
  malformed: number;
  /** New messages the tenant's or the owner's exclusion lists keep out (never stored). */
  excluded: number;
  /** The first malformed messages, as "position: reason". */
  malformedPositions: string[];
  seconds: number;
}

export interface ImportMailboxOptions {
  source: AsyncIterable<MailboxMessage>;
  repositories: Repositories;
  tenantId: string;
  ownerEmail: string;
  /** The tenant's directory of organizations; read from the store when not given. */
  directory?: readonly OrganizationEntry[];
  /** Names the file in each interaction's source, e.g. "archive.mbox". */
  sourceName?: string;
  batchSize?: number;
  /** Strength is computed as of this instant (default: now). */
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
}

export async function importMailbox(options: ImportMailboxOptions): Promise<ImportSummary> {
  const { repositories, tenantId } = options;
  const ownerEmail = normalizeEmail(options.ownerEmail);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const directory = options.directory ?? (await repositories.organizations.listAll(tenantId));
  const counts = { read: 0, imported: 0, duplicates: 0, malformed: 0, excluded: 0 };
  // Read once for the count only; applyInteractions applies the same lists to what it stores.
  const exclusions = createExclusionMatcher([
    await repositories.settings.readExclusions(tenantId, { kind: 'tenant' }),
    await repositories.settings.readExclusions(tenantId, { kind: 'user', ownerEmail }),
  ]);
  const malformedPositions: string[] = [];
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  const report = (done: boolean) => options.onProgress?.({ ...counts, seconds: seconds(), done });

  let batch: Interaction[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    // Earlier batches are already written, so duplicates across batches show up in this lookup;
    // duplicates within the batch are caught by the set below.
    const existing = await repositories.interactions.findExistingIds(batch);
    const fresh = new Map<string, Interaction>();
    const excluded = new Set<string>();
    for (const interaction of batch) {
      if (existing.has(interaction.id) || fresh.has(interaction.id) || excluded.has(interaction.id)) counts.duplicates += 1;
      else if (excludeParticipants(interaction, exclusions) === null) excluded.add(interaction.id);
      else fresh.set(interaction.id, interaction);
    }
    counts.excluded += excluded.size;
    await applyInteractions(repositories, tenantId, [...fresh.values()], directory);
    counts.imported += fresh.size;
    batch = [];
    report(false);
  };

  for await (const message of options.source) {
    counts.read += 1;
    const mined = mineRfc822Headers(message.headers, {
      tenantId,
      ownerEmail,
      source: `import:${options.sourceName ?? 'mailbox'}#${message.position}`,
    });
    if (isMalformed(mined)) {
      counts.malformed += 1;
      if (malformedPositions.length < MALFORMED_POSITIONS_KEPT) malformedPositions.push(`${message.position}: ${mined}`);
      continue;
    }
    batch.push(mined);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  // Recomputed from the whole ledger rather than incremented, so running it again (after a
  // re-import, or after an import that was interrupted before this point) is always right.
  await enrichOwner({ repositories, now }, { tenantId, ownerEmail });
  await enrichTenant({ repositories, now }, tenantId, directory);
  report(true);
  return { ...counts, malformedPositions, seconds: seconds() };
}
