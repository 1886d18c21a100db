// The test XML parser must reject malformed documents, or "well-formed" would prove nothing.
import { attr, parseXml, XmlSyntaxError } from './helpers/parse-xml.ts';

describe('parseXml', () => {
  it('parses namespaces, attributes, entities and nesting', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a xmlns="urn:a" xmlns:b="urn:b" b:x="1 &amp; 2"><b:c y=\'&lt;&#65;&#x42;\'>t&gt;</b:c><d/></a>\n',
    );
    expect(root.localName).toBe('a');
    expect(root.ns).toBe('urn:a');
    expect(attr(root, 'x', 'urn:b')).toBe('1 & 2');
    const [c, d] = root.children;
    expect(c?.ns).toBe('urn:b');
    expect(attr(c!, 'y')).toBe('<AB');
    expect(c?.text).toBe('t>');
    expect(d?.ns).toBe('urn:a');
  });

  it.each([
    ['mismatched end tag', '<a><b></a></b>'],
    ['unclosed element', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['text after root', '<a/>x'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['duplicate namespaced attribute', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:y="1" q:y="2"/>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['"<" in attribute', '<a x="<"/>'],
    ['unbound prefix', '<p:a/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['missing space between attributes', '<a x="1"y="2"/>'],
    ['DOCTYPE', '<!DOCTYPE a><a/>'],
    ['late XML declaration', '<a/><?xml version="1.0"?>'],
    ['bad comment', '<a><!-- a -- b --></a>'],
    ['empty document', ''],
  ])('rejects %s', (_name, source) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
  });
});
