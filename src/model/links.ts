/** The URL when it is a well-formed http(s) URL; null for javascript:, data:, malformed and others. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A query string (or address) with its commas and colons unescaped: legal there, and easier to read and edit by hand. */
export function readableQuery(text: string): string {
  return text.replace(/%2C/g, ',').replace(/%3A/g, ':');
}
