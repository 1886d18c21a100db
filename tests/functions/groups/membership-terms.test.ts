// Terms: the end day still counts; an end before the start is refused.
import { findTermProblem, formatTermDate, isTermCurrent } from '../../../functions/src/groups/membership-terms.ts';

it.each([
  [{ end: null }, true],
  [{}, true],
  [{ end: '2025-06-30' }, true],
  [{ end: '2025-06-29' }, false],
  [{ end: '2026-01-01' }, true],
])('term %j is current on 2025-06-30: %s', (term, current) => {
  expect(isTermCurrent(term, '2025-06-30')).toBe(current);
});

it.each([
  [{ start: '2025-01-01', end: '2024-12-31' }, "end: 2024-12-31 is before the term's start 2025-01-01"],
  [{ start: '2025-01-01', end: '2025-01-01' }, null],
  [{ start: null, end: '2020-01-01' }, null],
  [{ start: '2025-01-01', end: null }, null],
])('term %j has problem %s', (term, problem) => {
  expect(findTermProblem(term)).toBe(problem);
});

it('dates are UTC days', () => {
  expect(formatTermDate(new Date('2025-03-01T23:30:00-05:00'))).toBe('2025-03-02');
});
