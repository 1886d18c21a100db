// Relationship strength between a mailbox owner and each contact, recomputed from the
// owner's interaction ledger (docs/SCORING.md). Pure: the ledger in, the edges out, so
// changing a constant and re-running rescores everything without re-reading Graph.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { InteractionSummary, Strength, StrengthLabel } from '../../../shared/domain/person-card.ts';
import { strengthConstants, type StrengthConstants } from '../../../shared/scoring/strength-constants.ts';
import { makeStableId } from '../ids/make-stable-id.ts';

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

interface Tally {
  raw: number;
  emailsSent: number;
  emailsReceived: number;
  meetings: number;
  last: string | null;
  interactions: Interaction[];
}

export function makeEdgeId(tenantId: string, ownerEmail: string, contactEmail: string): string {
  return makeStableId(tenantId, 'edge', ownerEmail, contactEmail);
}

export function buildEdges(
  tenantId: string,
  ownerEmail: string,
  interactions: readonly Interaction[],
  options: { now: string; constants?: Constants },
): EdgeDocument[] {
  const constants = options.constants ?? strengthConstants;
  const now = Date.parse(options.now);
  const tallies = new Map<string, Tally>();
  const tallyOf = (email: string): Tally => {
    let tally = tallies.get(email);
    if (!tally) {
      tally = { raw: 0, emailsSent: 0, emailsReceived: 0, meetings: 0, last: null, interactions: [] };
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
    if (Date.parse(interaction.at) > now) continue;
    const ageDays = Math.max(0, (now - Date.parse(interaction.at)) / DAY_MS);
    const decay = Math.pow(0.5, ageDays / constants.halfLifeDays);
    const touched = new Map<string, number>();
    if (interaction.kind === 'email') {
      const owner = interaction.participants.find((p) => p.email === ownerEmail && p.role !== 'from');
      if (interaction.direction === 'sent') {
        for (const p of interaction.participants) {
          if (p.email === ownerEmail || p.role === 'from') continue;
          const weight = p.role === 'to' ? constants.sentTo : constants.sentCc;
          touched.set(p.email, Math.max(touched.get(p.email) ?? 0, weight));
        }
      } else {
        const sender = interaction.participants.find((p) => p.role === 'from');
        if (sender && sender.email !== ownerEmail && owner) {
          touched.set(sender.email, owner.role === 'to' ? constants.receivedTo : constants.receivedCc);
        }
      }
      for (const [email, weight] of touched) {
        const tally = tallyOf(email);
        tally.raw += weight * decay;
        if (interaction.direction === 'sent') tally.emailsSent += 1;
        else tally.emailsReceived += 1;
      }
    } else {
      const present = interaction.participants.filter((p) => p.response !== 'declined');
      if (!present.some((p) => p.email === ownerEmail)) continue;
      const others = present.filter((p) => p.email !== ownerEmail);
      const weight = constants.meeting / Math.sqrt(Math.max(1, others.length));
      for (const p of others) touched.set(p.email, weight);
      for (const [email, w] of touched) {
        const tally = tallyOf(email);
        tally.raw += w * decay;
        tally.meetings += 1;
      }
    }
    for (const email of touched.keys()) {
      const tally = tallyOf(email);
      tally.interactions.push(interaction);
      if (!tally.last || interaction.at > tally.last) tally.last = interaction.at;
    }
  }
  const edges: EdgeDocument[] = [];
  for (const [contactEmail, tally] of tallies) {
    const twoWay = (tally.emailsSent > 0 && tally.emailsReceived > 0) || tally.meetings > 0;
    let score = Math.round(100 * (1 - Math.exp(-tally.raw / constants.saturation)));
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
      },
      lastInteractions,
    });
  }
  return edges.sort((a, b) => a.contactEmail.localeCompare(b.contactEmail));
}
