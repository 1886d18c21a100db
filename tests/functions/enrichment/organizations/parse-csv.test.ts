// The registry's CSV parser on RFC 4180's corners: quotes, doubled quotes, embedded commas and
// line breaks, CRLF and LF, a BOM, a missing final line break, non-ASCII.
import { parseCsv, parseCsvRecords } from '../../../../functions/src/enrichment/organizations/parse-csv.ts';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['plain CRLF records', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF records', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['no final line break', 'a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
    ['an embedded comma', 'x,"Town of Acton, Massachusetts",y\r\n', [['x', 'Town of Acton, Massachusetts', 'y']]],
    ['doubled quotes', '"say ""hi""",b\r\n', [['say "hi"', 'b']]],
    ['an embedded CRLF', '"line one\r\nline two",b\r\n', [['line one\r\nline two', 'b']]],
    ['empty fields', ',,\r\n', [['', '', '']]],
    ['an empty quoted field', '"",x\r\n', [['', 'x']]],
    ['a BOM', '\uFEFFa,b\r\n', [['a', 'b']]],
    ['a curly apostrophe', 'mprtx.gov,City of Morgan’s Point Resort\r\n', [['mprtx.gov', 'City of Morgan’s Point Resort']]],
    ['a quote inside an unquoted field, kept as text', 'a"b,c\r\n', [['a"b', 'c']]],
    ['a trailing comma', 'a,\r\n', [['a', '']]],
    ['nothing', '', []],
  ])('parses %s', (_case, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('rejects text that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"open\r\n')).toThrow(/inside a quoted field/);
  });

  it('keys records by the header and fills short rows', () => {
    expect(parseCsvRecords('Domain name,City\r\na.gov,Austin\r\nb.gov\r\n\r\n')).toEqual([
      { 'Domain name': 'a.gov', City: 'Austin' },
      { 'Domain name': 'b.gov', City: '' },
    ]);
  });
});
