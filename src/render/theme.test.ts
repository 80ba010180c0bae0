import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { contrastRatio, DARK_THEME, LIGHT_THEME, textColourOn } from './theme.ts';

// WCAG 2.1 AA: text 4.5:1 (1.4.3); marks, outlines and the focus ring 3:1 against what is next to
// them (1.4.11). The canvas is out of axe's reach, so its colours are checked here.
describe.each([
  ['light', LIGHT_THEME],
  ['dark', DARK_THEME],
])('the %s theme', (_, theme) => {
  it('has text at 4.5:1 or more on the background and on lane stripes', () => {
    for (const ground of [theme.background, theme.laneStripe]) {
      expect(contrastRatio(theme.text, ground)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.mutedText, ground)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('outlines every mark, and rings the focus, at 3:1 or more against the lanes', () => {
    for (const ground of [theme.background, theme.laneStripe]) {
      expect(contrastRatio(theme.markStroke, ground)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(theme.focus, ground)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(theme.selection, ground)).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes a cluster’s count at 4.5:1 or more on any type colour', () => {
    for (const fill of [theme.cluster, ...EVENT_TYPES.map((t) => EVENT_TYPE_INFO[t].colour)]) {
      expect(contrastRatio(textColourOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('type colours and shapes', () => {
  it('tell types apart by shape as well as colour: no two types share both', () => {
    const pairs = EVENT_TYPES.map((t) => `${EVENT_TYPE_INFO[t].colour}/${EVENT_TYPE_INFO[t].shape}`);
    expect(new Set(pairs).size).toBe(EVENT_TYPES.length);
    // Types that share a shape differ in lightness enough to tell apart without hue.
    const byShape = new Map<string, string[]>();
    for (const t of EVENT_TYPES) byShape.set(EVENT_TYPE_INFO[t].shape, [...(byShape.get(EVENT_TYPE_INFO[t].shape) ?? []), EVENT_TYPE_INFO[t].colour]);
    for (const colours of byShape.values()) {
      for (let i = 0; i < colours.length; i++) for (let j = i + 1; j < colours.length; j++) expect(contrastRatio(colours[i]!, colours[j]!), `${colours[i]} ${colours[j]}`).toBeGreaterThanOrEqual(1.4);
    }
  });
});
