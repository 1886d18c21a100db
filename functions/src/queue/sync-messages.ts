// The messages of the sync queues, validated on receipt: a queue is an input like any other,
// and a malformed message must fail loudly (and be parked) rather than sync the wrong mailbox.
import { z } from 'zod';

export const MAILBOX_SYNC_QUEUE = 'mailbox-sync';
export const TENANT_ENRICH_QUEUE = 'tenant-enrich';
/** As in host.json (extensions.queues.maxDequeueCount): attempts before a message is parked. */
export const MAX_DEQUEUE_COUNT = 5;
/** The Functions runtime's name for the queue it parks failed messages in. */
export function poisonQueueOf(queueName: string): string {
  return `${queueName}-poison`;
}

export const mailboxSyncMessageSchema = z.object({
  tenantId: z.string().min(1),
  ownerEmail: z.string().min(3),
  userId: z.string().min(1),
  reason: z.enum(['schedule', 'resync', 'notification']),
});
export type MailboxSyncMessage = z.infer<typeof mailboxSyncMessageSchema>;

export const tenantEnrichMessageSchema = z.object({
  tenantId: z.string().min(1),
  /** When a mailbox finished (wall clock): an enrichment that started later already covers it. */
  requestedAt: z.iso.datetime(),
});
export type TenantEnrichMessage = z.infer<typeof tenantEnrichMessageSchema>;

/**
 * The Functions queue trigger hands over a JSON message already parsed and anything else as a
 * string; the local worker does the same, so both hosts call the handlers with one shape.
 */
export function parseQueueMessage<T>(schema: z.ZodType<T>, queueName: string, message: unknown): T {
  let value = message;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error(`${queueName} message is not JSON`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${queueName} message is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Queue messages travel base64-encoded: the Functions queue extension's default encoding. */
export function encodeQueueMessage(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

export function decodeQueueMessage(text: string): unknown {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}
