// Recognises addresses that stand for many people: mailing lists and distribution groups. They
// must be suggested as lists, never counted as a person in a working group or network. Two
// signs: the address looks like a list (the same patterns bulk detection uses), or it never
// writes anything yet receives a lot, each time alongside a different set of people. Pure.
import { isBulkAddress } from '../../mining/detect-bulk-sender.ts';
import type { TenantMessage } from './collect-messages.ts';
import { networkThresholds } from './network-thresholds.ts';

export interface DistributionList {
  address: string;
  /** Why: 'list-like address' or 'never sends, many co-recipients'. */
  reason: 'list-address' | 'receive-only';
  messages: number;
  /** People who wrote to the list. */
  posters: string[];
  /** Team mailboxes the list's mail reached. */
  recipients: string[];
  since: string;
}

export function detectDistributionLists(messages: readonly TenantMessage[], options: { owners: ReadonlySet<string> }): DistributionList[] {
  const thresholds = networkThresholds.distributionLists;
  const senders = new Set(messages.map((m) => m.from).filter((from): from is string => from !== null));
  const received = new Map<string, TenantMessage[]>();
  for (const message of messages) {
    for (const recipient of message.recipients) {
      const list = received.get(recipient) ?? [];
      list.push(message);
      received.set(recipient, list);
    }
  }
  const lists: DistributionList[] = [];
  for (const [address, inbound] of received) {
    if (options.owners.has(address)) continue;
    let reason: DistributionList['reason'] | null = null;
    if (isBulkAddress(address) && !/^(no[-_.]?reply|noreply|do[-_.]?not[-_.]?reply)/.test(address)) reason = 'list-address';
    else if (!senders.has(address) && inbound.length >= thresholds.minMessages) {
      const coRecipientSets = new Set(inbound.map((m) => [m.from ?? '', ...m.recipients.filter((r) => r !== address)].sort().join(',')));
      if (coRecipientSets.size >= thresholds.minDistinctCoRecipientSets && coRecipientSets.size / inbound.length >= thresholds.minDistinctShare) {
        reason = 'receive-only';
      }
    }
    if (!reason) continue;
    const posters = [...new Set(inbound.map((m) => m.from).filter((from): from is string => from !== null))].sort();
    const recipients = [...new Set(inbound.flatMap((m) => m.holders))].sort();
    lists.push({ address, reason, messages: inbound.length, posters, recipients, since: inbound[0]!.at });
  }
  return lists.sort((a, b) => b.messages - a.messages || a.address.localeCompare(b.address));
}
