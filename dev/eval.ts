// npm run eval: runs the real pipeline (Graph stand-in → sync → mining → enrichment, in the
// local stack) on the demo tenant, then scores what it inferred against what the generator
// planted (dev/tenant/planted-truth.ts): working groups, roles (convener, member, point of
// contact), distribution lists, and how well Dana's relationship strength ranks her contacts.
// Prints one JSON line per figure. Not a test: the figures are recorded in docs/QUALITY.md.
import os from 'node:os';
import { startStack } from './stack.ts';
import { MAILING_LIST } from './tenant/cascadia-scenario.ts';
import { derivePlantedGroups, derivePlantedIntensity, derivePlantedPointsOfContact } from './tenant/planted-truth.ts';
import { matchGroups, scorePredictions, scoreSets, spearmanCorrelation, type Scores } from './eval/metrics.ts';
import { POINT_OF_CONTACT_ROLE } from '../functions/src/enrichment/networks/plan-network-enrichment.ts';

/** A predicted group is the planted one when it has at least half its people in common (Jaccard). */
const MIN_GROUP_JACCARD = 0.5;
const DANA = 'dana.reyes@housing.cascadia.gov';

function print(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

function round(scores: Scores): Scores {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { ...scores, precision: r(scores.precision), recall: r(scores.recall), f1: r(scores.f1) };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const stack = await startStack({ ports: 'random', scale: 1, addin: false });
  try {
    const report = await stack.sync();
    const { tenant, repositories } = stack;
    const tenantId = tenant.tenantId;
    print({ metric: 'run', mailboxes: report.mailboxes, interactions: report.interactions, failures: report.failures.length, syncSeconds: Math.round((Date.now() - startedAt) / 1000) });

    // --- Working groups ---
    const planted = derivePlantedGroups(tenant);
    const memberships = await repositories.groups.listMemberships(tenantId, { source: 'inferred' });
    const groups = new Map((await repositories.groups.listGroups(tenantId)).map((g) => [g.id, g]));
    const byGroup = new Map<string, { email: string; role: string }[]>();
    for (const m of memberships) {
      if (m.role === POINT_OF_CONTACT_ROLE) continue;
      const list = byGroup.get(m.groupId) ?? [];
      list.push({ email: m.email, role: m.role });
      byGroup.set(m.groupId, list);
    }
    const suggestions = await repositories.suggestions.listSuggestions(tenantId);
    const predicted: { label: string; members: { email: string; role: string }[] }[] = [
      ...[...byGroup].map(([groupId, members]) => ({ label: groups.get(groupId)?.name ?? groupId, members })),
      // Working groups found in mail are suggestions, not groups yet; they still count as predictions.
      ...suggestions
        .filter((s) => s.origin === 'recipient-set')
        .map((s) => ({ label: s.name, members: s.members.map((m) => ({ email: m.email, role: m.role ?? 'Member' })) })),
    ];
    const matches = matchGroups(
      predicted.map((p) => p.members.map((m) => m.email)),
      planted.map((g) => g.members.map((m) => m.email)),
      { minJaccard: MIN_GROUP_JACCARD },
    );
    const groupsScore = round(
      scorePredictions({ truePositives: matches.length, falsePositives: predicted.length - matches.length, falseNegatives: planted.length - matches.length }),
    );
    print({ metric: 'working-groups', planted: planted.length, predicted: predicted.length, minJaccard: MIN_GROUP_JACCARD, ...groupsScore });
    for (const match of matches) {
      print({ metric: 'working-group-match', planted: planted[match.truth]!.name, inferred: predicted[match.predicted]!.label, jaccard: Math.round(match.jaccard * 1000) / 1000 });
    }
    const matchedPredicted = new Set(matches.map((m) => m.predicted));
    for (const [index, p] of predicted.entries()) {
      if (!matchedPredicted.has(index)) print({ metric: 'working-group-unmatched', inferred: p.label, members: p.members.map((m) => m.email) });
    }

    // --- Roles: convener / member per planted group, point of contact per outside organization ---
    const truthOf = new Map(matches.map((m) => [m.predicted, planted[m.truth]!.name]));
    const predictedRoles = predicted.flatMap((p, index) => p.members.map((m) => `${truthOf.get(index) ?? `unmatched:${p.label}`}|${m.email}|${m.role}`));
    const plantedRoles = planted.flatMap((g) => g.members.map((m) => `${g.name}|${m.email}|${m.role}`));
    const contacts = derivePlantedPointsOfContact(tenant);
    const predictedContacts = memberships.filter((m) => m.role === POINT_OF_CONTACT_ROLE).map((m) => `poc|${m.groupName}|${m.email}`);
    const plantedContacts = contacts.map((c) => `poc|${c.organization}|${c.email}`);
    print({ metric: 'roles-convener-member', ...round(scoreSets(predictedRoles, plantedRoles)) });
    print({ metric: 'roles-point-of-contact', ...round(scoreSets(predictedContacts, plantedContacts)) });
    const plantedContactSet = new Set(plantedContacts);
    const predictedContactSet = new Set(predictedContacts);
    for (const contact of contacts) {
      if (!predictedContactSet.has(`poc|${contact.organization}|${contact.email}`)) {
        const inferred = memberships.find((m) => m.role === POINT_OF_CONTACT_ROLE && m.groupName === contact.organization);
        print({ metric: 'point-of-contact-miss', organization: contact.organization, planted: contact.email, plantedEmails: contact.emails, inferred: inferred?.email ?? null, evidence: inferred?.evidence ?? null });
      }
    }
    for (const key of predictedContactSet) if (!plantedContactSet.has(key)) print({ metric: 'point-of-contact-extra', key });
    print({ metric: 'roles-all', ...round(scoreSets([...predictedRoles, ...predictedContacts], [...plantedRoles, ...plantedContacts])) });

    // --- Distribution lists ---
    const lists = suggestions.filter((s) => s.kind === 'distribution-list').map((s) => s.key);
    print({ metric: 'distribution-lists', found: lists, ...round(scoreSets(lists, [MAILING_LIST.address])) });
    const networks = suggestions.filter((s) => s.kind === 'network');
    print({ metric: 'networks', count: networks.length, sizes: networks.map((n) => n.people), names: networks.map((n) => n.name) });

    // --- Relationship strength vs planted intensity (Dana) ---
    const intensity = derivePlantedIntensity(tenant, DANA);
    const contactEmails = [...intensity.keys()].sort();
    const edges = new Map((await repositories.edges.findForOwner(tenantId, DANA, contactEmails)).map((e) => [e.contactEmail, e.strength.score]));
    const rho = spearmanCorrelation(
      contactEmails.map((email) => edges.get(email) ?? 0),
      contactEmails.map((email) => intensity.get(email) ?? 0),
    );
    print({ metric: 'strength-spearman', owner: DANA, contacts: contactEmails.length, withEdge: edges.size, spearman: Math.round(rho * 1000) / 1000 });
    print({ metric: 'machine', node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), seconds: Math.round((Date.now() - startedAt) / 1000) });
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
