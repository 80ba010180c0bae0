// A caption's formatting as plain data: paragraphs of text, bold, italic, links and line breaks.
// Markdown is read by marked's lexer; its tokens are walked into this small tree and nothing else
// survives: HTML in a caption stays the text it was typed as, and a link keeps its address only
// when it is http(s) or mailto. Whoever draws a caption (React, SVG, print, video) draws this tree
// as text nodes, so no caption can ever become markup.
import { Lexer, type Token, type Tokens } from 'marked';
import { safeHref } from './safeHref.ts';

export type CaptionInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: CaptionInline[] }
  | { kind: 'em'; children: CaptionInline[] }
  | { kind: 'link'; href: string; children: CaptionInline[] }
  | { kind: 'break' };

/** A caption: its paragraphs, each a list of inline pieces. */
export type Caption = CaptionInline[][];


function inline(tokens: Token[] | undefined): CaptionInline[] {
  const out: CaptionInline[] = [];
  const text = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push({ kind: 'strong', children: inline((token as Tokens.Strong).tokens) });
        break;
      case 'em':
        out.push({ kind: 'em', children: inline((token as Tokens.Em).tokens) });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        if (href) out.push({ kind: 'link', href, children: inline(link.tokens) });
        else for (const piece of inline(link.tokens)) piece.kind === 'text' ? text(piece.text) : out.push(piece);
        break;
      }
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) for (const piece of inline(t.tokens)) piece.kind === 'text' ? text(piece.text) : out.push(piece);
        else text(t.text);
        break;
      }
      case 'del':
        for (const piece of inline((token as Tokens.Del).tokens)) piece.kind === 'text' ? text(piece.text) : out.push(piece);
        break;
      case 'image':
        text((token as Tokens.Image).text);
        break;
      // HTML, code and anything unknown: the characters the author typed, as text.
      case 'escape':
      case 'codespan':
        text((token as Tokens.Escape).text);
        break;
      default:
        text(token.raw);
    }
  }
  return out;
}

function blocks(tokens: Token[], out: Caption): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
        break;
      case 'paragraph':
      case 'heading':
        out.push(inline((token as Tokens.Paragraph).tokens));
        break;
      case 'text': {
        const t = token as Tokens.Text;
        out.push(t.tokens?.length ? inline(t.tokens) : [{ kind: 'text', text: t.text }]);
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) blocks(item.tokens, out);
        break;
      case 'blockquote':
        blocks((token as Tokens.Blockquote).tokens, out);
        break;
      default: {
        const raw = token.raw.trim();
        if (raw) out.push([{ kind: 'text', text: raw }]);
      }
    }
  }
}

/** Reads a caption's formatting; every character typed is kept, as text where it is not formatting. */
export function parseCaption(source: string): Caption {
  const out: Caption = [];
  blocks(Lexer.lex(source, { gfm: true, breaks: false }), out);
  return out.filter((paragraph) => paragraph.length > 0);
}

function plain(pieces: CaptionInline[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? '\n' : plain(p.children))).join('');
}

/** The caption as plain text, paragraphs apart by a blank line: for SVG, video, print and the screen reader. */
export function captionText(source: string): string {
  return parseCaption(source).map(plain).join('\n\n');
}
