// The mail folders of a mailbox, as Graph lists them: every folder with its children, and the
// ids behind the well-known names (one $batch request: v1.0 folders do not carry their
// well-known name).
import type { Client } from '@microsoft/microsoft-graph-client';
import { callGraphWithRetry, readGraphPage, type ReadPageOptions, type RetryOptions } from './read-graph-page.ts';

export interface MailFolderInfo {
  id: string;
  displayName: string;
  /** "Projects/Shelter Network" */
  path: string;
}

interface GraphMailFolder {
  id: string;
  displayName?: string | null;
  childFolderCount?: number | null;
}

const MAX_FOLDERS = 2000;

export async function listMailFolders(client: Client, userId: string, options: Pick<ReadPageOptions, 'sleep'> = {}): Promise<MailFolderInfo[]> {
  const user = encodeURIComponent(userId);
  const folders: MailFolderInfo[] = [];
  const pending: { url: string; parentPath: string }[] = [{ url: `/users/${user}/mailFolders?$top=100`, parentPath: '' }];
  while (pending.length > 0 && folders.length < MAX_FOLDERS) {
    const { url, parentPath } = pending.shift()!;
    let next: string | null = url;
    while (next) {
      const page: { items: GraphMailFolder[]; nextLink: string | null } = await readGraphPage<GraphMailFolder>(client, next, {
        maxPageSize: 100,
        sleep: options.sleep,
      });
      for (const folder of page.items) {
        const path = parentPath ? `${parentPath}/${folder.displayName ?? folder.id}` : (folder.displayName ?? folder.id);
        folders.push({ id: folder.id, displayName: folder.displayName ?? '', path });
        if ((folder.childFolderCount ?? 0) > 0) {
          pending.push({ url: `/users/${user}/mailFolders/${encodeURIComponent(folder.id)}/childFolders?$top=100`, parentPath: path });
        }
      }
      next = page.nextLink;
    }
  }
  return folders;
}

/**
 * Folder ids behind well-known names; a name the mailbox does not have (404) is left out. A
 * sub-request that failed otherwise is asked again on its own, with retries: guessing would file
 * Sent Items under another resource name.
 */
export async function resolveWellKnownFolders(
  client: Client,
  userId: string,
  names: readonly string[],
  options: RetryOptions = {},
): Promise<Map<string, string>> {
  const user = encodeURIComponent(userId);
  const urlOf = (name: string) => `/users/${user}/mailFolders/${name}?$select=id`;
  const ids = new Map<string, string>();
  const failed: string[] = [];
  // Graph takes at most 20 requests per batch.
  for (let start = 0; start < names.length; start += 20) {
    const chunk = names.slice(start, start + 20);
    const answer = await callGraphWithRetry(
      async () =>
        (await client.api('/$batch').post({
          requests: chunk.map((name, index) => ({ id: String(index), method: 'GET', url: urlOf(name) })),
        })) as { responses?: { id: string; status: number; body?: { id?: string } }[] },
      options,
    );
    const answered = new Set<string>();
    for (const response of answer.responses ?? []) {
      const name = chunk[Number(response.id)];
      if (!name) continue;
      answered.add(name);
      if (response.status === 200 && response.body?.id) ids.set(name, response.body.id);
      else if (response.status !== 404) failed.push(name);
    }
    failed.push(...chunk.filter((name) => !answered.has(name)));
  }
  for (const name of failed) {
    try {
      const folder = await callGraphWithRetry(async () => (await client.api(urlOf(name)).get()) as { id: string }, options);
      ids.set(name, folder.id);
    } catch (error) {
      if ((error as { failure?: { status: number | null } }).failure?.status !== 404) throw error;
    }
  }
  return ids;
}
