// Delta and skip tokens: opaque to clients (base64url) but self-describing JSON inside, so a
// token names its tenant, mailbox, folder or calendar window, $select, and the change-log
// positions it stands for. Nothing is kept server-side, which keeps tokens valid across
// restarts of the stand-in with the same tenant.

export interface DeltaCursor {
  v: 1;
  tenantId: string;
  kind: 'messages' | 'events';
  userId: string;
  /** Mail folder id (messages only). */
  folderId?: string;
  /** Calendar window (events only), ISO. */
  start?: string;
  end?: string;
  select: string[] | null;
  /** Changes after this sequence number are what this round returns. */
  since: number;
  /** The watermark the round is pinned to (skip tokens only; a delta token starts a new round). */
  upto?: number;
  /** Items of the round already returned (skip tokens only). */
  offset?: number;
}

export function encodeDeltaCursor(cursor: DeltaCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor inside a token, or null when the token is not one of ours. */
export function decodeDeltaCursor(token: string): DeltaCursor | null {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeltaCursor>;
    if (cursor.v !== 1 || typeof cursor.tenantId !== 'string' || typeof cursor.userId !== 'string' || typeof cursor.since !== 'number') return null;
    if (cursor.kind !== 'messages' && cursor.kind !== 'events') return null;
    return cursor as DeltaCursor;
  } catch {
    return null;
  }
}
