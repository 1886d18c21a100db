// The CI dependency audit's decisions, on npm audit's JSON report format.
import { checkAllowlist, findUnacceptedAdvisories, listBlockingAdvisories } from '../../dev/audit-check.ts';

const report = {
  vulnerabilities: {
    'bad-lib': {
      severity: 'critical',
      via: [{ source: 1099, name: 'bad-lib', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'critical' }],
    },
    'uses-bad-lib': { severity: 'critical', via: ['bad-lib'] },
    'meh-lib': { severity: 'moderate', via: [{ source: 2001, name: 'meh-lib', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'moderate' }] },
  },
};

it('lists only high and critical advisories, once each, by GHSA id', () => {
  expect(listBlockingAdvisories(report)).toEqual([
    { id: 'GHSA-aaaa-bbbb-cccc', package: 'bad-lib', severity: 'critical', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc' },
  ]);
  expect(() => listBlockingAdvisories({ error: { code: 'ENOTFOUND' } })).toThrow(/vulnerabilities/);
});

it('accepts an advisory only while its allow-list entry has not expired', () => {
  const advisories = listBlockingAdvisories(report);
  const entry = { id: 'GHSA-aaaa-bbbb-cccc', package: 'bad-lib', reason: 'Only reachable from the CLI we do not ship', expires: '2026-12-31' };
  expect(findUnacceptedAdvisories(advisories, [entry], '2026-06-01')).toEqual([]);
  expect(findUnacceptedAdvisories(advisories, [entry], '2027-01-01')).toEqual(advisories);
  expect(findUnacceptedAdvisories(advisories, [{ ...entry, package: 'other' }], '2026-06-01')).toEqual(advisories);
});

it('refuses allow-list entries without a reason or a valid, future expiry', () => {
  expect(checkAllowlist([{ id: 'GHSA-1', package: 'p', reason: 'No fix released; not reachable', expires: '2027-01-01' }], '2026-06-01')).toEqual([]);
  expect(checkAllowlist([{ id: 'GHSA-1', package: 'p', reason: '', expires: '2027-01-01' }], '2026-06-01')).toEqual([expect.stringMatching(/reason/)]);
  expect(checkAllowlist([{ id: 'GHSA-1', package: 'p', reason: 'No fix released; not reachable', expires: 'soon' }], '2026-06-01')).toEqual([expect.stringMatching(/YYYY-MM-DD/)]);
  expect(checkAllowlist([{ id: 'GHSA-1', package: 'p', reason: 'No fix released; not reachable', expires: '2026-01-01' }], '2026-06-01')).toEqual([expect.stringMatching(/expired/)]);
});
