import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, validateImportRows, type ImportContext } from './import-rows.ts';

const context: ImportContext = {
  knownStates: new Set(['AUT', 'KEN', 'PER', 'FRA', 'BRA']),
  cycles: [
    { number: 1, years: 5 },
    { number: 2, years: 5 },
  ],
  today: '2025-01-01',
};

/** A row with every column; empty = not yet. */
function row(values: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>): Record<string, string> {
  const base = Object.fromEntries(IMPORT_COLUMNS.filter((c) => c !== 'consent_to_publish_report').map((c) => [c, '']));
  return { ...base, state_iso3: 'AUT', cycle: '2', cohort_year: '1', reviewer1_iso3: 'KEN', reviewer2_iso3: 'PER', ...values };
}

const complete = row({
  started: '2017-01-10',
  focal_point_appointed: '2017-02-01',
  checklist_submitted: '2017-05-01',
  desk_review_completed: '2017-07-01',
  dialogue_type: 'country_visit',
  dialogue_held: '2017-10-01',
  draft_report_shared: '2018-01-15',
  report_finalised: '2018-06-01',
  executive_summary_finalised: '2018-09-01',
  executive_summary_published: '2018-11-01',
  report_published: '2018-12-01',
});

describe('validateImportRows', () => {
  it('turns good rows into reviews, with milestones in order and consent implied by publication', () => {
    const result = validateImportRows([complete, row({ state_iso3: 'fra', reviewer1_iso3: 'bra', started: '2024-06-01' })], context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [aut, fra] = result.reviews;
    expect(aut).toMatchObject({ line: 2, stateUnderReview: 'AUT', cycle: 2, cohortYear: 1, reviewers: ['KEN', 'PER'], consentToPublishReport: true });
    expect(aut?.milestones.map((m) => m.kind)).toEqual([
      'started',
      'focalPointAppointed',
      'checklistSubmitted',
      'deskReviewCompleted',
      'dialogueHeld',
      'draftReportShared',
      'executiveSummaryFinalised',
      'reportFinalised',
      'executiveSummaryPublished',
      'reportPublished',
    ]);
    expect(aut?.milestones.find((m) => m.kind === 'dialogueHeld')).toEqual({ kind: 'dialogueHeld', date: '2017-10-01', dialogueType: 'country_visit' });
    expect(fra).toMatchObject({ line: 3, stateUnderReview: 'FRA', reviewers: ['BRA', 'PER'], milestones: [{ kind: 'started', date: '2024-06-01' }], consentToPublishReport: false });
  });

  it('reports every bad row at once, with its line and reason, and returns no review', () => {
    const result = validateImportRows(
      [
        complete, // line 2: fine
        row({ state_iso3: 'XXX', cycle: '2' }), // line 3
        row({ state_iso3: 'KEN', reviewer1_iso3: 'KEN', reviewer2_iso3: 'PER' }), // line 4
        row({ state_iso3: 'PER', reviewer1_iso3: 'KEN', reviewer2_iso3: 'KEN' }), // line 5
        row({ state_iso3: 'FRA', started: '2024-02-30' }), // line 6
        row({ state_iso3: 'BRA', started: '2024-01-10', checklist_submitted: '2024-03-01' }), // line 7
        row({ state_iso3: 'AUT', cycle: '1', started: '2024-01-10', focal_point_appointed: '2024-01-01' }), // line 8
        row({ state_iso3: 'AUT', cycle: '2' }), // line 9: duplicate of line 2
      ],
      context,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, message: "state_iso3 'XXX' is not a known State." },
        { line: 4, message: 'reviewer1_iso3 KEN is the State under review; a State does not review itself.' },
        { line: 5, message: 'reviewer1_iso3 and reviewer2_iso3 are both KEN; a review has two different reviewing States.' },
        { line: 6, message: "Review started: '2024-02-30' is not a calendar date (YYYY-MM-DD)." },
        { line: 7, message: 'Checklist submitted needs focal point appointed first.' },
        { line: 8, message: 'Focal point appointed on 2024-01-01 is before review started on 2024-01-10.' },
        { line: 9, message: 'AUT in cycle 2 is already on line 2; one review per State and cycle.' },
      ],
    });
  });

  it('checks cycle, cohort year, reviewers and required cells', () => {
    const result = validateImportRows([row({ cycle: '9', cohort_year: 'x', reviewer2_iso3: '' }), row({ state_iso3: '', cohort_year: '6' })], context);
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 2, message: "cycle '9' is not a known cycle (1, 2)." },
      { line: 2, message: "cohort_year 'x' is not a whole number." },
      { line: 2, message: 'reviewer2_iso3 is empty.' },
      { line: 3, message: 'state_iso3 is empty.' },
      { line: 3, message: 'cohort_year 6 is outside cycle 2 (years 1 to 5).' },
    ]);
  });

  it('applies the milestone rules of recordMilestone: future dates, dialogue type, consent', () => {
    const through = { started: '2024-01-10', focal_point_appointed: '2024-01-20', checklist_submitted: '2024-02-01', desk_review_completed: '2024-03-01' };
    const result = validateImportRows(
      [
        row({ state_iso3: 'AUT', started: '2025-06-01' }),
        row({ state_iso3: 'KEN', reviewer1_iso3: 'AUT', ...through, dialogue_held: '2024-04-01' }),
        row({ state_iso3: 'PER', reviewer2_iso3: 'BRA', ...through, dialogue_type: 'dinner', dialogue_held: '2024-04-01' }),
        row({ state_iso3: 'FRA', ...through, dialogue_type: 'joint_meeting' }),
        row({ ...complete, state_iso3: 'BRA', consent_to_publish_report: 'no' }),
      ],
      context,
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 2, message: 'Review started on 2025-06-01 is in the future (today is 2025-01-01).' },
      { line: 3, message: 'Dialogue held needs the dialogue type: country_visit, joint_meeting, virtual_visit.' },
      { line: 4, message: "Dialogue held: 'dinner' is not a dialogue type (country_visit, joint_meeting, virtual_visit)." },
      { line: 5, message: "dialogue_type is 'joint_meeting' but dialogue_held is empty; give the date of the dialogue or leave the type empty." },
      { line: 6, message: 'Report published needs the consent of the State under review, which is not recorded.' },
    ]);
  });

  it('does not repeat a broken step as a missing prerequisite of the next', () => {
    const result = validateImportRows([row({ started: 'soon', focal_point_appointed: '2024-01-20', checklist_submitted: '2024-02-01' })], context);
    expect(result.ok ? [] : result.problems).toEqual([{ line: 2, message: "Review started: 'soon' is not a calendar date (YYYY-MM-DD)." }]);
  });

  it('accepts consent without publication, and the finalisations in either order', () => {
    const result = validateImportRows([row({ ...complete, report_published: '', consent_to_publish_report: 'yes' })], context);
    expect(result.ok && result.reviews[0]?.consentToPublishReport).toBe(true);
  });

  it('reports unknown columns on the header line, skips blank rows, refuses an empty file', () => {
    const typo = { ...row({}), checklist_submited: '2024-01-01' };
    expect(validateImportRows([typo], context)).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringMatching(/^Unknown column 'checklist_submited'/) as unknown }] });
    const blank = Object.fromEntries(Object.keys(row({})).map((c) => [c, ' ']));
    const result = validateImportRows([row({}), blank, row({ state_iso3: 'FRA' })], context);
    expect(result.ok && result.reviews.map((r) => r.line)).toEqual([2, 4]);
    expect(validateImportRows([blank], context)).toEqual({ ok: false, problems: [{ line: 1, message: 'The file has no data rows.' }] });
  });

  it('gives the same result on the same rows (re-import is a no-op for the caller)', () => {
    expect(validateImportRows([complete], context)).toEqual(validateImportRows([complete], context));
  });
});
