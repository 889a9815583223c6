import { describe, expect, it } from 'vitest';
import { agendaToText, parseAgendaText } from './agenda-text.ts';

describe('agenda as text', () => {
  it('reads items, sub-items and documents, and writes them back', () => {
    const text = 'Organizational matters\n- Opening of the session\n- Adoption of the agenda [CAC/COSP/IRG/2020/1/Add.2]\n\nTechnical assistance [CAC/COSP/IRG/2020/7, CAC/COSP/IRG/2020/CRP.3]\n';
    const items = parseAgendaText(text);
    expect(items).toEqual([
      { title: 'Organizational matters', documents: [], items: [{ title: 'Opening of the session', documents: [] }, { title: 'Adoption of the agenda', documents: ['CAC/COSP/IRG/2020/1/Add.2'] }] },
      { title: 'Technical assistance', documents: ['CAC/COSP/IRG/2020/7', 'CAC/COSP/IRG/2020/CRP.3'] },
    ]);
    const numbered = [
      { depth: 0, title: 'Organizational matters', documents: [] },
      { depth: 1, title: 'Opening of the session', documents: [] },
      { depth: 0, title: 'Technical assistance', documents: [{ symbol: 'CAC/COSP/IRG/2020/7' }] },
    ];
    expect(agendaToText(numbered)).toBe('Organizational matters\n- Opening of the session\nTechnical assistance [CAC/COSP/IRG/2020/7]');
  });
});
