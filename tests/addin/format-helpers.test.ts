// The small text helpers of the cards and the theme decision, table-driven.
import { chooseThemeForBackground } from '../../addin/src/office/read-office-theme.ts';
import { describeStrengthInputs } from '../../addin/src/taskpane/model/describe-strength.ts';
import { formatRelativeTime } from '../../addin/src/taskpane/model/format-relative-time.ts';

const now = new Date('2026-03-20T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    { iso: '2026-03-20T08:00:00Z', expected: 'today' },
    { iso: '2026-03-21T08:00:00Z', expected: 'today' },
    { iso: '2026-03-19T11:00:00Z', expected: 'yesterday' },
    { iso: '2026-03-16T09:00:00Z', expected: '4 days ago' },
    { iso: '2026-02-27T12:00:00Z', expected: '3 weeks ago' },
    { iso: '2025-12-01T12:00:00Z', expected: '3 months ago' },
    { iso: '2024-03-01T12:00:00Z', expected: '2 years ago' },
    { iso: 'not a date', expected: 'unknown' },
  ])('$iso → $expected', ({ iso, expected }) => {
    expect(formatRelativeTime({ iso, now })).toBe(expected);
  });
});

describe('describeStrengthInputs', () => {
  const base = { score: 60, label: 'Strong' as const, emailsSent: 12, emailsReceived: 9, meetings: 3 };
  it.each([
    { lastInteractionAt: '2026-03-16T09:00:00Z', meetings: 3, expected: '12 sent · 9 received · 3 meetings · last 4 days ago' },
    { lastInteractionAt: '2026-03-20T09:00:00Z', meetings: 1, expected: '12 sent · 9 received · 1 meeting · last contact today' },
    { lastInteractionAt: null, meetings: 0, expected: '12 sent · 9 received · 0 meetings · no contact yet' },
  ])('$expected', ({ lastInteractionAt, meetings, expected }) => {
    expect(describeStrengthInputs({ strength: { ...base, meetings, lastInteractionAt }, now })).toBe(expected);
  });
});

describe('chooseThemeForBackground', () => {
  it.each([
    { color: '#ffffff', expected: 'light' },
    { color: '#FFF', expected: 'light' },
    { color: '#f3f2f1', expected: 'light' },
    { color: '#292929', expected: 'dark' },
    { color: '#000000', expected: 'dark' },
    { color: '#666666', expected: 'dark' },
    { color: '#b0b0b0', expected: 'light' },
    { color: '', expected: 'light' },
    { color: undefined, expected: 'light' },
    { color: 'rgb(0,0,0)', expected: 'light' },
  ])('$color → $expected', ({ color, expected }) => {
    expect(chooseThemeForBackground(color)).toBe(expected);
  });
});
