// The Content Security Policy the built app ships and asks hosts to send. No inline script, no
// eval, nothing from other origins except what the `data` parameter fetches.
// Used by vite.config.ts: a <meta> tag in the built index.html, and headers from `vite preview`.

/** Directive → sources. `frame-ancestors` works only as a header, so the <meta> tag leaves it out. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // The import runs in a Web Worker loaded from the app's own files.
  'worker-src': ["'self'"],
  // React and d3 set styles through the CSSOM (element.style), which a policy does not restrict.
  'style-src': ["'self'"],
  // The PNG export draws an SVG from a blob: URL; the fonts it embeds are data: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // The `data` parameter fetches a dataset from any http(s) origin that allows it (CORS).
  'connect-src': ["'self'", 'https:', 'http:'],
  // The Share dialog previews the embed in an iframe of the app itself.
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Embeds go into any report, on any site.
  'frame-ancestors': ['*'],
};

const HEADER_ONLY = new Set(['frame-ancestors']);

function serialise(include: (directive: string) => boolean): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([directive]) => include(directive))
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The value of the Content-Security-Policy header to send with every page of the app. */
export const CSP_HEADER = serialise(() => true);

/** The same policy for <meta http-equiv>, without the directives a meta tag cannot carry. */
export const CSP_META = serialise((directive) => !HEADER_ONLY.has(directive));

/** Headers to send when hosting the built app (the README lists them). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
