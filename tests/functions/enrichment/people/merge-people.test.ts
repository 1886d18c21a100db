// Merging and splitting people: record changes only, idempotent, and a split is remembered so
// the pair is not suggested again (until a user merges it again).
import { mergeObservations } from '../../../../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../../../../functions/src/enrichment/person-document.ts';
import { applyMerge, applyUnmerge, planMerge } from '../../../../functions/src/enrichment/people/merge-people.ts';
import { suggestMerges } from '../../../../functions/src/enrichment/people/suggest-merges.ts';

const TENANT = 't';
const NEW = 'jess.morgan@housing.cascadia.gov';
const OLD = 'jmorgan@orcacounty-cascadia.gov';
const person = (email: string, at: string): PersonDocument =>
  mergeObservations(TENANT, null, [{ email, displayName: 'Jess Morgan', titleFromName: null, observedAt: at }]);

function applyToBoth(records: Map<string, PersonDocument>, change: (email: string, current: PersonDocument | null) => PersonDocument | null): Map<string, PersonDocument> {
  return new Map([...records].map(([email, current]) => [email, change(email, current) ?? current]));
}

const start = new Map([
  [NEW, person(NEW, '2026-09-01T00:00:00.000Z')],
  [OLD, person(OLD, '2026-03-01T00:00:00.000Z')],
]);
const plan = planMerge(start.get(NEW)!, start.get(OLD)!);
const merged = applyToBoth(start, (email, current) => applyMerge(plan, email, current));
const split = applyToBoth(merged, (email, current) => applyUnmerge({ primary: NEW, secondary: OLD }, email, current));

describe('splitting a merged address back out', () => {
  it('leaves two people who know they are different', () => {
    expect(split.get(NEW)).not.toHaveProperty('aliases');
    expect(split.get(OLD)).not.toHaveProperty('mergedInto');
    expect(split.get(NEW)?.notSameAs).toEqual([OLD]);
    expect(split.get(OLD)?.notSameAs).toEqual([NEW]);
  });

  it('is idempotent', () => {
    expect(applyToBoth(split, (email, current) => applyUnmerge({ primary: NEW, secondary: OLD }, email, current))).toEqual(split);
  });

  it('keeps the pair out of the suggestions, which offered it before the merge', () => {
    expect(suggestMerges(TENANT, [...start.values()])).toHaveLength(1);
    expect(suggestMerges(TENANT, [...split.values()])).toEqual([]);
  });

  it('keeps other aliases of the primary', () => {
    const withTwo = new Map(merged);
    withTwo.set(NEW, { ...merged.get(NEW)!, aliases: [OLD, 'jess@example.org'] });
    const after = applyToBoth(withTwo, (email, current) => applyUnmerge({ primary: NEW, secondary: OLD }, email, current));
    expect(after.get(NEW)?.aliases).toEqual(['jess@example.org']);
  });

  it('gives way to a later merge of the same pair: "different people" is forgotten', () => {
    const again = applyToBoth(split, (email, current) => applyMerge(planMerge(split.get(NEW)!, split.get(OLD)!), email, current));
    expect(again).toEqual(merged);
  });
});
