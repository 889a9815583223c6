import { describe, expect, it } from 'vitest';
import { checkAnswer, checklistFormatOf, isAnswered } from './checklist.ts';

const provisions = new Set(['5.1', '5.2', '52.1']);

describe('checklist answers', () => {
  it('uses the structured format in the first cycle and free text later, unless configured', () => {
    expect(checklistFormatOf(1)).toBe('structured');
    expect(checklistFormatOf(2)).toBe('free-text');
    expect(checklistFormatOf(2, { '2': 'structured' })).toBe('structured');
  });

  it('refuses a provision outside the cycle, a compliance answer in free text, unknown assistance types', () => {
    expect(() => checkAnswer('free-text', provisions, '15(a)', { text: 'x' })).toThrow(/not in this review's checklist/);
    expect(() => checkAnswer('free-text', provisions, '5.1', { text: 'x', compliance: 'yes' })).toThrow(/free-text/);
    expect(() => checkAnswer('structured', provisions, '5.1', { text: 'x', assistanceNeeds: { types: ['money'], text: '' } })).toThrow(/Unknown type/);
    expect(() => checkAnswer('structured', provisions, '5.1', { text: 'x'.repeat(50_001) })).toThrow(/at most/);
  });

  it('stores answers as safe rich text', () => {
    expect(checkAnswer('free-text', provisions, '5.1', { text: '<p>Law <strong>12</strong><script>x()</script></p>' }).text).toBe('<p>Law <strong>12</strong></p>');
    expect(checkAnswer('free-text', provisions, '5.1', { text: '<p></p>' }).text).toBe('');
  });

  it('normalises a valid answer', () => {
    expect(checkAnswer('structured', provisions, '5.1', { text: 'a\r\nb', compliance: 'partially', assistanceNeeds: { types: ['legal-advice', 'capacity-building', 'legal-advice'], text: 'training' } })).toEqual({
      compliance: 'partially',
      text: '<p>a<br />b</p>',
      assistanceNeeds: { types: ['capacity-building', 'legal-advice'], text: 'training' },
    });
  });

  it('counts an answer once it says something', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ compliance: null, text: '  ' })).toBe(false);
    expect(isAnswered({ compliance: 'no', text: '' })).toBe(true);
    expect(isAnswered({ compliance: null, text: 'Our law…' })).toBe(true);
  });
});
