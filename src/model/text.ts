import type { LocalizedText } from './schema.ts';

export interface PickedText {
  text: string;
  /** The language of `text`; differs from the wanted one when the data lacks it. */
  lang: string;
  isOriginal: boolean;
}

/** Text in the wanted language when the data has it; otherwise the original, marked as such. */
export function pickText(text: LocalizedText, wanted: string, original: string): PickedText {
  const lang = text[wanted] !== undefined ? wanted : text[original] !== undefined ? original : Object.keys(text)[0] ?? original;
  return { text: text[lang] ?? '', lang, isOriginal: lang === original };
}
