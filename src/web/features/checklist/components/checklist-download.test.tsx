import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cyclesResponse, focalPointSession, HEALTH_DEMO, partiesResponse, reviewDetail } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { ChecklistResponse } from '../api/checklist.ts';

const checklist: ChecklistResponse = {
  reviewId: 'r-aut',
  cycle: 2,
  format: 'free-text',
  view: 'working',
  progress: { answered: 0, total: 1 },
  submissions: [],
  sections: [{ article: 5, title: 'Preventive anti-corruption policies and practices', chapter: 'II', provisions: [{ id: '5.1', label: 'article 5, paragraph 1', obligation: 'mandatory', answer: null, attachments: [] }] }],
};

describe('Checklist page: download as Word', () => {
  it('links to the DOCX export of this review', async () => {
    mockApi({
      'GET /api/session': { body: focalPointSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/parties': { body: partiesResponse() },
      'GET /api/cycles': { body: cyclesResponse() },
      'GET /api/reviews/r-aut': { body: { review: reviewDetail({ cycle: 2, canSeeContent: true }) } },
      'GET /api/reviews/r-aut/checklist': { body: checklist },
      'GET /api/reviews/r-aut/threads': { body: { threads: [] } },
    });
    await renderApp('/reviews/r-aut/checklist');
    const link = await screen.findByRole('link', { name: 'Download as Word (DOCX)' });
    expect(link.getAttribute('href')).toBe('/api/reviews/r-aut/checklist.docx');
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByText(/Confidential: share it only with the parties to the review/)).toBeTruthy();
  });
});
