import { describe, expect, it } from 'vitest';
import { byDimension, listBehind, mostOutstanding, percent, quarterEnd, quarterly, statusOn, totals, type FollowedRecommendation } from './dashboard.ts';

function rec(overrides: Partial<FollowedRecommendation>): FollowedRecommendation {
  return { reviewId: 'r1', reference: '1/AUT/5/1', stateIso3: 'AUT', regionalGroup: 'WEOG', cycle: 1, article: 5, chapter: 'II', finalisedOn: '2020-01-15', text: 't', assessments: [], ...overrides };
}

const rows = [
  rec({ reference: '1/AUT/5/1', assessments: [{ round: 1, version: 1, assessedOn: '2022-06-01', status: 'partly-implemented' }, { round: 2, version: 1, assessedOn: '2024-06-01', status: 'implemented' }] }),
  rec({ reference: '1/AUT/5/2', sequence: 2, assessments: [{ round: 1, version: 1, assessedOn: '2022-06-01', status: 'implemented' }, { round: 1, version: 2, assessedOn: '2022-07-01', status: 'not-implemented' }] } as Partial<FollowedRecommendation>),
  rec({ reference: '1/AUT/6/1', article: 6, assessments: [{ round: 1, version: 1, assessedOn: '2022-06-01', status: 'no-longer-applicable' }] }),
  rec({ reviewId: 'r2', reference: '1/KEN/5/1', stateIso3: 'KEN', regionalGroup: 'African', finalisedOn: '2021-03-01' }),
  rec({ reviewId: 'r3', reference: '2/FRA/15/1', stateIso3: 'FRA', cycle: 2, article: 15, chapter: 'III', finalisedOn: '2025-01-01' }),
];

describe('follow-up dashboard', () => {
  it('takes the latest assessment on or before the day; later versions correct earlier ones', () => {
    expect(statusOn(rows[0]!, '2019-12-31')).toBeNull();
    expect(statusOn(rows[0]!, '2022-05-31')).toBe('not-assessed');
    expect(statusOn(rows[0]!, '2022-06-01')).toBe('partly-implemented');
    expect(statusOn(rows[0]!, '2024-06-01')).toBe('implemented');
    expect(statusOn(rows[1]!, '2022-06-15')).toBe('implemented');
    expect(statusOn(rows[1]!, '2022-07-01')).toBe('not-implemented');
  });

  it('counts the share implemented without the recommendations no longer applicable', () => {
    const t = totals(rows, {}, '2024-12-31');
    expect(t.total).toBe(4);
    expect(t.counts).toEqual({ implemented: 1, 'partly-implemented': 0, 'not-implemented': 1, 'no-longer-applicable': 1, 'not-assessed': 1 });
    expect(t.shareImplemented).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 0)).toBeNull();
  });

  it('breaks down by article, regional group and cycle, under a filter', () => {
    expect(byDimension(rows, 'article', {}, '2025-06-30').map((f) => [f.key, f.total, f.shareImplemented])).toEqual([['5', 3, 33.3], ['6', 1, null], ['15', 1, 0]]);
    expect(byDimension(rows, 'regionalGroup', { cycle: 1 }, '2025-06-30').map((f) => [f.key, f.total])).toEqual([['African', 1], ['WEOG', 3]]);
    expect(byDimension(rows, 'cycle', { article: 5 }, '2025-06-30').map((f) => [f.key, f.counts.implemented])).toEqual([['1', 1]]);
  });

  it('follows the share quarter by quarter, the last point on the day asked', () => {
    const series = quarterly(rows, { stateIso3: 'AUT' }, '2024-07-10');
    expect(series[0]).toMatchObject({ quarter: '2020-Q1', day: '2020-03-31', shareImplemented: 0 });
    expect(series.find((q) => q.day === '2022-06-30')?.shareImplemented).toBe(50);
    expect(series.find((q) => q.day === '2022-09-30')?.shareImplemented).toBe(0);
    expect(series.at(-1)).toMatchObject({ quarter: '2024-Q3', day: '2024-07-10', shareImplemented: 50 });
    expect(quarterEnd('2024-11-02')).toBe('2024-12-31');
    expect(quarterly(rows, { cycle: 3 }, '2024-07-10')).toEqual([]);
  });

  it('ranks States by outstanding recommendations under an article, and lists the rows behind a figure', () => {
    expect(mostOutstanding(rows, { article: 5 }, '2025-06-30')).toEqual([
      { stateIso3: 'AUT', outstanding: 1, total: 2 },
      { stateIso3: 'KEN', outstanding: 1, total: 1 },
    ]);
    expect(listBehind(rows, {}, '2025-06-30', { dimension: 'article', key: '5', status: 'not-assessed' }).map((r) => r.reference)).toEqual(['1/KEN/5/1']);
    expect(listBehind(rows, {}, '2025-06-30', { outstandingOnly: true }).map((r) => r.reference)).toEqual(['1/AUT/5/2', '1/KEN/5/1', '2/FRA/15/1']);
  });
});
