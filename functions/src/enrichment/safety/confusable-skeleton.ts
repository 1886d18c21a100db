// A domain's "skeleton": what it looks like to a reader, so two domains that render alike
// compare equal. A compact subset of Unicode TR39's confusables, chosen for what spoofers use in
// domain names: Cyrillic and Greek letters shaped like Latin ones, dotless and small-capital
// Latin letters, digits for letters (0/o, 1/l), accents stripped (cascadía → cascadia), fullwidth
// forms folded (NFKC), and letter pairs that read as one letter (rn → m, vv → w, cl → d). Pure.

/** Single characters that look like a Latin letter (after lower-casing). */
const confusableLetters: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c',
  т: 't', у: 'y', ү: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ѡ: 'w', ь: 'b', г: 'r', ո: 'n', ս: 'u', օ: 'o',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Latin look-alikes
  ı: 'i', ȷ: 'j', ɑ: 'a', ɩ: 'i', ʟ: 'l', ɪ: 'i', ᴏ: 'o', ꞵ: 'b', ſ: 'f', ł: 'l', ø: 'o', đ: 'd', ħ: 'h',
  // Digits and marks read as letters
  '0': 'o', '1': 'l', '|': 'l',
};

/** Letter pairs that read as one letter in most fonts. */
const confusablePairs: readonly [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
];

/** The skeleton of a host name (or any label): compare skeletons to find look-alikes. */
export function toConfusableSkeleton(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  let skeleton = '';
  for (const character of folded) skeleton += confusableLetters[character] ?? character;
  for (const [pair, letter] of confusablePairs) skeleton = skeleton.replace(pair, letter);
  return skeleton;
}

/** The writing systems other than Latin whose letters appear in the text ("Cyrillic", "Greek", …). */
export function listForeignScripts(text: string): string[] {
  const scripts: [string, RegExp][] = [
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['Greek', /\p{Script=Greek}/u],
    ['Armenian', /\p{Script=Armenian}/u],
    ['Cherokee', /\p{Script=Cherokee}/u],
  ];
  const found = scripts.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  // Other non-ASCII letters (accented Latin, IPA, small capitals) still render like plain Latin.
  if (found.length === 0 && /[^\x00-\x7f]/.test(text)) found.push('non-ASCII');
  return found;
}
