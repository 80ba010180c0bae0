import { describe, expect, it } from 'vitest';
import { timelineLabel } from './viewLayout.ts';

describe('timelineLabel', () => {
  it('is the title in the UI language when the data has it', () => {
    expect(timelineLabel({ ar: 'اشتباكات', en: 'Clashes' }, 'en', 'ar')).toBe('Clashes');
    expect(timelineLabel({ ar: 'اشتباكات', en: 'Clashes' }, 'ar', 'ar')).toBe('اشتباكات');
  });

  it('marks a title shown in another language with that language, before the text', () => {
    expect(timelineLabel({ ar: 'اشتباكات' }, 'en', 'ar')).toBe('[AR] اشتباكات');
    expect(timelineLabel({ en: 'Armed clash: Military Forces of Azerbaijan' }, 'ar', 'en')).toBe('[EN] Armed clash: Military Forces of Azerbaijan');
  });
});
