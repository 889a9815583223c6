import { describe, expect, it } from 'vitest';
import { NOTHING_PUBLISHED, type PublishedContent } from '../reviews/public-view.ts';
import { robotsTxt, sitemapXml, SITEMAP_LIMIT } from './crawlers.ts';
import { DATASETS, dictionaryRows } from './datasets.ts';
import { goodPracticeRows, NeedsTally, parseRecommendationId, recommendationRows } from './rows.ts';

const material = (over: Partial<PublishedContent>): PublishedContent => ({ ...NOTHING_PUBLISHED, ...over });

describe('data dictionary', () => {
  it('names every field once, in snake_case, with the key first and a description', () => {
    for (const d of DATASETS) {
      const names = d.fields.map((f) => f.name);
      expect(new Set(names).size, d.name).toBe(names.length);
      expect(names[0], d.name).toBe(d.key);
      for (const f of d.fields) {
        expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(f.description.length).toBeGreaterThan(10);
      }
    }
    expect(dictionaryRows().length).toBe(DATASETS.reduce((n, d) => n + d.fields.length, 0));
  });
});

describe('recommendation identifiers', () => {
  it('parses cycle/ISO3/article/sequence and nothing else', () => {
    expect(parseRecommendationId('2/AUT/9/12')).toEqual({ cycle: 2, iso3: 'AUT', article: 9, sequence: 12 });
    for (const bad of ['2/aut/9/1', '2/AUT/9', '2/AUT/9/1/1', '../AUT/9/1', '2/AUT/nine/1', '']) expect(parseRecommendationId(bad), bad).toBeUndefined();
  });

  it('keeps a stored reference, and numbers per article where a snapshot has none', () => {
    const rows = recommendationRows(
      2,
      'KEN',
      material({
        recommendations: [
          { article: '5', text: 'A', language: 'en', reference: '2/KEN/5/1' },
          { article: '5', text: 'B', language: 'en' },
          { article: '9', text: 'C', language: 'fr' },
        ],
      }),
      'https://x.org',
    );
    expect(rows.map((r) => [r.recommendation_id, r.article, r.sequence, r.language])).toEqual([
      ['2/KEN/5/1', 5, 1, 'en'],
      ['2/KEN/5/2', 5, 2, 'en'],
      ['2/KEN/9/1', 9, 1, 'fr'],
    ]);
    expect(rows[2]!.url).toBe('https://x.org/api/open/v1/recommendations/2/KEN/9/1');
    expect(goodPracticeRows(2, 'KEN', material({ goodPractices: [{ article: '6', text: 'G', language: 'en' }, { article: '6', text: 'H', language: 'en' }] })).map((g) => g.good_practice_id)).toEqual(['2/KEN/6/gp1', '2/KEN/6/gp2']);
  });
});

describe('needs counts', () => {
  it('counts needs and distinct States per cycle, article and type', () => {
    const tally = new NeedsTally();
    tally.add(2, 'KEN', material({ needs: [{ article: '9', type: 'capacity-building' }, { article: '9', type: 'capacity-building' }, { article: '5', type: 'legislative-assistance' }] }));
    tally.add(2, 'PER', material({ needs: [{ article: '9', type: 'capacity-building' }] }));
    tally.add(1, 'PER', material({ needs: [{ article: '15', type: 'capacity-building' }] }));
    expect(tally.rows()).toEqual([
      { count_id: '1/15/capacity-building', cycle: 1, article: 15, type: 'capacity-building', needs: 1, states: 1 },
      { count_id: '2/5/legislative-assistance', cycle: 2, article: 5, type: 'legislative-assistance', needs: 1, states: 1 },
      { count_id: '2/9/capacity-building', cycle: 2, article: 9, type: 'capacity-building', needs: 3, states: 2 },
    ]);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('points crawlers at the sitemap and away from the workspace', () => {
    const robots = robotsTxt('https://irm.example.org');
    expect(robots).toContain('Sitemap: https://irm.example.org/sitemap.xml');
    expect(robots.split('\n')).toContain('Disallow: /reviews/');
    expect(robots.split('\n')).toContain('Allow: /api/public/');
  });

  it('escapes addresses and stops at the protocol’s limit', () => {
    const xml = sitemapXml('https://x.org', [{ path: '/a?b=1&c=<2>', lastModified: '2026-01-02' }]);
    expect(xml).toContain('<loc>https://x.org/a?b=1&amp;c=&lt;2&gt;</loc><lastmod>2026-01-02</lastmod>');
    const many = sitemapXml('https://x.org', Array.from({ length: SITEMAP_LIMIT + 5 }, (_, i) => ({ path: `/p${i}` })));
    expect(many.match(/<url>/g)!.length).toBe(SITEMAP_LIMIT);
  });
});
