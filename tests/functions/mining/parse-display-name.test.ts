// Display names carry facts by government convention: "Last, First (UNIT)" and "Name - Title".
import { parseDisplayName, type ParsedDisplayName } from '../../../functions/src/mining/parse-display-name.ts';

describe('parseDisplayName', () => {
  const cases: [string, string, ParsedDisplayName][] = [
    ['reorders "Last, First" and takes the unit in parentheses', 'Morgan, Jess (HOUSING)', { name: 'Jess Morgan', title: null, unit: 'HOUSING' }],
    ['takes a title after a spaced hyphen', 'Pat Okafor - Director', { name: 'Pat Okafor', title: 'Director', unit: null }],
    ['takes a title after an en dash', 'Pat Okafor – Deputy Director', { name: 'Pat Okafor', title: 'Deputy Director', unit: null }],
    ['takes a title after a pipe', 'Pat Okafor | Deputy Director', { name: 'Pat Okafor', title: 'Deputy Director', unit: null }],
    ['takes unit, title and last-first together', 'Okafor, Pat - Director (HEALTH)', { name: 'Pat Okafor', title: 'Director', unit: 'HEALTH' }],
    ['leaves a plain name untouched', 'Jess Morgan', { name: 'Jess Morgan', title: null, unit: null }],
    ['keeps a hyphen inside a name (no spaces around it)', 'Mary-Jane Smith', { name: 'Mary-Jane Smith', title: null, unit: null }],
    ['keeps an apostrophe inside a name', "O'Brien, Sean", { name: "Sean O'Brien", title: null, unit: null }],
    ['reorders "Last,First" without a space', 'Morgan,Jess', { name: 'Jess Morgan', title: null, unit: null }],
    ['strips surrounding double quotes', '"Morgan, Jess"', { name: 'Jess Morgan', title: null, unit: null }],
    ['strips surrounding single quotes', "'Jess Morgan'", { name: 'Jess Morgan', title: null, unit: null }],
    ['strips quotes around a name with a unit', '"Okafor, Pat (HEALTH)"', { name: 'Pat Okafor', title: null, unit: 'HEALTH' }],
    ['collapses runs of whitespace', 'Jess   Morgan', { name: 'Jess Morgan', title: null, unit: null }],
    ['collapses tabs and trims the ends', '\tMorgan,\t Jess  ( HOUSING )  ', { name: 'Jess Morgan', title: null, unit: 'HOUSING' }],
    ['trims a title and a unit', 'Pat Okafor  -   Director ', { name: 'Pat Okafor', title: 'Director', unit: null }],
    ['leaves an address used as a name untouched', 'jess.morgan@housing.cascadia.gov', { name: 'jess.morgan@housing.cascadia.gov', title: null, unit: null }],
    ['gives an empty name for an empty display name', '', { name: '', title: null, unit: null }],
    ['gives an empty name for whitespace only', '   ', { name: '', title: null, unit: null }],
  ];

  it.each(cases)('%s: %j', (_behaviour, raw, expected) => {
    expect(parseDisplayName(raw)).toEqual(expected);
  });

  it('strips quotes even when whitespace surrounds them', () => {
    expect(parseDisplayName('  "Morgan, Jess"  ')).toEqual({ name: 'Jess Morgan', title: null, unit: null });
    expect(parseDisplayName(' "Jess Morgan" ')).toEqual({ name: 'Jess Morgan', title: null, unit: null });
  });
});
