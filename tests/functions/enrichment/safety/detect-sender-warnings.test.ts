// First-contact safety checks, table-driven with crafted spoofs: homoglyph domains (a Cyrillic а,
// rn for m, 0 for o, accents), hyphen and dot games, rearranged words, one-character typos, a known
// domain worn as a prefix; addresses inside display names; government names from free mail. And
// what must NOT warn: the known domains themselves, their subdomains, unrelated domains.
import { toConfusableSkeleton, listForeignScripts } from '../../../../functions/src/enrichment/safety/confusable-skeleton.ts';
import { detectSenderWarnings, findForeignAddresses, findResemblance, soundsGovernmental } from '../../../../functions/src/enrichment/safety/detect-sender-warnings.ts';
import { measureEditDistance } from '../../../../functions/src/enrichment/safety/edit-distance.ts';
import { buildKnownDomainIndex } from '../../../../functions/src/enrichment/safety/known-domain-index.ts';

const index = buildKnownDomainIndex([
  { domain: 'cascadia-health.gov', name: 'Cascadia Health Authority' },
  { domain: 'health.cascadia.gov', name: 'Cascadia Department of Health' },
  { domain: 'orcacounty-cascadia.gov', name: 'Orca County' },
  { domain: 'rhcouncil.org', name: 'Regional Homelessness Council' },
  { domain: 'modoc.gov', name: 'Modoc County' },
  { domain: 'driftwoodharbor.org', name: 'Driftwood Harbor Shelter' },
  { domain: 'acton-ma.gov', name: 'Town of Acton, Massachusetts' },
  { domain: 'actonma.gov', name: 'Town of Acton, Massachusetts' },
]);

describe('toConfusableSkeleton', () => {
  it.each([
    ['cascadia-heаlth.gov', 'cascadia-health.gov', 'Cyrillic а'],
    ['cascadia-hеalth.gov', 'cascadia-health.gov', 'Cyrillic е'],
    ['οrcacounty-cascadia.gov', 'orcacounty-cascadia.gov', 'Greek ο'],
    ['0rcacounty-cascadia.gov', 'orcacounty-cascadia.gov', 'digit zero'],
    ['rnodoc.gov', 'modoc.gov', 'rn for m'],
    ['driftvvoodharbor.org', 'driftwoodharbor.org', 'vv for w'],
    ['cascadía-health.gov', 'cascadia-health.gov', 'an accent'],
    ['ＣＡＳＣＡＤＩＡ-health.gov', 'cascadia-health.gov', 'fullwidth capitals'],
    ['rhcounci1.org', 'rhcounci' + 'l.org', 'digit one for l'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(toConfusableSkeleton(input)).toBe(toConfusableSkeleton(expected));
  });

  it('names the foreign alphabets in a host', () => {
    expect(listForeignScripts('cascadia-heаlth.gov')).toEqual(['Cyrillic']);
    expect(listForeignScripts('οrca.gov')).toEqual(['Greek']);
    expect(listForeignScripts('cascadía.gov')).toEqual(['non-ASCII']);
    expect(listForeignScripts('cascadia.gov')).toEqual([]);
  });
});

describe('measureEditDistance', () => {
  it.each([
    ['cascadiahealth.gov', 'cascadia-health.gov', 1],
    ['cascadia-heath.gov', 'cascadia-health.gov', 1],
    ['cascadia-haelth.gov', 'cascadia-health.gov', 1],
    ['cascadia-health.gov', 'cascadia-health.gov', 0],
    ['orcacounty.gov', 'orcacounty-cascadia.gov', 2],
  ])('%s ↔ %s: %i (bounded at 1)', (a, b, expected) => {
    expect(measureEditDistance(a, b, 1)).toBe(expected);
  });
});

describe('findResemblance', () => {
  it.each([
    ['cascadia-heаlth.gov', 'cascadia-health.gov', 'homoglyph'],
    ['rnodoc.gov', 'modoc.gov', 'homoglyph'],
    ['0rcacounty-cascadia.gov', 'orcacounty-cascadia.gov', 'homoglyph'],
    ['cascadía-health.gov', 'cascadia-health.gov', 'homoglyph'],
    ['cascadiahealth.gov', 'cascadia-health.gov', 'hyphenation'],
    ['orcacountycascadia.gov', 'orcacounty-cascadia.gov', 'hyphenation'],
    ['healthcascadia.gov', 'health.cascadia.gov', 'hyphenation'],
    ['cascadia.health.gov', 'cascadia-health.gov', 'hyphenation'],
    ['health-cascadia.gov', 'health.cascadia.gov', 'hyphenation'],
    ['gov-cascadia.health', 'cascadia-health.gov', 'rearranged'],
    ['cascadia-heath.gov', 'cascadia-health.gov', 'edit'],
    ['orcacounty-cascadla.gov', 'orcacounty-cascadia.gov', 'edit'],
    ['rhcouncill.org', 'rhcouncil.org', 'edit'],
    ['mail.cascadia-heаlth.gov', 'cascadia-health.gov', 'homoglyph'],
    ['orcacounty-cascadia.gov.example.net', 'orcacounty-cascadia.gov', 'embedded'],
  ])('%s imitates %s (%s)', (host, domain, technique) => {
    expect(findResemblance(host, index)).toMatchObject({ known: { domain }, technique });
  });

  it.each([
    ['cascadia-health.gov', 'the known domain itself'],
    ['mail.health.cascadia.gov', 'a subdomain of a known domain'],
    ['actonma.gov', 'two registered spellings of one town are both known'],
    ['shelternorth.org', 'an unrelated domain'],
    ['modoc.org', 'a short name under another ending is not one edit away'],
    ['abc.gov', 'too short to judge by one edit'],
  ])('%s is not a look-alike (%s)', (host) => {
    expect(findResemblance(host, index)).toBeNull();
  });
});

describe('findForeignAddresses', () => {
  it.each([
    ['"jess.morgan@housing.cascadia.gov"', 'x@evil.example', ['jess.morgan@housing.cascadia.gov']],
    ['Jess Morgan (Jess.Morgan@Housing.Cascadia.gov)', 'x@evil.example', ['jess.morgan@housing.cascadia.gov']],
    ['Jess Morgan <jess.morgan@housing.cascadia.gov>', 'jess.morgan@housing.cascadia.gov', []],
    ['Jess Morgan', 'x@evil.example', []],
    ['IT Help desk@support', 'x@evil.example', []],
  ])('%s from %s → %j', (name, email, expected) => {
    expect(findForeignAddresses(name, email)).toEqual(expected);
  });
});

describe('soundsGovernmental', () => {
  it.each([
    ['County Health Department', true],
    ['Orca County Clerk', true],
    ['City of Port Alder Permits', true],
    ['Dept. of Revenue', true],
    ['IRS Refunds', true],
    ['Office of the Governor', true],
    ['cascadia.gov billing', true],
    ['Jess Morgan', false],
    ['Driftwood Harbor Shelter', false],
    ['Goverdhan Patel', false],
  ])('%s → %s', (name, expected) => {
    expect(soundsGovernmental(name)).toBe(expected);
  });
});

describe('detectSenderWarnings', () => {
  const sender = (email: string, displayName: string | null, freemail = false) => ({
    email,
    host: email.slice(email.lastIndexOf('@') + 1).toLowerCase(),
    displayName,
    freemail,
  });

  it('warns about a Cyrillic look-alike and names the alphabet and the organization', () => {
    const [warning, ...rest] = detectSenderWarnings(sender('billing@cascadia-heаlth.gov', 'Cascadia Health Billing'), index);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ kind: 'lookalike-domain', resembles: 'cascadia-health.gov', resemblesName: 'Cascadia Health Authority', technique: 'homoglyph', scripts: ['Cyrillic'] });
    expect(warning?.message).toBe('cascadia-heаlth.gov looks like cascadia-health.gov (Cascadia Health Authority) but is not it: it uses look-alike characters. It contains Cyrillic characters.');
  });

  it('warns about an address in the display name that is not the sender', () => {
    const warnings = detectSenderWarnings(sender('jessm0rgan@gmail.com', 'jess.morgan@housing.cascadia.gov'), index);
    expect(warnings.map((w) => w.kind)).toEqual(['display-name-address']);
    expect(warnings[0]?.message).toBe('The name shows the address jess.morgan@housing.cascadia.gov, but the message comes from jessm0rgan@gmail.com.');
  });

  it('warns about a government-sounding name from free mail', () => {
    const warnings = detectSenderWarnings(sender('orca.health.dept@gmail.com', 'County Health Department', true), index);
    expect(warnings.map((w) => w.kind)).toEqual(['gov-name-from-freemail']);
    expect(warnings[0]?.message).toContain('free email address (gmail.com)');
  });

  it('can raise several warnings at once', () => {
    const warnings = detectSenderWarnings(sender('clerk@orcacountycascadia.gov', 'Orca County Clerk <clerk@orcacounty-cascadia.gov>'), index);
    expect(warnings.map((w) => w.kind)).toEqual(['display-name-address', 'lookalike-domain']);
  });

  it.each([
    ['jess.morgan@housing.cascadia.gov', 'Jess Morgan', false],
    ['lee@orcacounty-cascadia.gov', 'Orca County Clerk', false],
    ['pat@gmail.com', 'Pat Doe', true],
    ['info@shelternorth.org', 'Shelter North', false],
    ['someone@modoc.gov', null, false],
  ])('no warning for %s (%s)', (email, name, freemail) => {
    expect(detectSenderWarnings(sender(email, name, freemail), index)).toEqual([]);
  });
});

describe('several known-domain lists', () => {
  const tenant = buildKnownDomainIndex([{ domain: 'orcacounty-cascadia.gov', name: 'Orca County' }]);
  const registry = buildKnownDomainIndex([{ domain: 'orcacounty-cascadla.gov', name: 'A real registrant' }]);

  it('a host known to any list is not a look-alike of another', () => {
    expect(findResemblance('orcacounty-cascadla.gov', [tenant, registry])).toBeNull();
  });

  it('a look-alike of either list is found', () => {
    expect(findResemblance('0rcacounty-cascadia.gov', [registry, tenant])).toMatchObject({ known: { domain: 'orcacounty-cascadia.gov' } });
  });
});
