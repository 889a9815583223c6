import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { checkAction, checkProgress, planCsv } from './action-plans.ts';
import { selectDueRounds, reminderMessage } from './reminders.ts';

const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as DomainError).code}: ${(e as Error).message}`;
  }
  return 'no error';
};
const ofReview = new Set(['5/1', '5/2', '6/1']);
const action = { title: ' Train prosecutors ', ownerInstitution: 'Ministry of Justice', deadline: '2026-12-31', indicators: ['200 trained', ' '], recommendations: [{ article: 5, sequence: 2 }, { article: 5, sequence: 1 }, { article: 5, sequence: 2 }] };

describe('action plans', () => {
  it('checks an action: own recommendations only, a date, trimmed texts', () => {
    expect(checkAction(action, ofReview)).toEqual({ title: 'Train prosecutors', ownerInstitution: 'Ministry of Justice', deadline: '2026-12-31', indicators: ['200 trained'], recommendations: [{ article: 5, sequence: 1 }, { article: 5, sequence: 2 }] });
    expect(failure(() => checkAction({ ...action, recommendations: [{ article: 7, sequence: 1 }] }, ofReview))).toMatch(/^followUp.invalid: Not a recommendation of this review/);
    expect(failure(() => checkAction({ ...action, recommendations: [] }, ofReview))).toMatch(/at least one/);
    expect(failure(() => checkAction({ ...action, deadline: '2026-02-30' }, ofReview))).toMatch(/not a date/);
    expect(failure(() => checkAction({ ...action, ownerInstitution: '' }, ofReview))).toMatch(/owner institution/);
  });

  it('checks progress: a whole percentage, not in the future, completed means 100', () => {
    expect(checkProgress({ percent: 40, status: 'on-track', note: ' half the courses ', reportedOn: '2026-01-10' }, '2026-01-10')).toEqual({ percent: 40, status: 'on-track', note: 'half the courses', reportedOn: '2026-01-10' });
    expect(failure(() => checkProgress({ percent: 101, status: 'on-track', note: '', reportedOn: '2026-01-10' }, '2026-01-10'))).toMatch(/0 to 100/);
    expect(failure(() => checkProgress({ percent: 2.5, status: 'on-track', note: '', reportedOn: '2026-01-10' }, '2026-01-10'))).toMatch(/whole percentage/);
    expect(failure(() => checkProgress({ percent: 90, status: 'completed', note: '', reportedOn: '2026-01-10' }, '2026-01-10'))).toMatch(/100 %/);
    expect(failure(() => checkProgress({ percent: null, status: 'delayed', note: '', reportedOn: '2026-01-11' }, '2026-01-10'))).toMatch(/future/);
  });

  it('exports CSV with quoting and formula guard', () => {
    const csv = planCsv([{ title: 'Train, then test', ownerInstitution: '=HYPERLINK("x")', deadline: '2026-12-31', indicators: ['a', 'b'], references: ['2/AUT/5/1'], progress: { percent: 40, status: 'on-track', note: 'ok', reportedOn: '2026-01-10' } }]);
    expect(csv).toBe('action,owner_institution,deadline,indicators,recommendations,progress_percent,progress_status,progress_note,reported_on\r\n"Train, then test","\'=HYPERLINK(""x"")",2026-12-31,a; b,2/AUT/5/1,40,on-track,ok,2026-01-10\r\n');
  });
});

describe('follow-up reminders', () => {
  const base = { reviewId: 'r', stateIso3: 'AUT', cycle: 1, number: 1, opensOn: '2026-01-01', dueOn: '2026-03-12', closedOn: null, unreported: 2 };
  it('remind within a week of the due date and weekly when overdue, while something is unreported', () => {
    expect(selectDueRounds([base], '2026-03-04')).toEqual([]);
    expect(selectDueRounds([base], '2026-03-09')).toEqual([{ reviewId: 'r', stateIso3: 'AUT', cycle: 1, round: 1, dueOn: '2026-03-12', daysLeft: 3, unreported: 2, dedupeKey: 'followUp.reminder:r:1:2026-W11' }]);
    expect(selectDueRounds([base], '2026-04-01')[0]?.daysLeft).toBe(-20);
    expect(selectDueRounds([{ ...base, unreported: 0 }], '2026-03-09')).toEqual([]);
    expect(selectDueRounds([{ ...base, closedOn: '2026-03-01' }], '2026-03-09')).toEqual([]);
    expect(reminderMessage(selectDueRounds([base], '2026-04-01')[0]!, 'Austria').body).toBe('The self-report of Austria for follow-up round 1 was due on 2026-03-12 (20 days ago). 2 recommendations still without a self-report.');
  });
});
