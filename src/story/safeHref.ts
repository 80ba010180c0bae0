// Which addresses a caption's or a source's link may keep: http, https and mailto. Apart from the
// caption's reader (caption.ts), so that checking a link does not load the Markdown lexer.

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** The address when a link may be followed: http, https or mailto, without spaces or control characters. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex
  if (!SAFE_LINK.test(trimmed) || /[\s\u0000-\u001f\u007f]/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? trimmed : null;
  } catch {
    return null;
  }
}
