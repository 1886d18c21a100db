// Relationship strength between a mailbox owner and each contact, recomputed from the
// owner's interaction ledger (docs/SCORING.md). Pure: the ledger in, the edges out, so
// changing a constant and re-running rescores everything without re-reading Graph. Contacts
// are keyed by their primary address: confirmed aliases and safe plus-addresses fold in.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { InteractionSummary, Strength, StrengthLabel } from '../../../shared/domain/person-card.ts';
import { strengthConstants, type StrengthConstants } from '../../../shared/scoring/strength-constants.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { canonicalizeAddress } from './people/normalize-address.ts';
import { resolvePrimaryAddress } from './people/resolve-aliases.ts';

export const LAST_INTERACTIONS_KEPT = 5;
const DAY_MS = 86_400_000;

export interface EdgeDocument {
  id: string;
  tenantId: string;
  ownerEmail: string;
  contactEmail: string;
  strength: Strength;
  /** The owner's own interactions with the contact, newest first: only ever shown to the owner. */
  lastInteractions: InteractionSummary[];
}

type Constants = StrengthConstants;

export function labelStrength(score: number, constants: Constants = strengthConstants): StrengthLabel {
  return constants.labels.find((entry) => score >= entry.min)?.label ?? 'None';
}

interface Contribution {
  weight: number;
  at: number;
}

interface Tally {
  contributions: Contribution[];
  emailsSent: number;
  emailsReceived: number;
  meetings: number;
  first: string | null;
  last: string | null;
  interactions: Interaction[];
}

export function makeEdgeId(tenantId: string, ownerEmail: string, contactEmail: string): string {
  return makeStableId(tenantId, 'edge', ownerEmail, contactEmail);
}

/**
 * The half-life of a relationship spanning `spanDays` from first to last interaction: from
 * halfLifeDays (brief) growing linearly to longHalfLifeDays at longRelationshipDays and beyond,
 * so a colleague of years fades slower than someone met once (docs/SCORING.md).
 */
export function computeHalfLifeDays(spanDays: number, constants: Constants = strengthConstants): number {
  const growth = constants.longRelationshipDays > 0 ? Math.min(1, Math.max(0, spanDays) / constants.longRelationshipDays) : 1;
  return constants.halfLifeDays + (constants.longHalfLifeDays - constants.halfLifeDays) * growth;
}

export interface BuildEdgesOptions {
  now: string;
  constants?: Constants;
  /** Alias → primary address (confirmed merges): the alias's interactions count for the primary. */
  aliases?: ReadonlyMap<string, string>;
}

export function buildEdges(
  tenantId: string,
  ownerEmail: string,
  interactions: readonly Interaction[],
  options: BuildEdgesOptions,
): EdgeDocument[] {
  const constants = options.constants ?? strengthConstants;
  const now = Date.parse(options.now);
  const aliases = options.aliases ?? new Map<string, string>();
  // Plus-addresses fold into their base where safe: a known provider, or the base is in this ledger too.
  const ledgerAddresses = new Set(interactions.flatMap((interaction) => interaction.participants.map((p) => p.email)));
  const contactOf = (email: string): string =>
    resolvePrimaryAddress(canonicalizeAddress(email, { isKnown: (base) => ledgerAddresses.has(base) || aliases.has(base) }), aliases);
  const owner = contactOf(ownerEmail);
  const tallies = new Map<string, Tally>();
  const tallyOf = (email: string): Tally => {
    let tally = tallies.get(email);
    if (!tally) {
      tally = { contributions: [], emailsSent: 0, emailsReceived: 0, meetings: 0, first: null, last: null, interactions: [] };
      tallies.set(email, tally);
    }
    return tally;
  };
  const seen = new Set<string>();
  for (const interaction of interactions) {
    // A ledger may hold an item twice only if it was written under two ids; count each id once.
    if (seen.has(interaction.id) || interaction.bulk || interaction.cancelled) continue;
    seen.add(interaction.id);
    // Meetings still to come are plans, not interactions.
    const at = Date.parse(interaction.at);
    if (at > now) continue;
    const touched = new Map<string, number>();
    if (interaction.kind === 'email') {
      const ownerSeat = interaction.participants.find((p) => p.email === ownerEmail && p.role !== 'from');
      if (interaction.direction === 'sent') {
        for (const p of interaction.participants) {
          if (p.email === ownerEmail || p.role === 'from') continue;
          const contact = contactOf(p.email);
          if (contact === owner) continue;
          const weight = p.role === 'to' ? constants.sentTo : constants.sentCc;
          touched.set(contact, Math.max(touched.get(contact) ?? 0, weight));
        }
      } else {
        const sender = interaction.participants.find((p) => p.role === 'from');
        const contact = sender ? contactOf(sender.email) : null;
        if (sender && contact && sender.email !== ownerEmail && contact !== owner && ownerSeat) {
          touched.set(contact, ownerSeat.role === 'to' ? constants.receivedTo : constants.receivedCc);
        }
      }
      for (const email of touched.keys()) {
        const tally = tallyOf(email);
        if (interaction.direction === 'sent') tally.emailsSent += 1;
        else tally.emailsReceived += 1;
      }
    } else {
      const present = interaction.participants.filter((p) => p.response !== 'declined');
      if (!present.some((p) => p.email === ownerEmail)) continue;
      const others = [...new Set(present.filter((p) => p.email !== ownerEmail).map((p) => contactOf(p.email)))].filter((c) => c !== owner);
      const weight = constants.meeting / Math.sqrt(Math.max(1, others.length));
      for (const contact of others) touched.set(contact, weight);
      for (const email of touched.keys()) tallyOf(email).meetings += 1;
    }
    for (const [email, weight] of touched) {
      const tally = tallyOf(email);
      tally.contributions.push({ weight, at });
      tally.interactions.push(interaction);
      if (!tally.last || interaction.at > tally.last) tally.last = interaction.at;
      if (!tally.first || interaction.at < tally.first) tally.first = interaction.at;
    }
  }
  const edges: EdgeDocument[] = [];
  for (const [contactEmail, tally] of tallies) {
    const twoWay = (tally.emailsSent > 0 && tally.emailsReceived > 0) || tally.meetings > 0;
    const spanDays = tally.first && tally.last ? (Date.parse(tally.last) - Date.parse(tally.first)) / DAY_MS : 0;
    const halfLifeDays = computeHalfLifeDays(spanDays, constants);
    const raw = tally.contributions.reduce(
      (sum, contribution) => sum + contribution.weight * Math.pow(0.5, Math.max(0, (now - contribution.at) / DAY_MS) / halfLifeDays),
      0,
    );
    let score = Math.round(100 * (1 - Math.exp(-raw / constants.saturation)));
    if (!twoWay) score = Math.min(score, constants.oneWayCap);
    const lastInteractions = tally.interactions
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, LAST_INTERACTIONS_KEPT)
      .map((i): InteractionSummary => ({ at: i.at, kind: i.kind, direction: i.direction, subject: i.subject }));
    edges.push({
      id: makeEdgeId(tenantId, ownerEmail, contactEmail),
      tenantId,
      ownerEmail,
      contactEmail,
      strength: {
        score,
        label: labelStrength(score, constants),
        emailsSent: tally.emailsSent,
        emailsReceived: tally.emailsReceived,
        meetings: tally.meetings,
        lastInteractionAt: tally.last,
        firstInteractionAt: tally.first,
        halfLifeDays: Math.round(halfLifeDays),
      },
      lastInteractions,
    });
  }
  return edges.sort((a, b) => a.contactEmail.localeCompare(b.contactEmail));
}
