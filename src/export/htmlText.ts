// Text into an HTML file the app writes (the story export): escaped text and attribute values,
// JSON data blocks that no text can close, inlined script and style that cannot end their
// element early, and the sha256 sources a Content-Security-Policy allows them by.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for `<script type="application/json">`: every `<` written as `\u003c` (JSON.parse reads it
 * back as `<`), so no text in the data can write `</script>` or `<!--`.
 */
export function jsonScriptText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * A script's text for inlining: the only sequences that could end the element early (or put the
 * parser in its "escaped" states) are `</script` and `<!--`. A bundler writes them only inside
 * strings, templates, regular expressions or comments, where `\x3c` means `<` as well.
 */
export function inlineScriptText(js: string): string {
  return js.replace(/<(?=\/script|!--)/gi, '\\x3c');
}

/** A stylesheet's text for inlining: `</style` is the one sequence that ends the element (in CSS, `\3c ` is `<`). */
export function inlineStyleText(css: string): string {
  return css.replace(/<(?=\/style)/gi, '\\3c ');
}

/** `'sha256-…'`: the CSP source that allows exactly this inline script or style text. */
export async function cspHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}
