// Fitting text into a width for the exported image: wrapping lines and shortening labels.
import { shortenToFit } from '../layout/marks.ts';

/** The width in px of `text` at a font size and weight. */
export type MeasureText = (text: string, size: number, weight: number) => number;

/** Shortens text with an ellipsis to fit; null when not even one character and the ellipsis fit. */
export function fitText(text: string, width: number, size: number, weight: number, measure: MeasureText): string | null {
  return shortenToFit(text, width, (t) => measure(t, size, weight));
}

/**
 * Breaks text into lines no wider than `width`, at spaces where it can and inside a word (a long
 * URL) where it must. With `maxLines`, the last line ends in an ellipsis when text is left over.
 */
export function wrapText(text: string, width: number, size: number, weight: number, measure: MeasureText, maxLines = Infinity): string[] {
  const fits = (s: string) => measure(s, size, weight) <= width;
  const lines: string[] = [];
  let line = '';
  const pushWord = (word: string) => {
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    return rest;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      line = pushWord(word);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  // What is left over does not fit on the last line, so fitText ends it with an ellipsis.
  return [...lines.slice(0, maxLines - 1), fitText(lines.slice(maxLines - 1).join(' '), width, size, weight, measure) ?? '…'];
}
