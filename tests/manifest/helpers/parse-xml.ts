// A small, strict, namespace-aware XML parser for the manifest tests. It rejects what a real
// XML parser would (mismatched or unclosed tags, duplicate attributes, unknown entities,
// unbound prefixes, stray text outside the root, DOCTYPEs) so "well-formed" means something,
// without depending on a library the project does not declare.

export interface XmlAttribute {
  qName: string;
  localName: string;
  /** Namespace URI; unprefixed attributes have none, as in the XML Namespaces spec. */
  ns: string | null;
  value: string;
}

export interface XmlNode {
  qName: string;
  prefix: string | null;
  localName: string;
  ns: string | null;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Concatenated character data directly inside this element. */
  text: string;
  parent: XmlNode | null;
  line: number;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlNode {
  let pos = 0;
  const lineAt = (at: number): number => source.slice(0, at).split('\n').length;
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(`${message} (line ${lineAt(at)})`);
  };

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&]*);|&/g, (match, ref: string | undefined) => {
      if (ref === undefined) return fail('bare "&" (must be escaped as &amp;)', at);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!numeric) return fail(`unknown entity "&${ref};"`, at);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
      if (code === 0 || code > 0x10ffff) return fail(`invalid character reference "${match}"`, at);
      return String.fromCodePoint(code);
    });

  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };

  /** Comments, processing instructions and whitespace, allowed between markup. */
  const skipMisc = (allowText: boolean): void => {
    for (;;) {
      if (!allowText) skipSpace();
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail('unterminated comment');
        if (source.slice(pos + 4, end).includes('--')) fail('"--" inside a comment');
        pos = end + 3;
      } else if (source.startsWith('<?', pos)) {
        if (/^<\?xml[\s?]/i.test(source.slice(pos, pos + 6))) fail('XML declaration not at the start of the document');
        const end = source.indexOf('?>', pos + 2);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else {
        return;
      }
    }
  };

  // The XML declaration, if present, must be the very first thing in the document.
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    const decl = source.slice(0, end + 2);
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/.test(decl)) {
      fail('malformed XML declaration', 0);
    }
    pos = end + 2;
  }
  skipMisc(false);
  if (source.startsWith('<!DOCTYPE', pos)) fail('DOCTYPE is not allowed');

  const parseElement = (parent: XmlNode | null, scope: Map<string, string>): XmlNode => {
    const start = pos;
    if (source[pos] !== '<') fail('expected "<"');
    pos++;
    const nameMatch = /^[^\s/>]+/.exec(source.slice(pos));
    if (!nameMatch || !NAME.test(nameMatch[0])) fail(`invalid element name "${nameMatch?.[0] ?? ''}"`);
    const qName = nameMatch![0];
    pos += qName.length;

    const rawAttributes: Array<{ qName: string; value: string }> = [];
    for (;;) {
      const hadSpace = /\s/.test(source[pos] ?? '');
      skipSpace();
      if (source.startsWith('/>', pos) || source[pos] === '>') break;
      if (pos >= source.length) fail(`unterminated start tag <${qName}>`, start);
      if (!hadSpace) fail(`missing whitespace before attribute in <${qName}>`);
      const attrMatch = /^([^\s=/>]+)\s*=\s*(["'])/.exec(source.slice(pos));
      if (!attrMatch || !NAME.test(attrMatch[1]!)) fail(`malformed attribute in <${qName}>`);
      const attrName = attrMatch![1]!;
      const quote = attrMatch![2]!;
      pos += attrMatch![0].length;
      const close = source.indexOf(quote, pos);
      if (close < 0) fail(`unterminated attribute value for ${attrName}`);
      const raw = source.slice(pos, close);
      if (raw.includes('<')) fail(`"<" in attribute value for ${attrName}`);
      if (rawAttributes.some((a) => a.qName === attrName)) fail(`duplicate attribute ${attrName} in <${qName}>`);
      rawAttributes.push({ qName: attrName, value: decode(raw, pos) });
      pos = close + 1;
    }

    // Namespace declarations on this element apply to the element itself and its attributes.
    const localScope = new Map(scope);
    for (const a of rawAttributes) {
      if (a.qName === 'xmlns') localScope.set('', a.value);
      else if (a.qName.startsWith('xmlns:')) {
        if (a.value === '') fail(`empty namespace for prefix ${a.qName.slice(6)}`, start);
        localScope.set(a.qName.slice(6), a.value);
      }
    }
    const [prefix, localName] = qName.includes(':') ? (qName.split(':') as [string, string]) : [null, qName];
    const ns = prefix === null ? localScope.get('') || null : prefix === 'xml' ? XML_NS : localScope.get(prefix);
    if (ns === undefined) fail(`unbound namespace prefix "${prefix}" on <${qName}>`, start);
    const attributes: XmlAttribute[] = rawAttributes.map((a) => {
      if (a.qName === 'xmlns' || a.qName.startsWith('xmlns:')) {
        return { qName: a.qName, localName: a.qName === 'xmlns' ? 'xmlns' : a.qName.slice(6), ns: XMLNS_NS, value: a.value };
      }
      if (!a.qName.includes(':')) return { qName: a.qName, localName: a.qName, ns: null, value: a.value };
      const [attrPrefix, attrLocal] = a.qName.split(':') as [string, string];
      const attrNs = attrPrefix === 'xml' ? XML_NS : localScope.get(attrPrefix);
      if (attrNs === undefined) return fail(`unbound namespace prefix "${attrPrefix}" on attribute ${a.qName}`, start);
      return { qName: a.qName, localName: attrLocal, ns: attrNs, value: a.value };
    });
    const seen = new Set<string>();
    for (const a of attributes) {
      const key = `${a.ns ?? ''}|${a.localName}`;
      if (seen.has(key)) fail(`attribute ${a.qName} duplicates another in namespace ${a.ns}`, start);
      seen.add(key);
    }

    const node: XmlNode = { qName, prefix, localName, ns: ns ?? null, attributes, children: [], text: '', parent, line: lineAt(start) };
    if (source.startsWith('/>', pos)) {
      pos += 2;
      return node;
    }
    pos++; // '>'

    for (;;) {
      if (pos >= source.length) fail(`<${qName}> is never closed`, start);
      if (source.startsWith('</', pos)) {
        const endMatch = /^<\/([^\s>]+)\s*>/.exec(source.slice(pos));
        if (!endMatch) fail('malformed end tag');
        if (endMatch![1] !== qName) fail(`end tag </${endMatch![1]}> does not match <${qName}>`);
        pos += endMatch![0].length;
        return node;
      }
      if (source.startsWith('<!--', pos) || source.startsWith('<?', pos)) {
        skipMisc(true);
        continue;
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA section');
        node.text += source.slice(pos + 9, end);
        pos = end + 3;
        continue;
      }
      if (source[pos] === '<') {
        node.children.push(parseElement(node, localScope));
        continue;
      }
      const next = source.indexOf('<', pos);
      const raw = source.slice(pos, next < 0 ? source.length : next);
      if (raw.includes(']]>')) fail('"]]>" in character data');
      node.text += decode(raw, pos);
      pos += raw.length;
    }
  };

  const root = parseElement(null, new Map());
  skipMisc(false);
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** The value of an attribute by local name and namespace (null for unprefixed attributes). */
export function attr(node: XmlNode, localName: string, ns: string | null = null): string | undefined {
  return node.attributes.find((a) => a.localName === localName && a.ns === ns)?.value;
}

/** Every descendant element, depth first, in document order. */
export function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

export function ancestors(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}
