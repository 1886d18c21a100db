// A tiny XML writer for the manifest: escaping and indentation in one place, so the
// renderer only states structure and the output is byte-stable for the --check mode.

export interface XmlElement {
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: ReadonlyArray<XmlElement | string>;
}

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = XmlElement | string | number | boolean | null | undefined | false;

/** Builds an element; attribute order is kept as written, undefined attributes and children are dropped. */
export function el(name: string, attributes: Attributes = {}, ...children: Child[]): XmlElement {
  const attrs: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) attrs.push([key, String(value)]);
  }
  const kids: Array<XmlElement | string> = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    kids.push(typeof child === 'object' ? child : String(child));
  }
  return { name, attributes: attrs, children: kids };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function renderElement(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attrs = element.attributes.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (element.children.length === 0) return `${indent}<${element.name}${attrs}/>`;
  // Text-only elements stay on one line so whitespace never leaks into values like <Id>.
  if (element.children.every((c) => typeof c === 'string')) {
    const text = (element.children as string[]).map(escapeXml).join('');
    return `${indent}<${element.name}${attrs}>${text}</${element.name}>`;
  }
  const inner = element.children
    .map((child) => (typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : renderElement(child, depth + 1)))
    .join('\n');
  return `${indent}<${element.name}${attrs}>\n${inner}\n${indent}</${element.name}>`;
}

/** Serialises a document with an XML declaration and a trailing newline. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, 0)}\n`;
}
