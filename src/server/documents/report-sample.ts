/**
 * A small report shared by the DOCX and PDF tests: two chapters, a recommendation with its
 * reference, a good practice, a typed need, and the seven paragraphs its body numbers.
 */
import type { ReportDocumentInput } from './report-document.ts';

export const SAMPLE_REPORT: ReportDocumentInput = {
  symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
  distribution: 'General',
  date: '2026-11-27',
  language: 'en',
  stateName: 'Austria',
  cycle: 2,
  reviewerNames: ['Germany', 'Kenya'],
  draft: true,
  chapters: [
    {
      chapter: 'II',
      title: 'Preventive measures',
      articles: [
        {
          article: 5,
          title: 'Preventive anti-corruption policies and practices',
          summary:
            '<p>Austria adopted a <strong>national anti-corruption strategy</strong> in 2018.</p><p>The strategy is evaluated every two years.</p><ul><li>prevention</li><li>education</li></ul>',
          observations: '<p>The strategy covers all levels of government.</p>',
          successes: '<p>The coordination body meets monthly.</p>',
          challenges: '<p>Resources are limited at the regional level.</p>',
          recommendations: [
            { reference: '2/AUT/5/1', text: 'Evaluate the impact of the national strategy regularly.' },
            { reference: '2/AUT/5/2', text: 'Provide sufficient resources to regional bodies.' },
          ],
          goodPractices: [{ text: 'Monthly coordination meetings of all ministries.' }],
          needs: [{ typeLabel: 'Capacity-building', text: 'Training for regional staff.' }],
        },
      ],
    },
    {
      chapter: 'V',
      title: 'Asset recovery',
      articles: [
        {
          article: 52,
          title: 'Prevention and detection of transfers of proceeds of crime',
          summary: '<p>Banks identify the beneficial owners of accounts.</p>',
          observations: '',
          successes: '',
          challenges: '',
          recommendations: [{ reference: '2/AUT/52/1', text: 'Extend enhanced scrutiny to domestic politically exposed persons.' }],
          goodPractices: [],
          needs: [],
        },
      ],
    },
  ],
};

/** The numbered paragraphs of the sample report, in order. */
export const SAMPLE_NUMBERED = [
  'The review of the implementation by Austria',
  'Austria adopted a national anti-corruption strategy in 2018.',
  'The strategy is evaluated every two years.',
  'The strategy covers all levels of government.',
  'The coordination body meets monthly.',
  'Resources are limited at the regional level.',
  'Banks identify the beneficial owners of accounts.',
];
