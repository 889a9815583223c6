/**
 * @module import-rows
 * Validation of review histories imported from the secretariat's spreadsheet (issue 4,
 * "Demo data and import"). Rows arrive already split into columns (a CSV library or a JSON
 * array does that); this module checks every row and either returns every review or lists
 * every bad row with its line and reason, so the import can be all-or-nothing. Milestone
 * order is checked with checkMilestone, the same rules and words as recordMilestone.
 */
import { UNCAC_MILESTONES, prerequisiteOrder, type MilestoneKind, type MilestoneTable } from './milestones.ts';
import { checkMilestone, type RecordedMilestone, type Review } from './review.ts';

/** Date columns and the milestone each one records. */
export const MILESTONE_COLUMNS = {
  started: 'started',
  focal_point_appointed: 'focalPointAppointed',
  checklist_submitted: 'checklistSubmitted',
  desk_review_completed: 'deskReviewCompleted',
  dialogue_held: 'dialogueHeld',
  draft_report_shared: 'draftReportShared',
  executive_summary_finalised: 'executiveSummaryFinalised',
  report_finalised: 'reportFinalised',
  executive_summary_published: 'executiveSummaryPublished',
  report_published: 'reportPublished',
} as const satisfies Record<string, MilestoneKind>;

/** Every accepted column. `consent_to_publish_report` is optional (yes/no; see docs/REVIEWS.md). */
export const IMPORT_COLUMNS = [
  'state_iso3',
  'cycle',
  'cohort_year',
  'reviewer1_iso3',
  'reviewer2_iso3',
  'started',
  'focal_point_appointed',
  'checklist_submitted',
  'desk_review_completed',
  'dialogue_type',
  'dialogue_held',
  'draft_report_shared',
  'executive_summary_finalised',
  'report_finalised',
  'executive_summary_published',
  'report_published',
  'consent_to_publish_report',
] as const;

/** A review as the import knows it: no pauses or extensions, which the file does not carry. */
export interface ReviewImport extends Omit<Review, 'pauses' | 'extensions'> {
  /** Line of the row in the file (header = line 1). */
  line: number;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportContext {
  /** ISO3 codes of the known States. */
  knownStates: ReadonlySet<string>;
  cycles: readonly { number: number; years: number }[];
  /** ISO date of the import: no milestone may be later. */
  today: string;
}

export type ImportResult = { ok: true; reviews: ReviewImport[] } | { ok: false; problems: ImportProblem[] };

const CONSENT_VALUES: Record<string, boolean> = { yes: true, true: true, y: true, '1': true, no: false, false: false, n: false, '0': false };

function positiveInteger(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function checkRow(row: Record<string, string>, line: number, context: ImportContext, table: MilestoneTable, order: readonly MilestoneKind[]): { review?: ReviewImport; problems: string[] } {
  const problems: string[] = [];
  const cell = (column: string): string => (row[column] ?? '').trim();

  const state = cell('state_iso3').toUpperCase();
  if (state === '') problems.push('state_iso3 is empty.');
  else if (!context.knownStates.has(state)) problems.push(`state_iso3 '${state}' is not a known State.`);

  const cycleNumber = positiveInteger(cell('cycle'));
  const cycle = context.cycles.find((c) => c.number === cycleNumber);
  if (!cycle) problems.push(`cycle '${cell('cycle')}' is not a known cycle (${context.cycles.map((c) => c.number).join(', ')}).`);

  const cohortYear = positiveInteger(cell('cohort_year'));
  if (cohortYear === undefined) problems.push(`cohort_year '${cell('cohort_year')}' is not a whole number.`);
  else if (cycle && (cohortYear < 1 || cohortYear > cycle.years)) problems.push(`cohort_year ${cohortYear} is outside cycle ${cycle.number} (years 1 to ${cycle.years}).`);

  const reviewers: string[] = [];
  for (const column of ['reviewer1_iso3', 'reviewer2_iso3']) {
    const reviewer = cell(column).toUpperCase();
    reviewers.push(reviewer);
    if (reviewer === '') problems.push(`${column} is empty.`);
    else if (!context.knownStates.has(reviewer)) problems.push(`${column} '${reviewer}' is not a known State.`);
    else if (reviewer === state) problems.push(`${column} ${reviewer} is the State under review; a State does not review itself.`);
  }
  if (reviewers[0] !== '' && reviewers[0] === reviewers[1]) problems.push(`reviewer1_iso3 and reviewer2_iso3 are both ${reviewers[0]}; a review has two different reviewing States.`);

  const reportPublished = cell('report_published') !== '';
  const consentCell = cell('consent_to_publish_report').toLowerCase();
  let consent = reportPublished;
  if (consentCell !== '') {
    const parsed = CONSENT_VALUES[consentCell];
    if (parsed === undefined) problems.push(`consent_to_publish_report '${consentCell}' is not yes or no.`);
    else consent = parsed;
  }

  const dialogueType = cell('dialogue_type');
  if (dialogueType !== '' && cell('dialogue_held') === '') problems.push(`dialogue_type is '${dialogueType}' but dialogue_held is empty; give the date of the dialogue or leave the type empty.`);

  // Replay the dated milestones in prerequisite order against the same rules as
  // recordMilestone. A step whose own problem was reported does not make its dependants
  // report "needs … first" again.
  const columnOf = new Map<MilestoneKind, string>(Object.entries(MILESTONE_COLUMNS).map(([column, kind]) => [kind, column]));
  let review: Review = { stateUnderReview: state, cycle: cycleNumber ?? 0, cohortYear: cohortYear ?? 0, reviewers: [reviewers[0] ?? '', reviewers[1] ?? ''], milestones: [], pauses: [], extensions: [], consentToPublishReport: consent };
  const broken = new Set<MilestoneKind>();
  for (const kind of order) {
    const column = columnOf.get(kind);
    const date = column === undefined ? '' : cell(column);
    if (date === '') continue;
    if (table[kind].requires.some((r) => broken.has(r))) {
      broken.add(kind);
      continue;
    }
    const input = table[kind].needsDialogueType ? { kind, date, dialogueType } : { kind, date };
    const found = checkMilestone(review, input, context.today, table);
    if (found.length > 0) {
      problems.push(...found.map((p) => p.message));
      broken.add(kind);
      continue;
    }
    const milestone: RecordedMilestone = table[kind].needsDialogueType ? { kind, date, dialogueType: dialogueType as RecordedMilestone['dialogueType'] } : { kind, date };
    review = { ...review, milestones: [...review.milestones, milestone] };
  }

  if (problems.length > 0) return { problems };
  const { pauses: _pauses, extensions: _extensions, ...rest } = review;
  return { review: { ...rest, line }, problems };
}

/**
 * Checks every row; all-or-nothing. Line numbers count the header as line 1 and each row
 * as one line (for a JSON array, the first object is line 2). Rows that are entirely empty
 * are skipped, as spreadsheets often end with some.
 */
export function validateImportRows(rows: readonly Record<string, string>[], context: ImportContext, table: MilestoneTable = UNCAC_MILESTONES): ImportResult {
  const problems: ImportProblem[] = [];
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => !known.has(column.trim()));
  for (const column of unknown) problems.push({ line: 1, message: `Unknown column '${column}'. Accepted columns: ${IMPORT_COLUMNS.join(', ')}.` });

  const order = prerequisiteOrder(table);
  const reviews: ReviewImport[] = [];
  const firstLineOf = new Map<string, number>();
  let dataRows = 0;
  rows.forEach((raw, index) => {
    const line = index + 2;
    // Accept header cells with stray spaces ("started ") as the spreadsheet may have them.
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.trim(), typeof v === 'string' ? v : String(v ?? '')]));
    if (Object.values(row).every((v) => v.trim() === '')) return;
    dataRows += 1;
    const result = checkRow(row, line, context, table, order);
    const state = (row.state_iso3 ?? '').trim().toUpperCase();
    const cycle = (row.cycle ?? '').trim();
    const key = `${state}/${cycle}`;
    const earlier = state === '' || cycle === '' ? undefined : firstLineOf.get(key);
    const duplicate = earlier !== undefined ? [`${state} in cycle ${cycle} is already on line ${earlier}; one review per State and cycle.`] : [];
    if (earlier === undefined && state !== '' && cycle !== '') firstLineOf.set(key, line);
    const all = [...result.problems, ...duplicate];
    if (all.length > 0) problems.push(...all.map((message) => ({ line, message })));
    else if (result.review) reviews.push(result.review);
  });
  if (dataRows === 0) problems.push({ line: 1, message: 'The file has no data rows.' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reviews };
}
