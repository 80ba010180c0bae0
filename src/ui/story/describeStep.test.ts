import { describe, expect, it } from 'vitest';
import seed from '../../../data/seed.json';
import { validateDataset } from '../../model/validate.ts';
import type { Dataset } from '../../model/schema.ts';
import { createAppStore } from '../../store/store.ts';
import { stepViewOf } from '../../store/stepView.ts';
import { ARABIC, ENGLISH } from '../../i18n/locale.ts';
import { describeStep } from './describeStep.ts';

const r = validateDataset(seed);
const store = createAppStore({ dataset: (r.ok ? r.dataset : null) as Dataset });
const describeView = (view: string, ui = ENGLISH) => describeStep(stepViewOf(store, view).view, store.getState().table, ui);

describe('a step described in words', () => {
  it('says the window, with hours when it is short, and the filters as their chips do', () => {
    expect(describeView('from=2022-09-13&to=2022-09-17&types=ceasefire&q=Yerevan')).toEqual(['13 Sept 2022 to 17 Sept 2022', 'Type: Ceasefire', 'Text: “Yerevan”']);
    expect(describeView('from=2022-09-13&to=2022-09-14')).toEqual(['13 Sept 2022, 00:00 to 14 Sept 2022, 00:00 UTC']);
  });
  it('says "All the data" for a view without a window', () => {
    expect(describeView('types=clash')).toEqual(['All the data', 'Type: Clash']);
  });
  it('names the selected event by its title, the lanes when not by type, and the map', () => {
    const parts = describeView('from=2022-09-13&to=2022-09-16&event=2022-09-14-ceasefire&lanes=actor&map=45.5,40,6');
    expect(parts[1]).toMatch(/^Event: .*ceasefire/i);
    expect(parts.slice(2)).toEqual(['Lanes by actor', 'Map shown']);
  });
  it('speaks Arabic in the Arabic UI', () => {
    const parts = describeView('from=2022-09-13&to=2022-09-17&types=ceasefire', ARABIC);
    expect(parts).toHaveLength(2);
    expect(parts.join(' ')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
