// The thresholds of network inference in one place, so docs/NETWORKS.md and the tests can name
// them and a change shows up in one diff. Each says why it has the value it has.
export const networkThresholds = {
  recipientSets: {
    /** People a recurring recipient set needs: two people writing each other is a relationship, not a group. */
    minPeople: 3,
    /** Organizations it must span: one agency's own team mail is not a network (same rule as series groups). */
    minOrganizations: 2,
    /** Distinct threads the whole set must share: three could be one busy week's coincidence. */
    minThreads: 4,
    /** Distinct ISO weeks those threads start in: a group recurs over time. */
    minWeeks: 3,
    /**
     * Share of its least active member's threads the set must account for. People in a real
     * working group mostly write to each other through it; two busy people who happen to be
     * copied together four times in six months fall far below this.
     */
    minShareOfMemberThreads: 0.25,
    /** Threads with more people than this are announcements, not group work. */
    maxThreadParticipants: 12,
  },
  distributionLists: {
    /** A never-sending address must receive at least this many messages before we call it a list. */
    minMessages: 8,
    /** …with at least this many different sets of co-recipients: a list is written to by everyone about everything. */
    minDistinctCoRecipientSets: 6,
    /** …and that share of its messages must have a co-recipient set of their own. */
    minDistinctShare: 0.6,
  },
  communities: {
    /** Louvain's random order is seeded, so the same ledger gives the same networks. */
    seed: 20261120,
    resolution: 1,
    /** Communities smaller than this are a handful of contacts, not a network worth suggesting. */
    minPeople: 5,
    minOrganizations: 2,
    /** An interaction with more participants adds no edges: a 40-person all-hands says nothing about who works with whom. */
    maxParticipants: 15,
    /** Edges lighter than this (shared interactions) are left out of the graph: one shared meeting is not a tie. */
    minEdgeWeight: 2,
  },
  pointOfContact: {
    /** Emails the team must have exchanged with someone before they can be an organization's point of contact. */
    minEmails: 5,
  },
  suggestions: {
    /**
     * A recomputed member set that overlaps a stored suggestion's this much (Jaccard) is the same
     * suggestion: one new person on the threads must not resurrect a dismissed suggestion.
     */
    minOverlapForSameSuggestion: 0.6,
  },
} as const;
