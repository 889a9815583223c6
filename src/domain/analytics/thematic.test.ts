import { describe, expect, it } from 'vitest';
import { buildThematicReport, groupChallenges, keywords, stateLabel, stem, type ThematicInput, type ThematicReview } from './thematic.ts';

const review = (reviewId: string, group: ThematicReview['group'], quotable = true): ThematicReview => ({ reviewId, iso3: reviewId.toUpperCase(), name: `State ${reviewId.toUpperCase()}`, group, quotable });

describe('stems and keywords', () => {
  it('takes one suffix off, keeping four letters', () => {
    expect(stem('statistics')).toBe('statistic');
    expect(stem('statistical')).toBe('statistic');
    expect(stem('training')).toBe('train');
    expect([stem('capacities'), stem('capacity')]).toEqual(['capac', 'capac']);
    expect(stem('resources')).toBe('resourc');
    expect(stem('resource')).toBe('resource');
    expect(stem('process')).toBe('process');
    expect(stem('bus')).toBe('bus');
  });

  it('drops short and common words', () => {
    expect(keywords('The lack of statistics on the application of the measures (demo).').map(([w]) => w)).toEqual(['statistics', 'application']);
  });
});

describe('groupChallenges', () => {
  const a = review('a', 'african');
  const b = review('b', 'asia-pacific', false);
  const c = review('c', 'western-european-other');
  const d = review('d', 'african');

  it('groups texts by the stem most of them share, then the next, and names the group by its commonest form', () => {
    const { groups, other } = groupChallenges(
      [
        { review: a, text: 'Statistics are scarce. Staff need training.' },
        { review: b, text: 'No statistical data; training of judges is rare.' },
        { review: c, text: 'Training budgets are small.' },
        { review: d, text: 'Coordination between agencies is weak.' },
      ],
      false,
    );
    // "train" is in a, b, c (3 texts); then "statistic" would only cover none left (a and b are grouped): stop.
    expect(groups.map((g) => [g.stem, g.label, g.states])).toEqual([['train', 'training', 3]]);
    expect(other).toBe(1);
    // b is not quotable (unpublished, public reader): examples come from a and c only, anonymised.
    expect(groups[0]!.examples).toEqual([
      { state: 'a State of the African Group', text: 'Staff need training.' },
      { state: 'a State of the Western European and other Group', text: 'Training budgets are small.' },
    ]);
  });

  it('names States when asked, breaks ties alphabetically, and needs two texts for a group', () => {
    const { groups } = groupChallenges(
      [
        { review: a, text: 'Asset declarations unverified.' },
        { review: c, text: 'Asset declarations incomplete.' },
      ],
      true,
    );
    expect(groups.map((g) => g.stem)).toEqual(['asset']);
    expect(groups[0]!.examples.map((e) => e.state)).toEqual(['State A', 'State C']);
    expect(groupChallenges([{ review: a, text: 'Unique problem here.' }], false)).toEqual({ groups: [], other: 1 });
  });
});

describe('buildThematicReport', () => {
  it('counts States, recommendations and good practices per article and chapter, over completed reviews only', () => {
    const input: ThematicInput = {
      cycle: 2,
      named: false,
      chapters: [
        { chapter: 'II', title: 'Preventive measures' },
        { chapter: 'V', title: 'Asset recovery' },
      ],
      articles: [
        { article: 5, title: 'Preventive policies', chapter: 'II' },
        { article: 6, title: 'Preventive body', chapter: 'II' },
        { article: 51, title: 'General provision', chapter: 'V' },
      ],
      reviews: [review('a', 'african'), review('b', null)],
      recommendations: [
        { reviewId: 'a', article: 5, count: 2 },
        { reviewId: 'a', article: 6, count: 1 },
        { reviewId: 'b', article: 6, count: 3 },
        { reviewId: 'zz-not-completed', article: 5, count: 9 },
      ],
      goodPractices: [{ reviewId: 'b', article: 51, count: 1 }],
      challenges: [
        { reviewId: 'a', article: 5, text: 'Statistics scarce.' },
        { reviewId: 'b', article: 5, text: 'No statistics.' },
        { reviewId: 'zz-not-completed', article: 5, text: 'Statistics.' },
      ],
    };
    const report = buildThematicReport(input);
    expect(report).toMatchObject({ cycle: 2, completedReviews: 2, statesWithRecommendations: 2, recommendations: 6, goodPractices: 1 });
    const [ii, v] = report.chapters;
    expect(ii).toMatchObject({ chapter: 'II', statesWithRecommendations: 2, recommendations: 6, goodPractices: 0 });
    expect(ii!.articles.map((x) => [x.article, x.statesWithRecommendations, x.recommendations])).toEqual([
      [5, 1, 2],
      [6, 2, 4],
    ]);
    expect(ii!.articles[0]!.challenges).toMatchObject([{ stem: 'statistic', states: 2 }]);
    expect(ii!.articles[0]!.challenges[0]!.examples[1]!.state).toBe('a regional economic integration organization');
    expect(v).toMatchObject({ chapter: 'V', statesWithRecommendations: 0, recommendations: 0, goodPractices: 1 });
    expect(stateLabel({ name: 'Kenya', group: 'african' }, true)).toBe('Kenya');
  });
});
