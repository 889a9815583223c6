import { describe, expect, it } from 'vitest';
import { DEFAULT_REDRAW_LIMIT, checkRedrawAllowed } from './redraw-limit.ts';

describe('checkRedrawAllowed', () => {
  it('allows two redraws per State under review by default (reference §3)', () => {
    expect(DEFAULT_REDRAW_LIMIT).toBe(2);
    expect(checkRedrawAllowed(0, DEFAULT_REDRAW_LIMIT)).toEqual({ isExceptional: false });
    expect(checkRedrawAllowed(1, DEFAULT_REDRAW_LIMIT)).toEqual({ isExceptional: false });
  });

  it('refuses the third without a recorded exceptional decision', () => {
    expect(() => checkRedrawAllowed(2, 2)).toThrow(expect.objectContaining({ code: 'lots.redrawLimit' }));
    expect(() => checkRedrawAllowed(2, 2, '   ')).toThrow(/exceptional decision/);
  });

  it('allows it with one, and says so', () => {
    expect(checkRedrawAllowed(2, 2, 'IRG, 1st resumed 17th session: exceptional circumstances')).toEqual({ isExceptional: true });
    expect(checkRedrawAllowed(5, 2, 'decision 2026/3')).toEqual({ isExceptional: true });
  });

  it('refuses nonsense counts', () => {
    expect(() => checkRedrawAllowed(-1, 2)).toThrow(expect.objectContaining({ code: 'lots.invalidInput' }));
    expect(() => checkRedrawAllowed(1.5, 2)).toThrow(expect.objectContaining({ code: 'lots.invalidInput' }));
    expect(() => checkRedrawAllowed(0, -2)).toThrow(expect.objectContaining({ code: 'lots.invalidInput' }));
  });
});
