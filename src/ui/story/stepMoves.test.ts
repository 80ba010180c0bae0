import { describe, expect, it } from 'vitest';
import { dropMarker, dropTarget, keyboardMoveTarget } from './stepMoves.ts';
import { moveStep, type Story } from '../../story/story.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

const story = (ids: string[]): Story => ({ title: '', steps: ids.map((id) => ({ id, view: '', caption: id, sources: [] })) });
const order = (s: Story) => s.steps.map((step) => step.id).join('');

describe('moving a step with the keyboard', () => {
  it('Alt+ArrowUp and Alt+ArrowDown move it one place', () => {
    expect(keyboardMoveTarget(key('ArrowUp', { altKey: true }), 2, 4)).toBe(1);
    expect(keyboardMoveTarget(key('ArrowDown', { altKey: true }), 2, 4)).toBe(3);
  });
  it('does nothing at the ends', () => {
    expect(keyboardMoveTarget(key('ArrowUp', { altKey: true }), 0, 4)).toBeNull();
    expect(keyboardMoveTarget(key('ArrowDown', { altKey: true }), 3, 4)).toBeNull();
  });
  it('leaves other keys and the arrows without Alt (or with other modifiers) to the page', () => {
    expect(keyboardMoveTarget(key('ArrowUp'), 2, 4)).toBeNull();
    expect(keyboardMoveTarget(key('ArrowLeft', { altKey: true }), 2, 4)).toBeNull();
    expect(keyboardMoveTarget(key('ArrowUp', { altKey: true, shiftKey: true }), 2, 4)).toBeNull();
    expect(keyboardMoveTarget(key('ArrowDown', { altKey: true, ctrlKey: true }), 2, 4)).toBeNull();
  });
  it('moves the step where moveStep puts it', () => {
    const s = story(['a', 'b', 'c', 'd']);
    expect(order(moveStep(s, 2, keyboardMoveTarget(key('ArrowUp', { altKey: true }), 2, 4)!))).toBe('acbd');
  });
});

describe('dragging a step', () => {
  // Four steps 100 px high: middles at 50, 150, 250, 350.
  const middles = [50, 150, 250, 350];
  it('lands after every other step whose middle is above the pointer', () => {
    expect(dropTarget(0, 260, middles)).toBe(2);
    expect(dropTarget(0, 10, middles)).toBe(0);
    expect(dropTarget(0, 999, middles)).toBe(3);
    expect(dropTarget(3, 120, middles)).toBe(1);
    expect(dropTarget(3, 40, middles)).toBe(0);
  });
  it('stays put over itself', () => {
    expect(dropTarget(1, 160, middles)).toBe(1);
    expect(dropTarget(1, 100, middles)).toBe(1);
  });
  it('gives the order the user sees: the first step dropped below the third comes third', () => {
    const s = story(['a', 'b', 'c', 'd']);
    expect(order(moveStep(s, 0, dropTarget(0, 260, middles)))).toBe('bcad');
    expect(order(moveStep(s, 3, dropTarget(3, 120, middles)))).toBe('adbc');
  });
  it('shows the drop line after the step it passes going down, before it going up', () => {
    expect(dropMarker(0, 2)).toEqual({ index: 2, side: 'after' });
    expect(dropMarker(3, 1)).toEqual({ index: 1, side: 'before' });
    expect(dropMarker(2, 2)).toBeNull();
  });
});
