// Working groups from mail: the same set of people, from more than one organization, on thread
// after thread over several weeks. Candidates are the participant sets threads actually had
// (and the parts of them several threads share); each is kept only if it recurs, spans weeks,
// and accounts for a real share of its least active member's threads, so busy people copied
// together by chance are not a group. Pure.
//
// At agency scale (50,000 threads, mailbox owners on 15,000 of them) comparing every two threads
// that share a person is hundreds of millions of steps. Two threads can only share three people
// if they share a trio, so the search goes through an index of trios instead, over distinct
// participant sets (threads with the same people give the same candidates). Same candidates,
// same results.
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

/** A participant set as ascending person numbers, and the threads that had exactly it. */
interface ParticipantSet {
  people: number[];
  threads: number[];
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

/** Every three of an ascending list, as keys of the trio index. */
function forEachTrio(people: readonly number[], visit: (key: string) => void): void {
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      for (let k = j + 1; k < people.length; k++) visit(`${people[i]},${people[j]},${people[k]}`);
    }
  }
}

/** The common part of two ascending lists. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const shared: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared.push(a[i]!);
      i++;
      j++;
    }
  }
  return shared;
}

/** Whether ascending `outer` holds every element of ascending `inner`. */
function containsSorted(outer: readonly number[], inner: readonly number[]): boolean {
  let i = 0;
  for (const wanted of inner) {
    while (i < outer.length && outer[i]! < wanted) i++;
    if (outer[i] !== wanted) return false;
    i++;
  }
  return true;
}

export function inferRecipientSetGroups(
  messages: readonly TenantMessage[],
  options: { organizationOf: (email: string) => string; excluded: ReadonlySet<string> },
): RecipientSetGroup[] {
  const thresholds = networkThresholds.recipientSets;
  const threads = collectThreads(messages, options.excluded);

  // People as numbers; each distinct participant set once, with its threads.
  const numberOf = new Map<string, number>();
  const emails: string[] = [];
  const threadCount: number[] = [];
  const sets: ParticipantSet[] = [];
  const setByKey = new Map<string, ParticipantSet>();
  threads.forEach((thread, index) => {
    const people: number[] = [];
    for (const email of thread.people) {
      let number = numberOf.get(email);
      if (number === undefined) {
        number = emails.length;
        numberOf.set(email, number);
        emails.push(email);
        threadCount.push(0);
      }
      threadCount[number]! += 1;
      people.push(number);
    }
    people.sort((a, b) => a - b);
    const key = people.join(',');
    const set = setByKey.get(key) ?? { people, threads: [] };
    set.threads.push(index);
    setByKey.set(key, set);
    if (set.threads.length === 1) sets.push(set);
  });
  const trios = new Map<string, number[]>();
  sets.forEach((set, index) => {
    forEachTrio(set.people, (key) => {
      const list = trios.get(key);
      if (list) list.push(index);
      else trios.set(key, [index]);
    });
  });

  // Candidates: every thread's participant set, and the intersection of every two threads that
  // share at least minPeople people (a group's threads often add one outsider each).
  const candidates = new Map<string, number[]>();
  const addCandidate = (people: number[]): void => {
    if (people.length >= thresholds.minPeople) candidates.set(people.join(','), people);
  };
  const comparedWith = new Int32Array(sets.length).fill(-1);
  sets.forEach((set, index) => {
    addCandidate(set.people);
    forEachTrio(set.people, (key) => {
      for (const other of trios.get(key)!) {
        if (other <= index || comparedWith[other] === index) continue;
        comparedWith[other] = index;
        addCandidate(intersectSorted(set.people, sets[other]!.people));
      }
    });
  });

  /** The threads whose participants include every member: those of the sets holding the candidate's first trio. */
  const supportOf = (members: readonly number[]): number[] => {
    const holders = trios.get(`${members[0]},${members[1]},${members[2]}`) ?? [];
    return holders.filter((index) => containsSorted(sets[index]!.people, members)).flatMap((index) => sets[index]!.threads);
  };
  const found: RecipientSetGroup[] = [];
  for (const numbers of candidates.values()) {
    const members = numbers.map((number) => emails[number]!).sort();
    if (new Set(members.map(options.organizationOf)).size < thresholds.minOrganizations) continue;
    const support = supportOf(numbers);
    if (support.length < thresholds.minThreads) continue;
    const weeks = new Set(support.map((index) => weekOf(threads[index]!.startedAt))).size;
    if (weeks < thresholds.minWeeks) continue;
    const leastActive = Math.min(...numbers.map((number) => threadCount[number]!));
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
