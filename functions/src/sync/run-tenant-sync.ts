// One full pass over a tenant in one process: the directory, every mailbox whatever its state,
// then tenant-wide enrichment. Tests and the benchmark use it; deployed, the timer fans out
// through the queue instead (schedule-mailbox-syncs.ts, functions/src/queue/).
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { enrichTenant } from './enrich-tenant.ts';
import type { SyncDependencies } from './sync-dependencies.ts';
import { syncDirectory } from './sync-directory.ts';
import { defaultMailboxSyncOptions, syncMailbox, type MailboxSyncOptions } from './sync-mailbox.ts';

export interface TenantSyncReport {
  mailboxes: number;
  interactions: number;
  failures: { mailbox: string; message: string }[];
  inferredGroups: number;
}

export async function runTenantSync(
  deps: SyncDependencies,
  tenantId: string,
  options: MailboxSyncOptions = defaultMailboxSyncOptions,
): Promise<TenantSyncReport> {
  const directory: OrganizationEntry[] = await deps.repositories.organizations.listAll(tenantId);
  const mailboxes = await syncDirectory(deps, tenantId, directory);
  const report: TenantSyncReport = { mailboxes: mailboxes.length, interactions: 0, failures: [], inferredGroups: 0 };
  for (const mailbox of mailboxes) {
    try {
      const resources = await syncMailbox(deps, mailbox, directory, options);
      report.interactions += resources.reduce((sum, r) => sum + r.items, 0);
    } catch (error) {
      // One mailbox failing must not stop the others; its cursor keeps its place for the next run.
      report.failures.push({ mailbox: mailbox.ownerEmail, message: error instanceof Error ? error.message : String(error) });
    }
  }
  report.inferredGroups = (await enrichTenant(deps, tenantId, directory)).inferredGroups;
  return report;
}
