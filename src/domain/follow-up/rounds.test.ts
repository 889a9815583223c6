import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { addMonths, checkClose, DEFAULT_FOLLOW_UP_SETTINGS, followUpSettings, nextRound, roundState, scheduledRound } from './rounds.ts';

const settings = DEFAULT_FOLLOW_UP_SETTINGS;
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('follow-up rounds', () => {
  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2020-05-15', 24)).toBe('2022-05-15');
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2020-12-01', -1)).toBe('2020-11-01');
  });

  it('reads the interval from the mechanism settings, with defaults for missing or invalid values', () => {
    expect(followUpSettings({})).toEqual({ intervalMonths: 24, responseDays: 90 });
    expect(followUpSettings({ followUp: { intervalMonths: 18, responseDays: 60 } })).toEqual({ intervalMonths: 18, responseDays: 60 });
    expect(followUpSettings({ followUp: { intervalMonths: 0, responseDays: 'x' } })).toEqual({ intervalMonths: 24, responseDays: 90 });
    expect(followUpSettings(null)).toEqual(settings);
  });

  it('schedules round n at n intervals after finalisation, due after the response days', () => {
    expect(scheduledRound('2020-05-01', 1, settings)).toEqual({ number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30' });
    expect(scheduledRound('2020-05-01', 2, { intervalMonths: 12, responseDays: 30 })).toEqual({ number: 2, opensOn: '2022-05-01', dueOn: '2022-05-31' });
  });

  it('opens the next round by the schedule, one at a time, never before finalisation', () => {
    expect(nextRound({ finalisedOn: '2020-05-01', rounds: [], settings })).toEqual({ number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30' });
    expect(codeOf(() => nextRound({ finalisedOn: null, rounds: [], settings }))).toBe('followUp.invalidState');
    const open = { number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30', closedOn: null };
    expect(codeOf(() => nextRound({ finalisedOn: '2020-05-01', rounds: [open], settings }))).toBe('followUp.invalidState');
    // Closed late: round 2 cannot open in the past of the closing.
    const closedLate = { ...open, closedOn: '2024-09-01' };
    expect(nextRound({ finalisedOn: '2020-05-01', rounds: [closedLate], settings })).toEqual({ number: 2, opensOn: '2024-09-01', dueOn: '2024-11-30' });
    expect(nextRound({ finalisedOn: '2020-05-01', rounds: [], settings, opensOn: '2021-01-10' })).toEqual({ number: 1, opensOn: '2021-01-10', dueOn: '2021-04-10' });
    expect(codeOf(() => nextRound({ finalisedOn: '2020-05-01', rounds: [], settings, opensOn: '2019-01-01' }))).toBe('followUp.invalid');
    expect(codeOf(() => nextRound({ finalisedOn: '2020-05-01', rounds: [], settings, opensOn: '2021-01-10', dueOn: '2021-01-09' }))).toBe('followUp.invalid');
  });

  it('derives the state of a round from today', () => {
    const round = { number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30', closedOn: null };
    expect(roundState(round, '2022-04-30')).toBe('scheduled');
    expect(roundState(round, '2022-05-01')).toBe('open');
    expect(roundState(round, '2022-07-30')).toBe('open');
    expect(roundState(round, '2022-07-31')).toBe('overdue');
    expect(roundState({ ...round, closedOn: '2022-08-01' }, '2022-07-01')).toBe('closed');
    expect(codeOf(() => checkClose(round, '2022-04-01'))).toBe('followUp.invalidState');
    expect(codeOf(() => checkClose({ ...round, closedOn: '2022-08-01' }, '2022-09-01'))).toBe('followUp.invalidState');
    expect(codeOf(() => checkClose(round, '2022-06-01'))).toBe('no error');
  });
});
