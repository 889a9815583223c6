import { describe, expect, it } from 'vitest';
import { SENTENCE_LANGUAGES, progressSentence, type SentenceFigures } from './progress-sentence.ts';

const NOVEMBER: SentenceFigures = {
  cycle: 2,
  asOf: '2020-11-01',
  total: 183,
  checklistsSubmitted: 147,
  dialoguesHeld: { total: 131, countryVisits: 109, jointMeetings: 22, virtualVisits: 0 },
  executiveSummariesFinalised: 47,
  reportsFinalised: 24,
};

describe('the progress sentence', () => {
  it('reads as the secretariat writes it, in English', () => {
    expect(progressSentence(NOVEMBER, 'en')).toBe(
      'As at 1 November 2020, 147 of the 183 States parties under review in the second cycle had submitted their responses to the self-assessment checklist, 131 direct dialogues (comprising 109 country visits and 22 joint meetings) had taken place, and 47 executive summaries and 24 country review reports had been finalized.',
    );
  });

  it('names virtual visits when there are some, and uses the singular for one', () => {
    const text = progressSentence({ ...NOVEMBER, dialoguesHeld: { total: 3, countryVisits: 1, jointMeetings: 1, virtualVisits: 1 }, executiveSummariesFinalised: 1, reportsFinalised: 0 }, 'en');
    expect(text).toContain('3 direct dialogues (comprising 1 country visit, 1 joint meeting and 1 virtual country visit)');
    expect(text).toContain('1 executive summary and 0 country review reports');
  });

  it('formats numbers and dates for each language', () => {
    const big = { ...NOVEMBER, total: 1830, checklistsSubmitted: 1470 };
    expect(progressSentence(big, 'fr')).toMatch(/^Au 1er novembre 2020, 1\s470 des 1\s830 États parties en cours d’examen au titre du deuxième cycle/);
    expect(progressSentence(big, 'en')).toContain('1,470 of the 1,830');
    expect(progressSentence(NOVEMBER, 'es')).toMatch(/^Al 1 de noviembre de 2020, 147 de los 183 Estados partes objeto de examen en el segundo ciclo/);
    expect(progressSentence(NOVEMBER, 'ru')).toMatch(/^По состоянию на 1 ноября 2020 г\. 147 из 183 государств-участников/);
    expect(progressSentence(NOVEMBER, 'ru')).toContain('131 прямой диалог (в том числе 109 страновых посещений и 22 совместных совещания)');
    expect(progressSentence(NOVEMBER, 'zh')).toMatch(/^截至2020年11月1日，在第二周期接受审议的183个缔约国中，已有147个/);
    const ar = progressSentence(NOVEMBER, 'ar');
    expect(ar).toMatch(/^حتى 1 نوفمبر 2020، كانت 147 من أصل 183 دولة طرف/);
    expect(ar).toContain('الدورة الثانية');
  });

  it('every language writes every figure, and says so when nobody is under review', () => {
    for (const language of SENTENCE_LANGUAGES) {
      const text = progressSentence({ ...NOVEMBER, total: 183, checklistsSubmitted: 147, executiveSummariesFinalised: 47, reportsFinalised: 24 }, language);
      for (const n of ['147', '183', '131', '109', '22', '47', '24']) expect(text, `${language}: ${n}`).toContain(n);
      const empty = progressSentence({ ...NOVEMBER, total: 0, checklistsSubmitted: 0, dialoguesHeld: { total: 0, countryVisits: 0, jointMeetings: 0, virtualVisits: 0 }, executiveSummariesFinalised: 0, reportsFinalised: 0 }, language);
      expect(empty.length, language).toBeGreaterThan(20);
      expect(empty, language).not.toContain('183');
    }
  });
});
