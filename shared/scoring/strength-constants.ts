// The constants of the relationship-strength formula (see docs/SCORING.md). Changing one and
// re-running enrichment rescores everything without re-reading Graph.
import type { StrengthLabel } from '../domain/person-card.ts';

export interface StrengthConstants {
  sentTo: number;
  sentCc: number;
  receivedTo: number;
  receivedCc: number;
  meeting: number;
  halfLifeDays: number;
  longHalfLifeDays: number;
  longRelationshipDays: number;
  saturation: number;
  oneWayCap: number;
  labels: readonly { min: number; label: StrengthLabel }[];
}

export const strengthConstants: StrengthConstants = {
  /** Weight of one email the owner sent with the contact on To. */
  sentTo: 3,
  /** Weight of one email the owner sent with the contact on Cc. */
  sentCc: 1,
  /** Weight of one email the contact sent with the owner on To. */
  receivedTo: 2,
  /** Weight of one email the contact sent with the owner on Cc. */
  receivedCc: 0.5,
  /** Weight of one meeting of two people; larger meetings weigh 1 / sqrt(attendees - 1) of it. */
  meeting: 4,
  /** Days after which an interaction counts half, for a brief relationship (all within a day). */
  halfLifeDays: 60,
  /** The half-life of a long relationship: it grows from halfLifeDays with the relationship's span. */
  longHalfLifeDays: 180,
  /** Span (first to last interaction, in days) at which a relationship fades as slowly as it ever will. */
  longRelationshipDays: 365,
  /** Raw weight at which the score reaches about 63 (1 - 1/e). */
  saturation: 40,
  /** A relationship that was never two-way is capped at this score. */
  oneWayCap: 35,
  /** Lower bounds of each label, highest first. */
  labels: [
    { min: 75, label: 'Very strong' },
    { min: 50, label: 'Strong' },
    { min: 25, label: 'Moderate' },
    { min: 1, label: 'Weak' },
    { min: 0, label: 'None' },
  ],
};
