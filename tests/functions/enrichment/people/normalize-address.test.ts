// Which addresses are one mailbox: case always; a plus tag only where folding it is safe.
import { canonicalizeAddress, expandLookupAddresses, stripPlusTag } from '../../../../functions/src/enrichment/people/normalize-address.ts';

describe('canonicalizeAddress', () => {
  const known = new Set(['jess@orcacounty-cascadia.gov']);
  it.each<[string, string, string]>([
    ['lower-cases and trims', ' Jess.Morgan@Housing.Cascadia.GOV ', 'jess.morgan@housing.cascadia.gov'],
    ['folds a tag at a provider known to deliver it', 'jess+shelter@gmail.com', 'jess@gmail.com'],
    ['folds a tag at outlook.com, case-insensitively', 'Jess+Shelter@Outlook.com', 'jess@outlook.com'],
    ['folds a tag when the base address is also seen', 'jess+shelter@orcacounty-cascadia.gov', 'jess@orcacounty-cascadia.gov'],
    ['keeps a tag at an unknown domain whose base was never seen', 'pat+board@kestrel.example.org', 'pat+board@kestrel.example.org'],
    ['keeps an address that starts with "+"', '+alerts@gmail.com', '+alerts@gmail.com'],
    ['keeps an address without a tag', 'sam@driftwood.org', 'sam@driftwood.org'],
  ])('%s', (_case, input, expected) => {
    expect(canonicalizeAddress(input, { isKnown: (base) => known.has(base) })).toBe(expected);
  });

  it('takes the tag off only up to the first "+"', () => {
    expect(stripPlusTag('a+b+c@gmail.com')).toBe('a@gmail.com');
    expect(stripPlusTag('no-tag@gmail.com')).toBeNull();
  });

  it('looks a tagged address up under itself and its base', () => {
    expect(expandLookupAddresses('Jess+Shelter@x.gov')).toEqual(['jess+shelter@x.gov', 'jess@x.gov']);
    expect(expandLookupAddresses('jess@x.gov')).toEqual(['jess@x.gov']);
  });
});
