// What a sync run needs from the outside world, passed in so tests can run it on the local stand-ins.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Repositories } from '../store/repositories.ts';

export interface SyncProgress {
  mailbox: string;
  resource: string;
  items: number;
  pages: number;
  done: boolean;
}

export interface SyncDependencies {
  graph: Client;
  repositories: Repositories;
  now: () => Date;
  /** Items per Graph page (Prefer: odata.maxpagesize). */
  pageSize?: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
}

export interface MailboxRef {
  tenantId: string;
  /** The mailbox owner's address (normalized). */
  ownerEmail: string;
  /** Graph user id or UPN, for URLs. */
  userId: string;
  /** A shared mailbox (sync-directory.ts): synced, but no relationships of its own. */
  shared?: boolean;
}
