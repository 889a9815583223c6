import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { checkAssessment, checkSelfReport, nextVersion, type SelfReportInput } from './records.ts';

const round = { number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30', closedOn: null };
const report: SelfReportInput = { status: 'implemented', narrative: ' A register of assets went online. ', links: [{ url: 'https://example.org/register', title: '' }], statistics: [{ label: 'Declarations filed', value: '1204', period: '2023' }], documents: ['f1'] };
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as DomainError).code}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('self-reports', () => {
  it('are taken in an open or overdue round, trimmed, with evidence checked', () => {
    expect(checkSelfReport(report, round, '2022-06-01', new Set(['f1']))).toEqual({ ...report, narrative: 'A register of assets went online.', links: [{ url: 'https://example.org/register', title: 'https://example.org/register' }] });
    expect(checkSelfReport(report, round, '2022-09-01', new Set(['f1'])).status).toBe('implemented');
  });

  it('are refused before the round opens and after it closed', () => {
    expect(failure(() => checkSelfReport(report, round, '2022-04-01', new Set(['f1'])))).toMatch(/^followUp.invalidState: Round 1 opens on 2022-05-01/);
    expect(failure(() => checkSelfReport(report, { ...round, closedOn: '2022-08-10' }, '2022-08-11', new Set(['f1'])))).toMatch(/^followUp.invalidState: Round 1 closed on 2022-08-10/);
  });

  it('refuse an empty narrative, a link that is not a web address, a bare statistic and an unknown file', () => {
    const known = new Set(['f1']);
    expect(failure(() => checkSelfReport({ ...report, narrative: '  ' }, round, '2022-06-01', known))).toMatch(/^followUp.invalid:/);
    expect(failure(() => checkSelfReport({ ...report, links: [{ url: 'javascript:alert(1)', title: 'x' }] }, round, '2022-06-01', known))).toMatch(/Link 1 is not a web address/);
    expect(failure(() => checkSelfReport({ ...report, statistics: [{ label: 'x', value: ' ', period: '' }] }, round, '2022-06-01', known))).toMatch(/Statistic 1/);
    expect(failure(() => checkSelfReport(report, round, '2022-06-01', new Set()))).toMatch(/No evidence file f1/);
  });
});

describe('assessments', () => {
  const input = { status: 'partly-implemented' as const, note: 'The register lacks sanctions.', assessedOn: '2022-08-01' };
  it('need a self-report first', () => {
    expect(failure(() => checkAssessment(input, undefined, round, '2022-08-01'))).toMatch(/^followUp.invalidState: The State has not reported on this recommendation in round 1/);
  });
  it('are dated between the self-report and today, with a note unless implemented', () => {
    const self = { version: 1, submittedOn: '2022-06-01' };
    expect(checkAssessment(input, self, round, '2022-08-01')).toEqual(input);
    expect(failure(() => checkAssessment({ ...input, assessedOn: '2022-05-31' }, self, round, '2022-08-01'))).toMatch(/cannot come before the self-report/);
    expect(failure(() => checkAssessment({ ...input, assessedOn: '2022-08-02' }, self, round, '2022-08-01'))).toMatch(/future/);
    expect(failure(() => checkAssessment({ ...input, note: '' }, self, round, '2022-08-01'))).toMatch(/a note is needed/);
    expect(checkAssessment({ ...input, status: 'implemented', note: '' }, self, round, '2022-08-01').status).toBe('implemented');
    // After the round closed the reviewers may still assess.
    expect(checkAssessment(input, self, { ...round, closedOn: '2022-07-31' }, '2022-08-01').status).toBe('partly-implemented');
  });
  it('append versions', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([{ version: 1 }, { version: 3 }])).toBe(4);
  });
});
