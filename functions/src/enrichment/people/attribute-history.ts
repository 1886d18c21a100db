// Attribute history: what title, department, organization, phone and office a person had over
// time. Kept as a bounded set of sightings (value, source, day) rather than a list of changes,
// because sightings merge as a set: the same observations applied twice, or arriving in any
// order, give the same set, and the history is a pure function of that set. A change is a
// transition between consecutive distinct values of one source, in time order; sources are
// never mixed in one timeline, so two sources spelling a value differently is not a change
// (docs/SCORING.md, "History").
import type { AttributeSource } from '../../../../shared/domain/attribute.ts';
import { sourceRank } from '../../../../shared/domain/attribute.ts';
import type { AttributeHistoryEntry, AttributePoint, HistoryAttribute, PersonDocument } from '../person-document.ts';
import { historyAttributes } from '../person-document.ts';

/** Distinct (day, source, value) sightings kept per attribute: the most recent ones. */
export const MAX_POINTS_PER_ATTRIBUTE = 120;
/** Entries kept in a person's history, the most recent ones. */
export const MAX_HISTORY_ENTRIES = 20;

/** Values that differ only in case or spacing are the same value. */
export function normalizeAttributeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}

function keyOf(point: AttributePoint): string {
  return `${point.day}|${point.source}|${normalizeAttributeValue(point.value)}`;
}

/** A sighting of a value at an instant. */
export function makePoint(value: string, source: AttributeSource, observedAt: string): AttributePoint {
  return { value: value.replace(/\s+/g, ' ').trim(), source, day: observedAt.slice(0, 10), at: observedAt };
}

/**
 * Unions sightings: one per (day, source, value), keeping that day's latest instant (and its
 * spelling, the smaller one on a tie), then the most recent MAX_POINTS_PER_ATTRIBUTE by key.
 * Union, max and "top N of a total order" all commute, so order and replays do not matter.
 */
export function addPoints(existing: readonly AttributePoint[] | undefined, additions: readonly AttributePoint[]): AttributePoint[] {
  const byKey = new Map<string, AttributePoint>();
  for (const point of [...(existing ?? []), ...additions]) {
    if (!point.value.trim()) continue;
    const key = keyOf(point);
    const kept = byKey.get(key);
    if (!kept || point.at > kept.at || (point.at === kept.at && point.value < kept.value)) byKey.set(key, point);
  }
  const ordered = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ordered.slice(Math.max(0, ordered.length - MAX_POINTS_PER_ATTRIBUTE)).map(([, point]) => point);
}

/**
 * The values one attribute held, oldest first. Only the most trusted source that saw it is
 * used (a directory title and a display-name title spelled differently are not a change);
 * per day the latest sighting counts; consecutive days with the same value are one entry.
 */
export function deriveAttributeTimeline(attribute: HistoryAttribute, points: readonly AttributePoint[]): AttributeHistoryEntry[] {
  if (points.length === 0) return [];
  const best = Math.max(...points.map((point) => sourceRank[point.source]));
  const byDay = new Map<string, AttributePoint>();
  for (const point of points) {
    if (sourceRank[point.source] !== best) continue;
    const kept = byDay.get(point.day);
    if (!kept || point.at > kept.at || (point.at === kept.at && point.value < kept.value)) byDay.set(point.day, point);
  }
  const days = [...byDay.keys()].sort();
  const entries: AttributeHistoryEntry[] = [];
  for (const day of days) {
    const point = byDay.get(day)!;
    const last = entries.at(-1);
    if (last && normalizeAttributeValue(last.value) === normalizeAttributeValue(point.value)) {
      last.to = day;
      continue;
    }
    entries.push({ attribute, value: point.value, source: point.source, from: day, to: day });
  }
  const current = entries.at(-1);
  if (current) current.to = null;
  return entries;
}

/** Each source's own timeline of an attribute, the most trusted source first. */
export function deriveSourceTimelines(attribute: HistoryAttribute, points: readonly AttributePoint[]): AttributeHistoryEntry[][] {
  const sources = [...new Set(points.map((point) => point.source))].sort((a, b) => sourceRank[b] - sourceRank[a]);
  return sources.map((source) => deriveAttributeTimeline(attribute, points.filter((point) => point.source === source)));
}

/**
 * The values one attribute held, as told by the most trusted source that saw it change: Pat's
 * promotion seen in display names stays his history when a contact that only ever knew the new
 * title is read later; a directory that saw a change outranks display names that saw another.
 */
export function deriveChangeTimeline(attribute: HistoryAttribute, points: readonly AttributePoint[]): AttributeHistoryEntry[] {
  return deriveSourceTimelines(attribute, points).find((timeline) => timeline.length > 1) ?? [];
}

/** Every attribute that changed at least once, its values oldest first, the last MAX_HISTORY_ENTRIES. */
export function deriveHistory(observedValues: PersonDocument['observedValues']): AttributeHistoryEntry[] {
  const entries: AttributeHistoryEntry[] = [];
  for (const attribute of historyAttributes) entries.push(...deriveChangeTimeline(attribute, observedValues?.[attribute] ?? []));
  entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : historyAttributes.indexOf(a.attribute) - historyAttributes.indexOf(b.attribute)));
  return entries.slice(Math.max(0, entries.length - MAX_HISTORY_ENTRIES));
}

/** Adds sightings to a person and re-derives the history; fields stay absent until there is something to keep. */
export function recordSightings(
  person: PersonDocument,
  sightings: ReadonlyArray<{ attribute: HistoryAttribute; point: AttributePoint }>,
): PersonDocument {
  if (sightings.length === 0) return person;
  const observedValues: NonNullable<PersonDocument['observedValues']> = { ...person.observedValues };
  for (const attribute of historyAttributes) {
    const additions = sightings.filter((s) => s.attribute === attribute).map((s) => s.point);
    if (additions.length > 0) observedValues[attribute] = addPoints(observedValues[attribute], additions);
  }
  const history = deriveHistory(observedValues);
  const { history: _previous, ...rest } = person;
  return { ...rest, observedValues, ...(history.length > 0 ? { history } : {}) };
}

/** "title: Program Manager → Director since 2026-08-17": each change, for the card. */
export function describeChanges(history: readonly AttributeHistoryEntry[]): { attribute: HistoryAttribute; from: string; to: string; since: string }[] {
  const changes: { attribute: HistoryAttribute; from: string; to: string; since: string }[] = [];
  for (const attribute of historyAttributes) {
    const timeline = history.filter((entry) => entry.attribute === attribute);
    for (let index = 1; index < timeline.length; index += 1) {
      changes.push({ attribute, from: timeline[index - 1]!.value, to: timeline[index]!.value, since: timeline[index]!.from });
    }
  }
  return changes.sort((a, b) => (a.since > b.since ? -1 : a.since < b.since ? 1 : 0));
}
