import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import seed from '../../data/seed.json';
import type { ConflictEvent, Dataset } from '../model/schema.ts';
import { eventsToCsv } from '../export/eventsCsv.ts';
import { importText, type ImportResult } from './importer.ts';
import { detectFormat } from './detect.ts';
import { APP_CSV_LAYOUT, APP_CSV_NOTE } from './appCsv.ts';
import { acledCsv, generatedAcledRows } from '../testing/acledFixture.ts';
import { hostileDataset } from '../testing/hostileText.ts';

const seedData = seed as unknown as Dataset;

function opened(text: string, fileName = 'events.csv') {
  const result: ImportResult = importText({ text, fileName });
  if (result.kind !== 'done') throw new Error(`not opened: ${JSON.stringify(result)}`);
  return result;
}

/** A value with every text (an object of language codes) reduced to its text in `lang`. */
function inLanguage(value: unknown, lang: string): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length && entries.every(([key]) => /^[a-z]{2}$/.test(key))) return (value as Record<string, unknown>)[lang];
  return Object.fromEntries(entries.map(([key, v]) => [key, inLanguage(v, lang)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** The CSV as a spreadsheet holds it, edited by `edit`, saved again. */
function edited(csv: string, edit: (rows: Record<string, string>[]) => void, delimiter = ','): string {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
  edit(rows);
  return Papa.unparse(rows, { delimiter });
}

describe("the app's CSV export read back", () => {
  it('is told from any other table by its header', () => {
    expect(detectFormat(eventsToCsv(seedData.events, seedData.actors, 'en'))).toEqual({ ok: true, format: 'app-csv' });
    expect(detectFormat('id,title,start\n1,A clash,2022-09-13\n')).toEqual({ ok: true, format: 'csv' });
  });

  it('gives back every event of the seed, its English texts, times, places, actors, counts, claims, sources and relations', () => {
    const { dataset, report } = opened(eventsToCsv(seedData.events, seedData.actors, 'en'));
    expect(report.format).toBe(APP_CSV_LAYOUT);
    expect(report).toMatchObject({ rowsRead: 16, imported: 16, rejections: [], fixes: [] });
    expect(report.notes).toContain(APP_CSV_NOTE);
    expect(dataset.attribution).toBe('Al Jazeera Arabic and others, as cited per event (events.csv, a Conflict Timeline CSV opened by the user)');
    expect(dataset.events.map((e) => inLanguage(e, 'en'))).toEqual(seedData.events.map((e) => inLanguage(e, 'en')));
    // Actors keep their ids, names and kinds; one named only as a claimant (Al Jazeera) has no kind in the file.
    const byId = new Map(dataset.actors.map((a) => [a.id, a]));
    expect(byId.get('am-mod')).toMatchObject({ names: { en: 'Ministry of Defence of Armenia' }, kind: 'ministry' });
    const inEvents = new Set(seedData.events.flatMap((e) => e.actors.map((a) => a.actor)));
    for (const actor of seedData.actors) if (inEvents.has(actor.id)) expect([actor.id, byId.get(actor.id)?.kind]).toEqual([actor.id, actor.kind]);
    expect(byId.get('al-jazeera')?.kind).toBe('other');
  });

  it.each(['en', 'ar'])('written in %s, opened and written again, gives the same file', (lang) => {
    const csv = eventsToCsv(seedData.events, seedData.actors, lang);
    const { dataset } = opened(csv);
    expect(eventsToCsv(dataset.events, dataset.actors, lang)).toBe(csv);
    // Each text keeps the language it is in: the Arabic file's Arabic titles as Arabic, English left where there was no Arabic.
    const clash = dataset.events.find((e) => e.id === '2022-09-13-border-clash')!;
    const claimLanguages = clash.claims.map((c) => Object.keys(c.text)[0]);
    expect(claimLanguages).toEqual(seedData.events.find((e) => e.id === clash.id)!.claims.map((c) => (c.text[lang] !== undefined ? lang : 'en')));
  });

  it('gives back a claim of any status with those who dispute it', () => {
    const events = structuredClone(seedData.events);
    const claim = events.find((e) => e.id === '2022-09-14-border-calm')!.claims[0]!;
    claim.disputedBy = ['az-mod'];
    const csv = eventsToCsv(events, seedData.actors, 'en');
    expect(csv).toContain('(unverified, disputed by Ministry of Defence of Azerbaijan; source 1)');
    const back = opened(csv).dataset.events.find((e) => e.id === '2022-09-14-border-calm')!;
    expect(back.claims[0]).toMatchObject({ status: 'unverified', disputedBy: ['az-mod'] });
  });

  it('gives back generated ACLED events exactly, the sides of their actors among them', () => {
    const acled = opened(acledCsv(generatedAcledRows(400, 3)), 'acled.csv').dataset;
    const back = opened(eventsToCsv(acled.events, acled.actors, 'en')).dataset;
    expect(back.events).toHaveLength(400);
    expect(back.events.map((e) => inLanguage(e, 'en'))).toEqual(acled.events.map((e) => inLanguage(e, 'en')));
    expect(back.events.some((e: ConflictEvent) => e.actors.some((a) => a.side === 2))).toBe(true);
    // The Source line credits ACLED, which every event cites.
    expect(back.attribution).toMatch(/^ACLED, .*, as cited per event \(events.csv, a Conflict Timeline CSV opened by the user\)$/);
  });

  it('gives back hostile text as it was: markup, formulas, names and tags that hold "; ", two actors of one name', () => {
    const hostile = opened(JSON.stringify(hostileDataset()), 'hostile.json').dataset;
    const csv = eventsToCsv(hostile.events, hostile.actors, 'en');
    const { dataset, report } = opened(csv);
    expect(report).toMatchObject({ imported: hostile.events.length, rejections: [] });
    expect(dataset.events.map((e) => inLanguage(e, 'en'))).toEqual(hostile.events.map((e) => inLanguage(e, 'en')));
    expect(dataset.events.some((e) => e.tags.some((tag) => tag.includes('; ')))).toBe(true);
  });

  it('reads a sheet a spreadsheet saved again: semicolons, decimal commas, a date rewritten, a formula guard', () => {
    const csv = eventsToCsv(seedData.events, seedData.actors, 'en');
    const text = edited(
      csv,
      (rows) => {
        const clash = rows.find((r) => r.id === '2022-09-13-border-clash')!;
        clash.lat = clash.lat!.replace('.', ',');
        clash.title = "'=Fighting on the border";
        clash.start = '13/09/2022 00:05';
        clash.start_precision = 'minute';
        // A date typed over an instant of minute precision: a day, not midnight to the minute.
        const ceasefire = rows.find((r) => r.id === '2022-09-14-ceasefire')!;
        ceasefire.start = '15/09/2022';
      },
      ';',
    );
    const { dataset, report } = opened(text);
    expect(report).toMatchObject({ imported: 16, rejections: [] });
    const clash = dataset.events.find((e) => e.id === '2022-09-13-border-clash')!;
    expect(clash.place?.lat).toBe(39.8414);
    expect(clash.title.en).toBe('=Fighting on the border');
    expect(clash.start).toEqual({ at: '2022-09-13T00:05:00+04:00', precision: 'minute', tz: 'Asia/Yerevan', dayPart: 'early-hours' });
    expect(dataset.events.find((e) => e.id === '2022-09-14-ceasefire')!.start).toEqual({ at: '2022-09-15T00:00:00+04:00', precision: 'day', tz: 'Asia/Yerevan' });
  });

  it('rejects a row whose list entry is not as the app writes it, naming the column, the entry and the row; the others load', () => {
    const csv = eventsToCsv(seedData.events, seedData.actors, 'en');
    const text = edited(csv, (rows) => {
      rows[2]!.counts = 'killed: some, claimed by Al Jazeera on 2022-09-15';
      rows[3]!.actor_ids = 'russia';
      rows[4]!.type = 'skirmish';
      rows[5]!.sources = 'Al Jazeera';
      rows[6]!.actor_kinds = rows[6]!.actor_kinds!.replace(/^[a-z-]+/, 'warlord');
    });
    const { dataset, report } = opened(text);
    expect(report.rejections.map((r) => [r.row, r.field, r.message, r.value])).toEqual([
      [4, 'counts', 'entry 1 is not a count as the app writes it', 'killed: some, claimed by Al Jazeera on 2022-09-15'],
      [5, 'actor_ids', 'names 1 actors, but the actors column names 5', 'russia'],
      [7, 'sources', 'entry 1 is not a source ("[1] publisher | title | url | date | language") as the app writes it', 'Al Jazeera'],
      [8, 'actor_kinds', 'entry 1 is not a kind of actor we know', 'warlord'],
    ]);
    expect(report.fixes.map((f) => [f.row, f.field, f.message])).toEqual([[6, 'type', 'is not a type we know; imported as "other"']]);
    expect(dataset.events).toHaveLength(12);
    expect(report.rowsRead).toBe(report.imported + report.rejections.length);
  });
});
