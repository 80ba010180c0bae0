// A small element tree for the exported SVG, and its serialisation. Tag and attribute names come
// from our code; every value and text is escaped, so data never becomes markup.

export type SvgAttributes = Record<string, string | number | null | undefined>;

export interface SvgElement {
  tag: string;
  attrs: SvgAttributes;
  children: SvgChild[];
}

export type SvgChild = SvgElement | string;

export function el(tag: string, attrs: SvgAttributes = {}, ...children: SvgChild[]): SvgElement {
  return { tag, attrs, children };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) would make the file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

const formatValue = (v: string | number) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);

export function serializeSvg(node: SvgChild): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(formatValue(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(serializeSvg).join('')}</${node.tag}>`;
}
