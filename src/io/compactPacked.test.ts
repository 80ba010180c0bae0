// Reading a compact file straight into packed events (the worker's way) must give what the full
// way gives (decode, then every event through the schema): the same events, report and table
// columns. Where the full way would reject or change anything, the packed way must decline, and
// the full way then reads the file.
import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { datasetSchema, type Dataset } from '../model/schema.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import { acledCsv, acledRow, generatedAcledRows } from '../testing/acledFixture.ts';
import { corrupt } from '../testing/corrupt.ts';
import { COMPACT_COLUMNS, encodeCompact, JOINED_TEXT_COLUMNS, type CompactDataset } from './compact.ts';
import { importJsonBytesPacked, importText, importTextPacked } from './importer.ts';
import { detectFormat } from './detect.ts';
import { expectSameTable } from '../testing/sameTable.ts';
import { parseJsonBytes } from './jsonBytes.ts';
import { compactColumnsOf, compactTableColumns } from './compactColumns.ts';
import { readDatasetInfo } from './jsonImport.ts';
import { computeColumns } from '../table/eventTable.ts';
import { packedColumnReader, type PackedEvents } from '../table/packedEvents.ts';

const fileName = 'events.json';

function acledDataset(rows: Record<string, string>[]): Dataset {
  const result = importText({ text: acledCsv(rows), fileName: 'acled.csv' });
  if (result.kind !== 'done') throw new Error(result.kind);
  return result.dataset;
}

/** An ACLED import: places with admin areas, counts, tags, shared parts, actor names that differ from the registry's. */
const acled = acledDataset([
  ...generatedAcledRows(400, 17),
  acledRow({ event_id_cnty: 'NO-NOTES', notes: '' }),
  acledRow({ event_id_cnty: 'NO-ACTOR2', actor2: '', inter2: '' }),
  acledRow({ event_id_cnty: 'NO-COORDS', latitude: '', longitude: '' }),
]);

/** Two languages, some events in one only (titles, descriptions, place names), and events that last (ends). */
const bilingual: Dataset = (() => {
  const base = makeDataset({ events: 200, actors: 8, seed: 3, lasting: 0.3 });
  const events = base.events.map((e, i) => ({
    ...e,
    title: i % 3 === 0 ? { ...e.title, ar: `حدث ${i}` } : e.title,
    ...(i % 4 === 0 ? { description: i % 8 === 0 ? { en: `Notes ${i}` } : { ar: `ملاحظات ${i}` } } : {}),
    ...(i % 5 === 0 ? { place: { country: 'ARM', name: i % 10 === 0 ? { en: `Village ${i % 7}`, ar: `قرية ${i % 7}` } : { ar: `قرية ${i % 7}` } } } : {}),
  }));
  return { ...base, events };
})();

/**
 * Thousands of distinct times (the packer's table of times grows many times over), the same instant
 * in two offsets, and times before 1970 and after 2038 (past 32 bits of seconds).
 */
const manyTimes: Dataset = (() => {
  const base = makeDataset({ events: 3000, actors: 6, seed: 21 });
  /** The instant of `at`, written in UTC+04:00. */
  const inYerevan = (at: string) => `${new Date(Date.parse(at) + 4 * 3_600_000).toISOString().slice(0, 19)}+04:00`;
  const events = base.events.map(({ end: _, ...e }, i) => {
    if (i % 3 === 1) return { ...e, start: { ...e.start, at: inYerevan(base.events[i - 1]!.start.at), tz: 'Asia/Yerevan' } };
    if (i % 100 === 2) return { ...e, start: { ...e.start, at: i % 200 === 2 ? '1965-05-01T08:30:00Z' : '2045-01-01T00:00:00Z' } };
    return e;
  });
  return { ...base, events };
})();

const compactOf = (dataset: Dataset): CompactDataset => JSON.parse(JSON.stringify(encodeCompact(dataset))) as CompactDataset;

/**
 * Reads the text the full way and the packed way, from the text and from its bytes (as the worker
 * does, text columns joined as they are read), and holds them to each other. Gives 'packed' when
 * the packed way packed it (then the full way read every event unchanged, into the same table),
 * else 'declined' (then every way gives the same result).
 */
function readBothWays(text: string): 'packed' | 'declined' {
  const full = importText({ text, fileName });
  const outcome = expectSameTable(full, importTextPacked({ text, fileName }));
  // A file's bytes hold no lone surrogates (a damaged text may): they are read as U+FFFD. The
  // worker reads a file from its bytes when it is JSON (a damaged one may not be).
  const bytes = new TextEncoder().encode(text);
  const asRead = new TextDecoder().decode(bytes);
  const detected = detectFormat(asRead);
  if (!detected.ok || detected.format !== 'json') return outcome;
  const packed = importJsonBytesPacked(bytes, fileName);
  const fromBytes = expectSameTable(asRead === text ? full : importText({ text: asRead, fileName }), packed);
  if (asRead === text) expect(fromBytes).toBe(outcome);
  if (packed.kind === 'packed') expectSameColumnsAsRead(bytes, packed.packed);
  if (outcome === 'packed' && full.kind === 'done') expect(full.report.rejectedRows).toBe(0);
  return outcome;
}

/**
 * The table's columns computed from the file's columns as read (as the helper worker computes them
 * while the lead packs) are those of the packed events.
 */
function expectSameColumnsAsRead(bytes: Uint8Array, packed: PackedEvents): void {
  const parsed = parseJsonBytes(bytes, COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS, typedNumbers: true });
  if (!parsed.ok || !parsed.unfilled) throw new Error('not parsed');
  const columns = compactColumnsOf(parsed.value, parsed.unfilled);
  // Text not read joined (escapes, say): the helper gives no columns, and the lead computes them.
  if (!columns) return;
  const { actors } = readDatasetInfo(parsed.value as Record<string, unknown>, fileName).info;
  expect(compactTableColumns(columns, actors)).toEqual(computeColumns(packedColumnReader(packed), packed.info.actors));
  columnsCompared++;
}
let columnsCompared = 0;

/** A copy of the compact file with one change made to it. */
function changed(dataset: Dataset, change: (file: CompactDataset, s: (text: string) => number) => void): string {
  const file = compactOf(dataset);
  const s = (text: string) => {
    const at = file.strings.indexOf(text);
    return at >= 0 ? at : file.strings.push(text) - 1;
  };
  change(file, s);
  return JSON.stringify(file);
}

describe('reading a compact file straight into packed events', () => {
  it('packs valid files, with the events, report and table columns that the full way gives', () => {
    const real = acledDataset([]); // an empty import: no events at all
    for (const dataset of [acled, bilingual, makeDataset({ events: 300, seed: 9 }), manyTimes, real]) {
      expect(readBothWays(JSON.stringify(compactOf(dataset))), dataset.title).toBe('packed');
    }
    // Without a title or an attribution the report notes it, the same both ways.
    expect(readBothWays(changed(acled, (file) => Object.assign(file, { title: ' ', attribution: '' })))).toBe('packed');
    // Text that is kept as it is (compact files are not repaired): spaces around it, quotes and
    // line breaks (written as escapes), brackets and commas, and a column written with spaces.
    const odd = ['  Clash, [north] {of} "Jermuk" ', 'ميدان\n٢', '\u00a0x', 'tab\there', '","'];
    expect(readBothWays(changed(bilingual, (file) => odd.forEach((text, k) => (file.events.title.en![k] = text))))).toBe('packed');
    expect(readBothWays(JSON.stringify(compactOf(acled)).replace('"title":{"en":["', '"title":{"en":[ "'))).toBe('packed');
  });

  it('declines a file whose events keep fields the columns cannot hold (claims, relations, day parts in `extra`)', () => {
    const seedData = datasetSchema.parse(seed);
    expect(Object.keys(compactOf(seedData).extra).length).toBeGreaterThan(0);
    expect(readBothWays(JSON.stringify(compactOf(seedData)))).toBe('declined');
  });

  // Each change makes the full way reject an event, or refuse the file: the packed way must decline.
  const changes: [string, (file: CompactDataset, s: (text: string) => number) => void, Dataset?][] = [
    ['a repeated id', (f) => void (f.events.id[5] = f.events.id[4]!)],
    ['an id with a space', (f) => void (f.events.id[5] = 'bad id')],
    ['an id of 201 characters', (f) => void (f.events.id[5] = 'a'.repeat(201))],
    ['an empty id', (f) => void (f.events.id[5] = '')],
    ['an id that is a number', (f) => void ((f.events.id as unknown[])[5] = 5)],
    ['an unknown event type', (f, s) => void (f.events.type[5] = s('battle'))],
    ['a type index past the strings', (f) => void (f.events.type[5] = f.strings.length + 3)],
    ['a type index that is not whole', (f) => void (f.events.type[5] = 1.5)],
    ['a blank title', (f) => void (f.events.title.en![5] = '   ')],
    ['a title of a no-break space', (f) => void (f.events.title.en![5] = '\u00a0')],
    ['an empty title', (f) => void (f.events.title.en![5] = '')],
    ['no title in any language', (f) => void (f.events.title.en![5] = null)],
    ['a title that is a number', (f) => void ((f.events.title.en as unknown[])[5] = 7)],
    ['a blank description', (f) => void (f.events.description.en![5] = ' ')],
    ['a language that is not a code', (f, s) => void (f.events.originalLanguage[5] = s('English'))],
    ['a start in the year 5000000', (f) => void (f.events.start[5] = 1e17)],
    ['a start that is text', (f) => void ((f.events.start as unknown[])[5] = '2022')],
    ['an unknown precision', (f, s) => void (f.events.startPrecision[5] = s('decade'))],
    ['an unknown time zone', (f, s) => void (f.events.startTz[5] = s('Mars/Olympus_Mons'))],
    ['an offset that is not one', (f, s) => void (f.events.startOffset[5] = s('+4h'))],
    ['an end before its start', (f) => {
      const e = f.events;
      e.end![5] = e.start[5]! - 86_400_000;
      e.endOffset![5] = e.startOffset[5]!;
      e.endPrecision![5] = e.startPrecision[5]!;
      e.endTz![5] = e.startTz[5]!;
    }, bilingual],
    ['an end without its offset', (f) => {
      const e = f.events;
      e.end![5] = e.start[5]! + 86_400_000;
      e.endOffset![5] = null;
    }, bilingual],
    ['an actor the file does not define', (f, s) => void (f.events.actor[3] = s('nobody-at-all'))],
    ['an unknown role', (f, s) => void (f.events.actorRole[3] = s('hero'))],
    ['a side of 3', (f) => void (f.events.actorSide[3] = 3)],
    ['an actor name past the strings', (f) => void (f.events.actorName![3] = 99_999)],
    ['a country that is not a code', (f, s) => void (f.events.placeCountry![5] = s('Armenia'))],
    ['a latitude of 91', (f) => void (f.events.placeLat![5] = 91)],
    ['a longitude of -181', (f) => void (f.events.placeLon![5] = -181)],
    ['a place without a name', (f) => void (f.events.placeName.en![5] = null)],
    ['an empty admin area', (f, s) => void (f.events.placeAdmin[0] = s(''))],
    ['a negative count', (f) => void (f.events.countValue[0] = -1)],
    ['a count that is not whole', (f) => void (f.events.countValue[0] = 2.5)],
    ['an unknown kind of count', (f, s) => void (f.events.countKind[0] = s('eaten'))],
    ['a count claimed by an unknown actor', (f, s) => void (f.events.countClaimant[0] = s('nobody-at-all'))],
    ['a count citing a source the event lacks', (f) => void (f.events.countSource![0] = 7)],
    ['a blank publisher', (f, s) => void (f.events.sourcePublisher[0] = s('  '))],
    ['a source date that is not a date', (f, s) => void (f.events.sourceDate![0] = s('15/09/2022'))],
    ['a tag past the strings', (f) => void (f.events.tag[0] = -1)],
    ['fields kept in extra', (f) => void (f.extra = { '5': { relations: [{ kind: 'follows', event: f.events.id[4]! }] } })],
    ['no actors list', (f) => void Object.assign(f, { actors: undefined })],
    ['an actor that fails the schema', (f) => void ((f.actors[0] as { kind: string }).kind = 'alien')],
  ];

  it.each(changes)('declines a file with %s, and the full way reads it', (_, change, dataset = acled) => {
    expect(readBothWays(changed(dataset, change))).toBe('declined');
  });

  it('agrees with the full way on 400 files with a random cell changed, and 300 damaged texts', () => {
    const random = seededRandom(2026);
    const small = acledDataset(generatedAcledRows(40, 5));
    const values: unknown[] = [null, -1, 0, 1, 2, 3, 1.5, 1e17, 'x', '', ' ', '\u3000', ' y', 'z\n', true, [], {}];
    const outcomes = { packed: 0, declined: 0 };
    for (let k = 0; k < 400; k++) {
      const text = changed(small, (file) => {
        const text = [file.events.title, file.events.description, file.events.placeName].flatMap((group) => Object.entries(group));
        const columns = [...Object.entries(file.events), ...text].filter(([, column]) => Array.isArray(column) && column.length > 0) as [string, unknown[]][];
        const [, column] = columns[Math.floor(random() * columns.length)]!;
        const row = Math.floor(random() * column.length);
        // Another cell of the same column (often harmless), or a value of the wrong kind.
        column[row] = random() < 0.3 ? column[Math.floor(random() * column.length)] : values[Math.floor(random() * values.length)];
      });
      outcomes[readBothWays(text)]++;
    }
    const text = JSON.stringify(compactOf(small));
    for (let k = 0; k < 300; k++) outcomes[readBothWays(corrupt(text, seededRandom(7919 * (k + 1))))]++;
    // Both kinds of outcome must occur, or the comparison proves little.
    expect(outcomes.packed).toBeGreaterThan(50);
    expect(outcomes.declined).toBeGreaterThan(300);
  }, 60_000);

  it('computes the same table columns from the columns as read, for every file packed above', () => {
    // Runs after the tests above (in order, in one file), which compared them on each packed file.
    expect(columnsCompared).toBeGreaterThan(50);
  });
});
