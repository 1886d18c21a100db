// Time arithmetic for the scenario: the agencies work Pacific time (DST-aware), mail happens
// mostly in working hours, and Graph writes instants as UTC strings in two different styles.
import type { SeededRandom } from './seeded-random.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

function nthSundayUtc(year: number, monthIndex: number, n: number): number {
  const first = Date.UTC(year, monthIndex, 1);
  const weekday = new Date(first).getUTCDay();
  const firstSunday = 1 + ((7 - weekday) % 7);
  return Date.UTC(year, monthIndex, firstSunday + 7 * (n - 1));
}

/** Hours Pacific time is behind UTC at an instant (7 in daylight time, 8 in standard time). */
export function readPacificOffsetHours(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const dstStart = nthSundayUtc(year, 2, 2) + 10 * HOUR_MS; // 02:00 PST
  const dstEnd = nthSundayUtc(year, 10, 1) + 9 * HOUR_MS; // 02:00 PDT
  return utcMs >= dstStart && utcMs < dstEnd ? 7 : 8;
}

/** The UTC instant of a Pacific wall-clock time on the Pacific calendar day that starts at dayMs (UTC midnight of that date). */
export function atPacificTime(dayMs: number, hour: number, minute = 0): number {
  const guess = dayMs + hour * HOUR_MS + minute * MINUTE_MS;
  return guess + readPacificOffsetHours(guess + 8 * HOUR_MS) * HOUR_MS;
}

/** The UTC-midnight timestamp of the Pacific calendar date an instant falls on. */
export function readPacificDay(utcMs: number): number {
  const local = utcMs - readPacificOffsetHours(utcMs) * HOUR_MS;
  return Math.floor(local / DAY_MS) * DAY_MS;
}

export function readPacificHour(utcMs: number): number {
  const local = utcMs - readPacificOffsetHours(utcMs) * HOUR_MS;
  return (local - Math.floor(local / DAY_MS) * DAY_MS) / HOUR_MS;
}

export function isWeekend(dayMs: number): boolean {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The Pacific working days (Mon–Fri) between two instants, as UTC-midnight day stamps. */
export function listWorkdays(fromMs: number, toMs: number): number[] {
  const days: number[] = [];
  for (let day = readPacificDay(fromMs); day <= readPacificDay(toMs); day += DAY_MS) {
    if (!isWeekend(day)) days.push(day);
  }
  return days;
}

/** A random instant in working hours (mostly 8:00–17:30, sometimes early or late) on a given day. */
export function pickWorkingInstant(random: SeededRandom, dayMs: number): number {
  const late = random.chance(0.06);
  const hour = late ? random.pick([6, 7, 18, 19, 20, 21]) : random.int(8, 17);
  return atPacificTime(dayMs, hour, random.int(0, 59)) + random.int(0, 59) * 1000;
}

/** Moves an instant forward to working hours if it fell on a night or weekend. */
export function shiftIntoWorkingHours(random: SeededRandom, utcMs: number): number {
  const hour = readPacificHour(utcMs);
  let day = readPacificDay(utcMs);
  if (!isWeekend(day) && hour >= 7.5 && hour < 18.5) return utcMs;
  if (hour >= 7.5) day += DAY_MS;
  while (isWeekend(day)) day += DAY_MS;
  return atPacificTime(day, random.int(7, 10), random.int(0, 59)) + random.int(0, 59) * 1000;
}

/** ISO instant as Graph writes message timestamps: 2026-05-28T17:00:03Z. */
export function formatGraphInstant(utcMs: number): string {
  return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Graph's dateTimeTimeZone.dateTime for UTC: 2026-05-28T17:00:00.0000000. */
export function formatGraphDateTime(utcMs: number): string {
  return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, '.0000000');
}
