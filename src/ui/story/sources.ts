// A step's sources are text; one becomes a link only when it is an http(s) address.
import { safeHref } from '../../story/safeHref.ts';

/** The address when `source` is a whole http(s) URL; null for anything else (citations, mailto, javascript:…). */
export function webAddress(source: string): string | null {
  const href = safeHref(source);
  return href && /^https?:\/\//i.test(href) ? href : null;
}
