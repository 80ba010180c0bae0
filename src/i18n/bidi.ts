// Text direction from the first strong character, as `dir="auto"` decides it in HTML.
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_ANY = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = STRONG_ANY.exec(text);
  return first && STRONG_RTL.test(first[0]) ? 'rtl' : 'ltr';
}
