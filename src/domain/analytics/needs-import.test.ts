import { describe, expect, it } from 'vitest';
import { validateNeedRows, type NeedsImportContext } from './needs-import.ts';

const context: NeedsImportContext = {
  knownStates: new Set(['AUT', 'KEN']),
  cycles: new Map([
    [1, new Set([15, 16, 46])],
    [2, new Set([5, 14, 52])],
  ]),
  knownArticles: new Set([5, 14, 15, 16, 46, 52]),
};
const row = (over: Record<string, string> = {}) => ({ state_iso3: 'aut', cycle: '2', article: '52', type: '', description: 'Training of FIU staff', ...over });

describe('validateNeedRows', () => {
  it('reads types in either spelling, several per cell, and leaves an empty cell to the classifier', () => {
    const result = validateNeedRows([row({ type: 'research-and-data; capacity-building' }), row()], context);
    expect(result).toEqual({
      ok: true,
      needs: [
        { line: 2, state: 'AUT', cycle: 2, article: 52, types: ['capacity-building', 'research-data'], description: 'Training of FIU staff' },
        { line: 3, state: 'AUT', cycle: 2, article: 52, types: null, description: 'Training of FIU staff' },
      ],
    });
  });

  it('lists every problem of every row with its line', () => {
    const result = validateNeedRows([row(), row({ state_iso3: 'XXX', article: '99', type: 'training' }), row({ cycle: '7', description: '' }), row({ article: '46' })], context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.filter((p) => !p.message.startsWith("type "))).toEqual([
      { line: 3, message: "state_iso3 'XXX' is not a known State." },
      { line: 3, message: "article '99' is not an article of the Convention." },
      { line: 4, message: "cycle '7' is not a cycle of the Mechanism." },
      { line: 4, message: 'description is empty.' },
      { line: 5, message: 'article 46 is not reviewed in cycle 2.' },
    ]);
    expect(result.problems.find((p) => p.message.startsWith("type 'training'"))?.message).toMatch(/use one of: capacity-building, .*research-and-data/);
  });

  it('refuses an empty file and a file without the columns', () => {
    expect(JSON.stringify(validateNeedRows([], context))).toMatch(/"ok":false.*"line":1,"message":"The file has no needs/);
    expect(validateNeedRows([{ state: 'AUT', text: 'x' }], context)).toMatchObject({ ok: false, problems: [{ line: 1, message: 'Missing column(s): state_iso3, cycle, article, description.' }] });
  });
});
