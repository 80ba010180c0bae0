// A caption's parsed tree (story/caption.ts) written as HTML for the story export: the only tags
// are those written here (p, strong, em, br, a); every piece of text is escaped, and a link's
// address is one parseCaption kept (http, https or mailto), checked again before it is written.
import { parseCaption, type CaptionInline } from '../story/caption.ts';
import { safeHref } from '../story/safeHref.ts';
import { escapeHtml } from './htmlText.ts';

function inlineHtml(pieces: CaptionInline[]): string {
  return pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
          return escapeHtml(piece.text);
        case 'break':
          return '<br>';
        case 'strong':
          return `<strong>${inlineHtml(piece.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(piece.children)}</em>`;
        case 'link': {
          const href = safeHref(piece.href);
          const text = inlineHtml(piece.children);
          return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
        }
      }
    })
    .join('');
}

/** The caption's paragraphs, each in its own direction (`dir="auto"`), as Caption.tsx draws them. */
export function captionHtml(source: string): string {
  return parseCaption(source)
    .map((pieces) => `<p dir="auto">${inlineHtml(pieces)}</p>`)
    .join('');
}

/** A source: a link when it is an http(s) or mailto address, else its text. */
export function sourceHtml(source: string): string {
  const href = safeHref(source);
  const text = escapeHtml(source);
  return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer" dir="auto">${text}</a>` : `<span dir="auto">${text}</span>`;
}
