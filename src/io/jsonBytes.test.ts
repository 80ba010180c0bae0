import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { datasetSchema } from '../model/schema.ts';
import { makeDataset, seededRandom } from '../testing/fixtures.ts';
import { COMPACT_COLUMNS, encodeCompact, JOINED_TEXT_COLUMNS } from './compact.ts';
import { findByte, notValidJson, parseJsonBytes, parseJsonBytesWith, readJoinedColumn, readNumberList, wordsOf, type ColumnsFound, type NumberListAt, type ParsedJson, type ReadElsewhere } from './jsonBytes.ts';
import { firstRowsOfText } from './textRows.ts';
import { checkJsonShape, tooManyValuesReason } from './limits.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** What the import gave before: the text decoded whole, its shape checked, then JSON.parse. */
function parseWhole(bytes: Uint8Array, maxDepth?: number, maxValues?: number): ParsedJson {
  const text = new TextDecoder().decode(bytes);
  const shape = checkJsonShape(text, maxDepth, maxValues);
  if (!shape.ok) return shape;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: notValidJson(error) };
  }
}

/**
 * The same outcome, and for a value the same JSON text (so the same keys in the same order), with
 * columns parsed, or read joined and typed (then filled in).
 */
function expectSame(bytes: Uint8Array, maxDepth?: number, maxValues?: number): ParsedJson {
  const limits = { ...(maxDepth ? { maxDepth } : {}), ...(maxValues ? { maxValues } : {}) };
  const want = parseWhole(bytes, maxDepth, maxValues);
  const parsed = parseJsonBytes(bytes, COMPACT_COLUMNS, limits);
  const joined = parseJsonBytes(bytes, COMPACT_COLUMNS, { ...limits, joinText: JOINED_TEXT_COLUMNS, typedNumbers: true });
  if (joined.ok) joined.unfilled?.fill();
  for (const got of [parsed, joined]) {
    expect(got.ok).toBe(want.ok);
    if (got.ok && want.ok) expect(JSON.stringify(got.value)).toBe(JSON.stringify(want.value));
    if (!got.ok && !want.ok) expect(got.reason).toBe(want.reason);
  }
  return parsed;
}

const seedData = datasetSchema.parse(seed);
/** A compact file with text beyond Latin-1, escapes, nulls, nested lists and every column kind. */
const compactText = JSON.stringify(encodeCompact(seedData), null, 1);
const generated = JSON.stringify(encodeCompact(makeDataset({ events: 300, actors: 12, seed: 4 })));
/** As `generated`, with places: names repeated, and one in five events without a place. */
const withPlaces = (() => {
  const dataset = makeDataset({ events: 300, actors: 12, seed: 4 });
  const events = dataset.events.map((event, i) => (i % 5 === 4 ? event : { ...event, place: { name: { en: `Town ${i % 7}` }, country: 'ARM' } }));
  return JSON.stringify(encodeCompact({ ...dataset, events }));
})();

describe('JSON read from its bytes, a column at a time', () => {
  it('gives what JSON.parse gives for the whole text, compact or not', () => {
    for (const text of [compactText, generated, JSON.stringify(seed), '{"events":{}}', '[1,2]', '"x"', ' {"format":1} ']) expectSame(bytesOf(text));
    // Quotes and backslashes escaped inside a column's strings.
    expect(expectSame(bytesOf('{"events":{"title":{"en":["say \\"hi\\", ]", "a\\\\", "\\\\\\"}"]},"id":["x\\"","y"]}}')).ok).toBe(true);
    // The compact files are read in columns (else this test would not test the columns).
    expect(compactText).toContain('"description"');
    const value = expectSame(bytesOf(generated));
    expect(value.ok && (value.value as { events: { id: string[] } }).events.id).toHaveLength(300);
  });

  it('reads text columns joined, as packed events keep them, and fills them in to what JSON.parse gives', () => {
    const text = '{"events":{"id":["a","b","c"],"title":{"en":["x],{",null,"ü – z"],"ar":[null,null,"ع"],"en":["p","","r"]},"description":{"en":[]},"placeName":{},"type":[1,2,3]}}';
    const parsed = parseJsonBytes(bytesOf(text), COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS });
    if (!parsed.ok || !parsed.unfilled) throw new Error('not read');
    const { events } = parsed.value as { events: { id: unknown[]; title: Record<string, unknown[]>; description: Record<string, unknown[]>; type: number[] } };
    const joined = parsed.unfilled;
    // Until filled, the columns are lists of their length without entries.
    expect(events.id).toHaveLength(3);
    expect(events.id[0]).toBeUndefined();
    // Each with its UTF-8, to be posted in its place, and where each entry's bytes start when that differs.
    expect(joined.text(events.id)).toEqual({ text: 'abc', start: Uint32Array.of(0, 1, 2, 3), utf8: { bytes: bytesOf('abc') } });
    // A repeated key keeps its place and takes the last list, as in JSON.parse.
    expect(Object.keys(events.title)).toEqual(['en', 'ar']);
    expect(joined.text(events.title.en)).toEqual({ text: 'pr', start: Uint32Array.of(0, 1, 1, 2), utf8: { bytes: bytesOf('pr') } });
    expect(joined.text(events.title.ar)).toEqual({ text: 'ع', start: Uint32Array.of(0, 0, 0, 1), present: Uint8Array.of(0, 0, 1), utf8: { bytes: bytesOf('ع'), start: Uint32Array.of(0, 0, 0, 2) } });
    expect(joined.text(events.description.en)).toEqual({ text: '', start: Uint32Array.of(0) });
    expect(joined.text(events.type)).toBeUndefined();
    joined.fill();
    expect(joined.text(events.id)).toBeUndefined();
    expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(JSON.parse(text)));
    // Spaces, escapes and anything but strings and nulls are left to JSON.parse.
    for (const column of ['[ "a"]', '["a" ]', '["a\\n"]', '["a",1]', '{"en" :["a"]}', '{"__proto__":["a"]}', '["a"', '[nul]']) {
      const odd = `{"events":{"id":${column}}}`;
      const got = parseJsonBytes(bytesOf(odd), COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS });
      if (got.ok) expect(got.unfilled!.text((got.value as { events: { id: unknown } }).events.id), column).toBeUndefined();
      expectSame(bytesOf(odd));
    }
    // Text holding what looks like a column's end ("]," or "]},") to the first scan: read right.
    for (const column of ['["a],b","c"]', '["a]}b"]', '{"en":["a]},b","c"]}']) {
      const tricky = `{"events":{"id":${column},"type":[1]}}`;
      const got = expectSame(bytesOf(tricky));
      expect(got.ok).toBe(true);
    }
  });

  it('reads lists of numbers into typed arrays, each number as JSON.parse reads it, and leaves all else to JSON.parse', () => {
    /** The list read typed, as JSON.parse's list (NaN for null), or null when it is left to JSON.parse. */
    const typed = (list: string) => {
      const bytes = bytesOf(`:${list},`);
      const numbers = readNumberList(bytes, 1, bytes.length - 1);
      return numbers && Array.from(numbers, (v) => (Number.isNaN(v) ? null : v));
    };
    const random = seededRandom(11);
    const written: string[] = ['0', '-0', '-0.0', '0.5', '-0.25', '1', '10', '123456789012345', '-123456789012345', '9007199254740991', '0.1', '0.30000000000000004', 'null'];
    for (let k = 0; k < 20000; k++) {
      const kind = k % 4;
      // Coordinates and counts as ACLED writes them, epoch milliseconds, and any double.
      const value = kind === 0 ? (random() - 0.5) * 360 : kind === 1 ? Math.floor(random() * 2e12) : kind === 2 ? Math.round(random() * 1e6) / 10 ** Math.floor(random() * 8) : (random() - 0.5) * 10 ** Math.floor(random() * 30 - 10);
      written.push(kind === 0 ? value.toFixed(Math.floor(random() * 8)) : String(value));
    }
    let read = 0;
    for (const number of written) {
      const list = `[${number},${number}]`;
      const got = typed(list);
      if (got === null) continue;
      read++;
      // The same double, -0 told from 0.
      expect(got.length, list).toBe(2);
      for (const v of got) expect(Object.is(v, JSON.parse(number)), list).toBe(true);
    }
    // Most are read typed; those with exponents or more than 15 digits are left to JSON.parse.
    expect(read).toBeGreaterThan(10000);
    // A long list of indexes, whole numbers, fractions and nulls in any order, as JSON.parse reads it.
    const mixed = written.filter((number) => typed(`[${number}]`) !== null && !/^-?0\d/.test(number));
    const entries = Array.from({ length: 5000 }, () => (random() < 0.5 ? String(Math.floor(random() * 10)) : mixed[Math.floor(random() * mixed.length)]!));
    const list = `[${entries.join(',')}]`;
    const expected = JSON.parse(list) as (number | null)[];
    const got = typed(list)!;
    expect(got).toHaveLength(expected.length);
    got.forEach((v, k) => expect(Object.is(v, expected[k]), entries[k]).toBe(true));
    expect(typed('[1e5]')).toBeNull();
    expect(typed('[9007199254740993]')).toBeNull();
    expect(typed('[]')).toEqual([]);
    expect(typed('[null,1,null]')).toEqual([null, 1, null]);
    // Not valid JSON, or not numbers, or spaces: JSON.parse reads them (and says what is wrong).
    for (const odd of ['[01]', '[-]', '[1.]', '[.5]', '[+1]', '[1,]', '[,1]', '[nul]', '[nulls]', '[ 1]', '[1 ]', '[true]', '["1"]', '[[1]]', '[{}]', '[1', '1', '[1]]', '[0x1]', '[NaN]', '[-Infinity]'])
      expect(typed(odd), odd).toBeNull();
  });

  it('reads the number columns of a compact file typed, and fills them in to what JSON.parse gives', () => {
    const text = '{"events":{"id":["a","b"],"type":[0,1],"placeLat":[null,-0.5],"start":[1663178400000,-0],"x":[1,2]}}';
    const parsed = parseJsonBytes(bytesOf(text), COMPACT_COLUMNS, { typedNumbers: true });
    if (!parsed.ok || !parsed.unfilled) throw new Error('not read');
    const events = (parsed.value as { events: Record<string, unknown> }).events;
    expect(events.type).toEqual(Float64Array.of(0, 1));
    expect(events.placeLat).toEqual(Float64Array.of(NaN, -0.5));
    expect(Object.is((events.start as Float64Array)[1], -0)).toBe(true);
    // A file without descriptions (an empty object of languages) before its place names is read typed too.
    expect(withPlaces).toContain('"description":{},"placeName":{"en":[');
    const withPlacesRead = parseJsonBytes(bytesOf(withPlaces), COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS, typedNumbers: true });
    expect(withPlacesRead.ok && (withPlacesRead.value as { events: { type: unknown } }).events.type).toBeInstanceOf(Float64Array);
    // Text, and members that are not columns, are parsed as they were.
    expect(events.id).toEqual(['a', 'b']);
    expect(events.x).toEqual([1, 2]);
    parsed.unfilled.fill();
    expect(events.placeLat).toEqual([null, -0.5]);
    expect(Object.is((events.start as number[])[1], -0)).toBe(true);
    expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('has the lists of numbers read elsewhere while it reads the rest, to the same value, whatever the answer', async () => {
    const bytes = bytesOf(withPlaces);
    const options = { joinText: JOINED_TEXT_COLUMNS, typedNumbers: true };
    const want = parseJsonBytes(bytes, COMPACT_COLUMNS, options);
    if (!want.ok) throw new Error('not read');
    want.unfilled?.fill();
    // As the helper reads them: from its own copy of the file's bytes.
    const readFrom = (file: Uint8Array) => (lists: NumberListAt[]) => lists.map(({ from, to }) => readNumberList(file.slice(), from, to));
    const readThere = readFrom(bytes);
    // The ids and place names too, as the helper reads them: joined, from their bytes.
    const textsThere = (found: ColumnsFound, names = ['id', 'placeName']) =>
      new Map(names.map((name) => {
        const { from, to } = found.members.get(name)!;
        const column = readJoinedColumn(bytes.slice(from, to))!;
        return [name, { column, ...(Array.isArray(column) && column.length === 1 ? { firstRows: firstRowsOfText(column[0]![1]) } : {}) }];
      }));
    const answers: Record<string, (found: ColumnsFound) => Promise<ReadElsewhere | null>> = {
      read: async ({ lists }) => ({ lists: readThere(lists) }),
      'read with texts': async (found) => ({ lists: readThere(found.lists), texts: textsThere(found) }),
      'read with the ids only': async (found) => ({ lists: readThere(found.lists), texts: textsThere(found, ['id']) }),
      'none read': async ({ lists }) => ({ lists: lists.map(() => null) }),
      'some read': async ({ lists }) => ({ lists: readThere(lists).map((list, k) => (k % 2 ? list : null)) }),
      'too few': async ({ lists }) => ({ lists: readThere(lists).slice(1) }),
      'too few with texts': async (found) => ({ lists: readThere(found.lists).slice(1), texts: textsThere(found) }),
      'no answer': async () => null,
      failed: async () => Promise.reject(new Error('stopped')),
      threw: () => {
        throw new Error('cannot ask');
      },
    };
    for (const [name, readElsewhere] of Object.entries(answers)) {
      let asked: NumberListAt[] = [];
      let progressWhenAsked = -1;
      let progress = 0;
      const got = await parseJsonBytesWith(bytes, COMPACT_COLUMNS, { ...options, textElsewhere: new Set(['id', 'placeName']), onProgress: (f) => (progress = f) }, (found) => {
        asked = found.lists;
        progressWhenAsked = progress;
        // Where every column lies, and the root with its columns still to be read.
        expect(found.members.get('id')).toMatchObject({ name: 'id' });
        expect((found.root as { strings: unknown }).strings).toEqual((want.value as { strings: unknown }).strings);
        return readElsewhere(found);
      });
      if (!got.ok) throw new Error(name);
      got.unfilled?.fill();
      expect(JSON.stringify(got.value), name).toBe(JSON.stringify(want.value));
      // Asked for every list of numbers, before any other column was read.
      expect(asked.map((list) => list.name), name).toEqual(expect.arrayContaining(['type', 'start', 'actor', 'actorOffsets', 'countValue']));
      expect(asked.map((list) => list.name), name).not.toContain('id');
      expect(progressWhenAsked, name).toBeLessThanOrEqual(0.3);
    }
    // The texts given are taken as given (the place names with their first rows), and counted
    // towards the limit on values as if read here: a file at the limit is read, one value over not.
    const withTexts = (maxValues?: number) => parseJsonBytesWith(bytes, COMPACT_COLUMNS, { ...options, textElsewhere: new Set(['id', 'placeName']), ...(maxValues ? { maxValues } : {}) }, answers['read with texts']!);
    const taken = await withTexts();
    if (!taken.ok || !taken.unfilled) throw new Error('not read');
    const placeNames = (taken.value as { events: { placeName: Record<string, unknown> } }).events.placeName;
    expect(Object.keys(placeNames)).toHaveLength(1);
    expect(taken.unfilled.firstRowsOf(taken.unfilled.text(Object.values(placeNames)[0])!)).toBeInstanceOf(Int32Array);
    let values = 1;
    while (!checkJsonShape(withPlaces, undefined, values).ok) values *= 2;
    for (let step = values / 2; step >= 1; step /= 2) if (checkJsonShape(withPlaces, undefined, values - step).ok) values -= step;
    expect((await withTexts(values)).ok).toBe(true);
    expect(await withTexts(values - 1)).toEqual({ ok: false, reason: tooManyValuesReason(values - 1) });
    // A file refused or not valid: the same outcome and message, whoever reads the lists.
    for (const text of [generated.slice(0, -3), generated.replace('"start":[', '"start":[01,')]) {
      const got = await parseJsonBytesWith(bytesOf(text), COMPACT_COLUMNS, options, async (found) => ({ lists: readFrom(bytesOf(text))(found.lists) }));
      expect(got).toEqual(parseJsonBytes(bytesOf(text), COMPACT_COLUMNS, options));
      expect(got.ok).toBe(false);
    }
  });

  it('finds a byte four at a time where indexOf finds it, from any place, in bytes that start anywhere', () => {
    const random = seededRandom(31);
    const buffer = new Uint8Array(203);
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      // Few distinct bytes, so that each is found often; 0x80 and 0xff test the sign of the words.
      for (let k = 0; k < buffer.length; k++) buffer[k] = [0x5d, 0x22, 0x00, 0x80, 0xff, 0x01, 0x5c][Math.floor(random() * 7)]!;
      const start = Math.floor(random() * 8);
      const bytes = buffer.subarray(start, start + Math.floor(random() * (buffer.length - start)));
      const words = wordsOf(bytes);
      expect(words === null).toBe(start % 4 !== 0);
      for (const byte of [0x5d, 0x22, 0x00, 0x80, 0xff, 0x7e]) {
        for (let from = 0; from <= bytes.length + 1; from += 1 + Math.floor(random() * 5)) {
          expect(findByte(bytes, words, byte, from)).toBe(bytes.indexOf(byte, from));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('drops a byte-order mark at the start only, as Blob.text() does', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const start = new Uint8Array([...bom, ...bytesOf(generated)]);
    expect(expectSame(start).ok).toBe(true);
    // Inside the file a byte-order mark is not a space: JSON.parse refuses it before a column.
    const text = bytesOf(generated.replace('"type":', '"type":\ufeff'));
    expect(expectSame(text).ok).toBe(false);
  });

  it('keeps the last of repeated columns, and follows only one `events`', () => {
    expectSame(bytesOf('{"events":{"id":["a"],"title":{"en":["x"]},"id":["b","c"]},"n":1}'));
    expectSame(bytesOf('{"events":{"id":["a"]},"x":2,"events":{"type":[1]}}'));
    expectSame(bytesOf('{"events":{"__proto__":[1],"id":["a"],"unknown":{"id":[2]}}}'));
    expectSame(bytesOf('{"events":{"i\\u0064":["a"],"id":["b"]}}'));
  });

  it('refuses files nested too deep or with too many values, as checkJsonShape does', () => {
    expect(expectSame(bytesOf(`{"events":{"id":${'['.repeat(40)}${']'.repeat(40)}}}`)).ok).toBe(false);
    expect(expectSame(bytesOf(generated), 32, 1000).ok).toBe(false);
    expect(expectSame(bytesOf(generated), 3).ok).toBe(false);
    // A list of numbers (passed over by the first scan, its commas counted after) with too many
    // values, before lists nested too deep, or invalid JSON: the first problem in the file is named.
    const numbers = `[${Array.from({ length: 40 }, (_, k) => k).join(',')}]`;
    for (const text of [
      `{"events":{"start":${numbers},"id":[[[[[["a"]]]]]]}}`,
      `{"events":{"start":${numbers},"type":[1,,2]}}`,
      `{"events":{"start":${numbers},"type":${numbers}}}`,
      // Lists that hold objects, lists or strings with "]" in them, where numbers were expected.
      `{"events":{"start":[${'{},'.repeat(40)}1],"type":${numbers}}}`,
      `{"events":{"start":[[],${numbers},[1,[2]]],"type":${numbers}}}`,
      `{"events":{"start":["a]",${'"]",'.repeat(40)}1],"type":${numbers}}}`,
    ]) {
      for (const maxValues of [30, 60, 100]) for (const maxDepth of [4, 8]) expectSame(bytesOf(text), maxDepth, maxValues);
      expect(expectSame(bytesOf(text), 4, 30)).toEqual({ ok: false, reason: tooManyValuesReason(30) });
    }
    // Text columns passed over and read joined: the values inside them counted exactly, so that a
    // file is refused at the same count as before.
    const base = makeDataset({ events: 200, actors: 6, seed: 8 });
    const twoLanguages = JSON.stringify(encodeCompact({ ...base, events: base.events.map((e, i) => ({ ...e, title: { en: `Event ${i}`, ar: `حدث ${i}` } })) }));
    for (const text of [generated, twoLanguages]) {
      let limit = 1;
      while (!checkJsonShape(text, 32, limit).ok) limit *= 2;
      for (let step = limit / 4; step >= 1; step /= 2) if (checkJsonShape(text, 32, limit - step).ok) limit -= step;
      expect(checkJsonShape(text, 32, limit - 1).ok).toBe(false);
      expect(expectSame(bytesOf(text), 32, limit).ok).toBe(true);
      expect(expectSame(bytesOf(text), 32, limit - 1).ok).toBe(false);
    }
    // A repeated column: 44 values (the root, events, two lists, 39 + 1 commas).
    expect(expectSame(bytesOf(`{"events":{"start":${numbers},"start":[1]}}`), 8, 44).ok).toBe(true);
    expect(expectSame(bytesOf(`{"events":{"start":${numbers},"start":[1]}}`), 8, 43).ok).toBe(false);
  });

  it('gives JSON.parse’s own outcome and message for thousands of damaged files', () => {
    const random = seededRandom(7);
    const pieces = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', 'null', '1', '"id":', '\ufeff', 'é', '\n', '\u0001'];
    const source = [compactText, generated.slice(0, 20000) + ']}}'];
    let failed = 0;
    for (let k = 0; k < 3000; k++) {
      const text = source[k % 2]!;
      const at = Math.floor(random() * text.length);
      const cut = Math.floor(random() * 3);
      const damaged = text.slice(0, at) + (random() < 0.8 ? pieces[Math.floor(random() * pieces.length)] : '') + text.slice(at + cut);
      if (!expectSame(bytesOf(damaged)).ok) failed++;
    }
    // Both outcomes were tried many times.
    expect(failed).toBeGreaterThan(1000);
    expect(failed).toBeLessThan(2900);
  }, 30_000);

  it('reads text joined from its bytes: characters of every length, a byte-order mark, and bytes that are not UTF-8 as JSON.parse reads them', () => {
    const column = (entries: string) => `{"events":{"id":["a","b","c","d"],"title":{"en":[${entries}]}}}`;
    // Two, three and four bytes a character (the last two UTF-16 code units), U+FFFD written, and a byte-order mark.
    for (const entries of ['"a😀b","é – ع","","z😀"', '"😀",null,"\ufeffx","y"', '"\ufffd","a","b","c"']) {
      const text = column(JSON.parse(`[${entries}]`).map((e: string | null) => (e === null ? 'null' : `"${e}"`)).join(','));
      const got = parseJsonBytes(bytesOf(text), COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS });
      if (!got.ok) throw new Error(entries);
      const title = (got.value as { events: { title: { en: unknown[] } } }).events.title.en;
      const joined = got.unfilled!.text(title);
      if (!entries.includes('\ufffd')) expect(joined, entries).toBeDefined();
      got.unfilled!.fill();
      expect(JSON.stringify(got.value), entries).toBe(JSON.stringify(JSON.parse(text)));
      expectSame(bytesOf(text));
    }
    // Long runs of ASCII (read four bytes at a time) between characters of every length, at every place.
    const random = seededRandom(5);
    const pieces = ['a', 'bc', 'defghij', 'klmnopqrstu', 'é', '–', 'ع', '😀', ' '];
    const entries = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]!).join('') || 'x');
    const mixed = parseJsonBytes(bytesOf(column(entries.map((e) => `"${e}"`).join(','))), COMPACT_COLUMNS, { joinText: JOINED_TEXT_COLUMNS });
    if (!mixed.ok) throw new Error('mixed');
    const mixedTitles = (mixed.value as { events: { title: { en: unknown[] } } }).events.title.en;
    expect(mixed.unfilled!.text(mixedTitles)?.utf8?.start).toBeDefined();
    mixed.unfilled!.fill();
    expect(mixedTitles).toEqual(entries);
    // A character cut between two strings ("x\xE2" then "\x80\x93y"): joined, its bytes would make
    // an en dash; read in place, each part is U+FFFD.
    const [before, after] = column('"xQ","Ry","c","d"').split('Q');
    const [middle, end] = after!.split('R');
    const cut = new Uint8Array([...bytesOf(before!), 0xe2, ...bytesOf(middle!), 0x80, 0x93, ...bytesOf(end!)]);
    const parsed = expectSame(cut);
    expect(parsed.ok && JSON.stringify(parsed.value)).toContain('x\ufffd');
  });

  it('gives the same characters for bytes that are not UTF-8', () => {
    const bytes = bytesOf(generated);
    const at = generated.indexOf('"title":') + 15;
    for (const bad of [0xff, 0xe2, 0xc3, 0x80]) {
      const damaged = Uint8Array.from(bytes);
      damaged[at] = bad;
      expect(expectSame(damaged).ok).toBe(true);
    }
  });
});
