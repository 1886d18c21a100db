// Working groups from mail: the same set of people, from more than one organization, on thread
// after thread over several weeks. Candidates are the participant sets threads actually had
// (and the parts of them several threads share); each is kept only if it recurs, spans weeks,
// and accounts for a real share of its least active member's threads, so busy people copied
// together by chance are not a group. Pure.
import type { TenantMessage } from './collect-messages.ts';
import { networkThresholds } from './network-thresholds.ts';

export interface RecipientSetGroup {
  /** Sorted addresses: the set's identity. */
  members: string[];
  threads: number;
  weeks: number;
  since: string;
  /** Per member: threads of this set they wrote in (for evidence). */
  messagesSent: Record<string, number>;
}

interface ThreadParticipants {
  threadId: string;
  people: Set<string>;
  startedAt: string;
  senders: Map<string, number>;
}

/** Monday-based week number since the epoch: weeks are what "recurs over time" is counted in. */
function weekOf(at: string): number {
  return Math.floor((Date.parse(at) / 86_400_000 + 3) / 7);
}

function collectThreads(messages: readonly TenantMessage[], excluded: ReadonlySet<string>): ThreadParticipants[] {
  const threads = new Map<string, ThreadParticipants>();
  for (const message of messages) {
    if (message.bulk || !message.threadId || !message.from) continue;
    const thread = threads.get(message.threadId) ?? { threadId: message.threadId, people: new Set<string>(), startedAt: message.at, senders: new Map() };
    for (const email of [message.from, ...message.recipients]) if (!excluded.has(email)) thread.people.add(email);
    thread.senders.set(message.from, (thread.senders.get(message.from) ?? 0) + 1);
    if (message.at < thread.startedAt) thread.startedAt = message.at;
    threads.set(message.threadId, thread);
  }
  return [...threads.values()].filter((t) => t.people.size <= networkThresholds.recipientSets.maxThreadParticipants);
}

export function inferRecipientSetGroups(
  messages: readonly TenantMessage[],
  options: { organizationOf: (email: string) => string; excluded: ReadonlySet<string> },
): RecipientSetGroup[] {
  const thresholds = networkThresholds.recipientSets;
  const threads = collectThreads(messages, options.excluded);
  const threadsOf = new Map<string, number[]>();
  threads.forEach((thread, index) => {
    for (const email of thread.people) {
      const list = threadsOf.get(email) ?? [];
      list.push(index);
      threadsOf.set(email, list);
    }
  });
  const supportOf = (members: readonly string[]): number[] => {
    const lists = members.map((email) => threadsOf.get(email) ?? []).sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    const restSets = rest.map((list) => new Set(list));
    return (first ?? []).filter((index) => restSets.every((set) => set.has(index)));
  };
  // Candidates: every thread's participant set, and the intersection of every two threads that
  // share at least minPeople people (a group's threads often add one outsider each).
  const candidates = new Map<string, string[]>();
  const addCandidate = (people: Iterable<string>): void => {
    const members = [...people].sort();
    if (members.length >= thresholds.minPeople) candidates.set(members.join(','), members);
  };
  for (const thread of threads) addCandidate(thread.people);
  for (const [index, thread] of threads.entries()) {
    const neighbours = new Map<number, string[]>();
    for (const email of thread.people) {
      for (const other of threadsOf.get(email) ?? []) {
        if (other <= index) continue;
        const shared = neighbours.get(other) ?? [];
        shared.push(email);
        neighbours.set(other, shared);
      }
    }
    for (const shared of neighbours.values()) if (shared.length >= thresholds.minPeople) addCandidate(shared);
  }
  const found: RecipientSetGroup[] = [];
  for (const members of candidates.values()) {
    if (new Set(members.map(options.organizationOf)).size < thresholds.minOrganizations) continue;
    const support = supportOf(members);
    if (support.length < thresholds.minThreads) continue;
    const weeks = new Set(support.map((index) => weekOf(threads[index]!.startedAt))).size;
    if (weeks < thresholds.minWeeks) continue;
    const leastActive = Math.min(...members.map((email) => threadsOf.get(email)?.length ?? 0));
    if (support.length / leastActive < thresholds.minShareOfMemberThreads) continue;
    const messagesSent: Record<string, number> = {};
    for (const email of members) messagesSent[email] = support.reduce((sum, index) => sum + (threads[index]!.senders.get(email) ?? 0), 0);
    const since = support.map((index) => threads[index]!.startedAt).sort()[0]!;
    found.push({ members, threads: support.length, weeks, since, messagesSent });
  }
  // Keep the largest sets: a subset with no more threads than a kept superset is the same group seen partly.
  found.sort((a, b) => b.members.length - a.members.length || b.threads - a.threads || a.members.join().localeCompare(b.members.join()));
  const kept: RecipientSetGroup[] = [];
  for (const group of found) {
    const covered = kept.some((k) => group.members.every((m) => k.members.includes(m)) && group.threads <= k.threads * 1.25);
    if (!covered) kept.push(group);
  }
  return kept.sort((a, b) => b.threads - a.threads || a.members.join().localeCompare(b.members.join()));
}
