// Suggestion ids are stable across re-mining, and decisions survive it: a dismissed suggestion
// found again (even with one person more) stays dismissed; an open one nobody decided on and
// the ledger no longer supports goes away.
import { buildRecipientSetSuggestion, buildSeriesSuggestion, type SuggestionContext } from '../../../../functions/src/enrichment/networks/build-suggestions.ts';
import { reconcileSuggestions } from '../../../../functions/src/enrichment/networks/reconcile-suggestions.ts';
import type { SuggestionDocument } from '../../../../functions/src/enrichment/networks/suggestion-document.ts';
import type { RecipientSetGroup } from '../../../../functions/src/enrichment/networks/infer-recipient-set-groups.ts';
import { organizationOfDomain } from './ledger-fixtures.ts';

const context: SuggestionContext = { tenantId: 't1', now: '2026-11-20T00:00:00Z', displayNameOf: () => undefined, organizationNameOf: organizationOfDomain };

function recipientSet(members: string[], threads = 5): RecipientSetGroup {
  return { members: [...members].sort(), threads, weeks: 4, since: '2026-05-04T10:00:00Z', messagesSent: {} };
}

const core = ['jess@state.gov', 'pat@county.gov', 'sam@shelter.org', 'ada@collective.org'];

describe('suggestion ids', () => {
  it('are the same for the same finding, whatever else changed, and differ between findings and tenants', () => {
    const a = buildRecipientSetSuggestion(recipientSet(core, 5), context);
    const b = buildRecipientSetSuggestion(recipientSet([...core].reverse(), 9), context);
    expect(a.id).toBe(b.id);
    expect(buildRecipientSetSuggestion(recipientSet(core.slice(0, 3)), context).id).not.toBe(a.id);
    expect(buildRecipientSetSuggestion(recipientSet(core), { ...context, tenantId: 't2' }).id).not.toBe(a.id);
    const series = buildSeriesSuggestion(
      { seriesKey: 's1', name: 'Working group', occurrences: 14, members: core.map((email) => ({ email, role: 'Member' as const, attended: 10 })) },
      { seriesGroupId: 'g1', since: '2026-05-07T17:00:00Z' },
      context,
    );
    expect(series.id).toBe(buildSeriesSuggestion({ seriesKey: 's1', name: 'Renamed subject', occurrences: 15, members: [] }, { seriesGroupId: 'g1', since: '2026-05-07T17:00:00Z' }, context).id);
    expect(series.evidence).toBe('Looks like a working group: 4 people, 14 meetings since May');
  });
});

describe('reconcileSuggestions', () => {
  const decided = (candidate: ReturnType<typeof buildRecipientSetSuggestion>, status: SuggestionDocument['status']): SuggestionDocument => ({
    ...candidate,
    status,
    groupId: status === 'accepted' ? 'group-1' : null,
    decidedBy: 'dana@state.gov',
    decidedAt: '2026-10-01T00:00:00Z',
  });

  it.each(['dismissed', 'accepted'] as const)('keeps a %s suggestion’s id and decision when one person joined its threads', (status) => {
    const stored = decided(buildRecipientSetSuggestion(recipientSet(core), context), status);
    const grown = buildRecipientSetSuggestion(recipientSet([...core, 'new@county.gov'], 7), context);
    expect(grown.id).not.toBe(stored.id);
    const { upserts, removedIds } = reconcileSuggestions([grown], [stored]);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({ id: stored.id, status, decidedBy: 'dana@state.gov', threads: 7, people: 5 });
    expect(removedIds).toEqual([]);
  });

  it('treats a mostly different set as a new, open suggestion and keeps the decided one stored', () => {
    const stored = decided(buildRecipientSetSuggestion(recipientSet(core), context), 'dismissed');
    const other = buildRecipientSetSuggestion(recipientSet(['jess@state.gov', 'x@a.org', 'y@b.org', 'z@c.org']), context);
    const { upserts, removedIds } = reconcileSuggestions([other], [stored]);
    expect(upserts).toEqual([expect.objectContaining({ id: other.id, status: 'open', decidedBy: null })]);
    expect(removedIds).toEqual([]);
  });

  it('removes open suggestions the ledger no longer supports', () => {
    const stale: SuggestionDocument = { ...buildRecipientSetSuggestion(recipientSet(core), context), status: 'open', groupId: null, decidedBy: null, decidedAt: null };
    expect(reconcileSuggestions([], [stale])).toEqual({ upserts: [], removedIds: [stale.id] });
  });
});
