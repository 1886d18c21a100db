// `npm run bench:lookup`: the lookup's speed budget (task pane issue) on the local stack: a
// 20-participant message is one POST /api/lookup, at most two Cosmos DB round trips, p95 ≤ 50 ms
// with 100,000 people stored. The demo tenant is synced, then synthetic outside contacts are
// stored until the tenant holds --people people, each known to one or two mailbox owners (edges
// naming their owner, as enrichment writes them) and a fifth of them members of a group. Then
// --lookups sequential lookups over HTTP, each of 20 participants (15 outside contacts, 3
// colleagues, a plus-address, a stranger), signed in as the mailbox owners in turn. One of the
// contacts, in every lookup, holds --busy-roles memberships in as many groups (the groups issue:
// "a person in hundreds of groups still shows fast"); the bench checks each card carries them all.
// Prints JSON lines; docs/PERFORMANCE.md records them. Tests never assert timings.
//   npm run bench:lookup -- --people 100000 --lookups 500 --scale 0.25
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { startStack, type Stack } from '../dev/stack.ts';
import type { MembershipDocument } from '../functions/src/enrichment/group-documents.ts';
import { makeEdgeId } from '../functions/src/enrichment/build-edges.ts';
import { makePersonId } from '../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../functions/src/enrichment/person-document.ts';
import { bulkUpsert } from '../functions/src/store/container-operations.ts';
import type { StoredEdge } from '../functions/src/store/edges-repository.ts';
import { readStoreRequests } from '../functions/src/store/store-metrics.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    lookups: { type: 'string', default: '500' },
    scale: { type: 'string', default: '0.25' },
    'busy-roles': { type: 'string', default: '300' },
  },
});
const targetPeople = Number(values.people);
const lookups = Number(values.lookups);
const busyRoles = Number(values['busy-roles']);
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

// One user sending hundreds of lookups a minute is the bench, not abuse: the limiter stays in
// the path with limits this run cannot reach.
process.env.CROSSWALK_RATE_LIMIT_USER_PER_MINUTE ??= '1000000';
process.env.CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE ??= '10000000';

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: round(loadavg()[0] ?? NaN, 2) });

/** A seeded pseudo-random sequence: the same people, edges and lookups on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function inParallel<T>(items: readonly T[], size: number, concurrency: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < chunks.length) await write(chunks[next++]!);
    }),
  );
}

async function storeSyntheticContacts(stack: Stack, owners: readonly { email: string; name: string }[], count: number) {
  const tenantId = stack.tenant.tenantId;
  const at = stack.tenant.now;
  const next = random(7);
  const contacts: PersonDocument[] = Array.from({ length: count }, (_, n) => {
    const agency = n % 500;
    const email = `contact${n}@agency${agency}.example.gov`;
    return {
      id: makePersonId(tenantId, email),
      tenantId,
      email,
      displayName: { value: `Contact ${n}`, source: 'display-name', observedAt: at, confidence: 0.6, firstObservedAt: at },
      title: n % 3 === 0 ? { value: 'Program Analyst', source: 'signature', observedAt: at, confidence: 0.5 } : null,
      department: null,
      inTenant: false,
      organization: { name: `Agency ${agency}`, kind: 'state', kindLabel: 'State agency', domain: `agency${agency}.example.gov`, id: `domain:agency${agency}.example.gov`, source: 'domain' },
      firstSeenAt: at,
      lastSeenAt: at,
    } satisfies PersonDocument;
  });
  const edges: StoredEdge[] = contacts.flatMap((contact, n) => {
    const knownBy = [owners[n % owners.length]!, owners[(n * 7 + 3) % owners.length]!].filter((owner, index, list) => list.indexOf(owner) === index);
    return knownBy.map((owner) => {
      const score = Math.round(5 + next() * 90);
      return {
        id: makeEdgeId(tenantId, owner.email, contact.email),
        tenantId,
        ownerEmail: owner.email,
        ownerDisplayName: owner.name,
        contactEmail: contact.email,
        strength: { score, label: score >= 70 ? 'Strong' : score >= 40 ? 'Moderate' : 'Weak', emailsSent: 3, emailsReceived: 4, meetings: 1, lastInteractionAt: at },
        lastInteractions: [0, 1, 2].map((k) => ({ at, kind: 'email' as const, direction: k % 2 === 0 ? ('sent' as const) : ('received' as const), subject: `Quarterly coordination ${n}-${k}` })),
      };
    });
  });
  const memberships: MembershipDocument[] = contacts
    .filter((_, n) => n % 5 === 0)
    .map((contact, n) => ({
      id: `bench-membership-${n}`,
      tenantId,
      docType: 'membership',
      groupId: `bench-group-${n % 200}`,
      groupName: `Regional working group ${n % 200}`,
      groupKind: 'working-group',
      email: contact.email,
      role: 'Member',
      source: 'manual',
      addedBy: owners[0]!.email,
      addedAt: at,
    }));
  // The busy person: the last contact, a member of busyRoles groups of its own.
  const busy = contacts.at(-1)!;
  const busyMemberships: MembershipDocument[] = Array.from({ length: busyRoles }, (_, k) => ({
    id: `bench-busy-membership-${k}`,
    tenantId,
    docType: 'membership',
    groupId: `bench-busy-group-${k}`,
    groupName: `Coalition ${k}`,
    groupKind: 'coalition',
    email: busy.email,
    role: k % 10 === 0 ? 'Chair' : 'Member',
    source: 'manual',
    addedBy: owners[0]!.email,
    addedAt: at,
  }));
  memberships.push(...busyMemberships);
  await inParallel(contacts, 1000, 4, (chunk) => stack.repositories.people.upsertMany(tenantId, chunk));
  await inParallel(edges, 1000, 4, (chunk) => bulkUpsert(stack.store.edges, chunk, () => tenantId));
  await inParallel(memberships, 1000, 4, (chunk) => stack.repositories.groups.upsertMemberships(tenantId, chunk));
  return { contacts: contacts.slice(0, -1).map((contact) => contact.email), busy: busy.email, edges: edges.length, memberships: memberships.length };
}

const stack = await startStack({ ports: 'random', scale: Number(values.scale), addin: false });
try {
  let started = performance.now();
  const report = await stack.sync();
  if (report.failures.length > 0) throw new Error(`sync failed: ${JSON.stringify(report.failures)}`);
  const tenantId = stack.tenant.tenantId;
  const synced = await stack.repositories.people.listAll(tenantId);
  const owners = stack.tenant.users
    .filter((user) => stack.tenant.mailboxes[user.id])
    .map((user) => (user.mail ?? user.userPrincipalName).toLowerCase())
    .map((email) => ({ email, name: synced.find((person) => person.email === email)?.displayName.value ?? email }));
  print('sync', { seconds: round((performance.now() - started) / 1000), people: synced.length, mailboxes: owners.length });

  started = performance.now();
  const added = await storeSyntheticContacts(stack, owners, Math.max(0, targetPeople - synced.length));
  print('stored', {
    seconds: round((performance.now() - started) / 1000),
    people: synced.length + added.contacts.length,
    syntheticEdges: added.edges,
    syntheticMemberships: added.memberships,
    busyPersonRoles: busyRoles,
  });

  const colleagues = synced.filter((person) => person.inTenant).map((person) => person.email);
  const tokens = await Promise.all(owners.map((owner) => stack.issueUserToken(owner.email)));
  const next = random(11);
  const pickDistinct = (list: readonly string[], count: number) => {
    const picked = new Set<string>();
    while (picked.size < Math.min(count, list.length)) picked.add(list[Math.floor(next() * list.length)]!);
    return [...picked];
  };
  const message = (n: number) => {
    const [plus, ...contacts] = pickDistinct(added.contacts, 15);
    return [added.busy, ...contacts, ...pickDistinct(colleagues, 3), plus!.replace('@', '+bench@'), `stranger${n}@unknown-${n}.example.org`];
  };
  const lookUp = async (n: number) => {
    const response = await fetch(`${stack.apiUrl}/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[n % tokens.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: message(n) }),
    });
    const body = (await response.json()) as { people?: { email: string; known: boolean; roles?: unknown[] }[] };
    if (response.status !== 200 || body.people?.length !== 20) throw new Error(`lookup ${n} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    const busyCard = body.people.find((card) => card.email === added.busy);
    if (busyCard?.roles?.length !== busyRoles) throw new Error(`lookup ${n}: the busy person's card has ${busyCard?.roles?.length} roles, not ${busyRoles}`);
    return body.people.filter((card) => card.known).length;
  };
  // Warm-up: the first lookups build the stand-in's indexes and the API's caches.
  for (let n = 0; n < 20; n += 1) await lookUp(n);

  const latencies: number[] = [];
  let known = 0;
  const requestsBefore = readStoreRequests();
  for (let n = 0; n < lookups; n += 1) {
    const t = performance.now();
    known += await lookUp(n);
    latencies.push(performance.now() - t);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  print('lookup', {
    participants: 20,
    lookups,
    knownPerLookup: round(known / lookups),
    cosmosRequestsPerLookup: round((readStoreRequests() - requestsBefore) / lookups, 2),
    latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) },
    loadAverage1m: round(loadavg()[0] ?? NaN, 2),
  });
} finally {
  await stack.close();
}
