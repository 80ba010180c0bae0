import { describe, expect, it } from 'vitest';
import seed from '../../data/seed.json';
import { validateDataset } from '../model/validate.ts';
import type { Dataset } from '../model/schema.ts';
import { buildEventTable } from '../table/eventTable.ts';
import { makeDataset } from '../testing/fixtures.ts';
import { ARABIC, ENGLISH } from './locale.ts';
import { describeFocusedEvent } from './describeFocus.ts';

const r = validateDataset(seed);
const table = buildEventTable((r.ok ? r.dataset : null) as Dataset);
const ceasefire = table.rowOfId.get('2022-09-14-ceasefire')!;

describe('the aria-live announcement of the focused event', () => {
  it('says the date, type, title and lane in English', () => {
    const text = describeFocusedEvent(table, ceasefire, 'Ceasefire', ENGLISH);
    expect(text).toMatch(/^14 Sept? 2022, 20:00, Ceasefire: .+\. Lane Ceasefire\.$/);
    expect(text).toContain(table.eventAt(ceasefire).title.en!);
  });

  it('says them in Arabic, with Arabic dates and the Arabic title', () => {
    const text = describeFocusedEvent(table, ceasefire, 'وقف إطلاق النار', ARABIC);
    expect(text).toContain(table.eventAt(ceasefire).title.ar!);
    expect(text).toContain('سبتمبر');
    expect(text).toContain('وقف إطلاق النار:');
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('marks a title shown in its original language', () => {
    const english = buildEventTable(makeDataset({ events: 3, actors: 2, seed: 1 }));
    expect(describeFocusedEvent(english, 0, 'x', ARABIC)).toContain('(باللغة الأصلية: الإنجليزية)');
    expect(describeFocusedEvent(english, 0, 'x', ENGLISH)).not.toContain('original');
  });
});
