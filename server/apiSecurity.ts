// Who may call the API: origins listed with --allow-origin (CORS), and the bearer token of --token.
// Pure functions over request headers, so that each rule is tested on its own.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AccessRules {
  /** Origins whose pages may call the API from the browser, exactly as the browser sends them. */
  allowOrigins: readonly string[];
  /** The bearer token every /api/ request needs; null: none. */
  token: string | null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether `Authorization` carries the token, compared in constant time (digests, so the length leaks nothing either). */
export function tokenAccepted(authorization: string | undefined, token: string | null): boolean {
  if (token === null) return true;
  // The scheme's name is case-insensitive (RFC 9110); the token is not.
  const match = /^Bearer +(.+)$/i.exec(authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export type OriginVerdict = { allowed: true; corsHeaders: Record<string, string> } | { allowed: false };

/**
 * A request without Origin, or from the server's own page, needs no CORS; a listed origin gets its
 * headers; any other origin is refused (a page elsewhere may not use the analyst's server).
 */
export function originVerdict(origin: string | undefined, host: string | undefined, rules: AccessRules): OriginVerdict {
  if (origin === undefined || (host !== undefined && origin === `http://${host}`)) return { allowed: true, corsHeaders: {} };
  if (!rules.allowOrigins.includes(origin)) return { allowed: false };
  return { allowed: true, corsHeaders: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } };
}

/** The extra headers that answer a preflight of an allowed origin. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization',
  'Access-Control-Max-Age': '600',
};
