/**
 * @module records
 * The State's self-report on a recommendation in a round, and the assessment of it by the
 * reviewing States' experts or the secretariat (docs/FOLLOW-UP.md §2). Both are kept as
 * versions: a correction appends a new version, nothing is overwritten. The rules:
 * - a self-report goes into an open round only (not before it opens, not after it closed);
 * - an assessment needs a self-report of that recommendation in that round, and assesses its
 *   latest version; it may follow the round's closing (the reviewers need time).
 * Evidence shows implementation in practice, not only on paper: documents (uploaded files),
 * links and statistics.
 */
import { DomainError } from '../errors.ts';
import { isCalendarDate } from '../dates.ts';
import { roundState, type StoredRound } from './rounds.ts';
import type { FollowUpStatus } from './statuses.ts';

export const MAX_NARRATIVE = 20_000;
export const MAX_NOTE = 10_000;
export const MAX_EVIDENCE_ITEMS = 50;

export interface LinkEvidence {
  url: string;
  title: string;
}

/** A figure that shows the measure applied, e.g. "Convictions for bribery", 42, "2023". */
export interface StatisticEvidence {
  label: string;
  value: string;
  period: string;
}

export interface SelfReportInput {
  status: FollowUpStatus;
  narrative: string;
  links: LinkEvidence[];
  statistics: StatisticEvidence[];
  /** Ids of evidence files uploaded to this review's follow-up. */
  documents: string[];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks a self-report against its round and its evidence; returns it trimmed.
 * `knownDocuments` are the ids of this review's evidence files.
 */
export function checkSelfReport(input: SelfReportInput, round: StoredRound, today: string, knownDocuments: ReadonlySet<string>): SelfReportInput {
  const state = roundState(round, today);
  if (state === 'closed') throw new DomainError('followUp.invalidState', `Round ${round.number} closed on ${round.closedOn}: report in the next round.`);
  if (state === 'scheduled') throw new DomainError('followUp.invalidState', `Round ${round.number} opens on ${round.opensOn}: self-reports are taken from then.`);
  const narrative = input.narrative.trim();
  if (narrative === '') throw new DomainError('followUp.invalid', 'Describe what was done (the narrative cannot be empty).');
  if (narrative.length > MAX_NARRATIVE) throw new DomainError('followUp.invalid', `The narrative may hold at most ${MAX_NARRATIVE} characters.`);
  if (input.links.length + input.statistics.length + input.documents.length > MAX_EVIDENCE_ITEMS) {
    throw new DomainError('followUp.invalid', `At most ${MAX_EVIDENCE_ITEMS} items of evidence per self-report.`);
  }
  const links = input.links.map((l, i) => {
    const url = l.url.trim();
    if (!isHttpUrl(url)) throw new DomainError('followUp.invalid', `Link ${i + 1} is not a web address (http or https): "${url}".`);
    return { url, title: l.title.trim() || url };
  });
  const statistics = input.statistics.map((s, i) => {
    const item = { label: s.label.trim(), value: s.value.trim(), period: s.period.trim() };
    if (item.label === '' || item.value === '') throw new DomainError('followUp.invalid', `Statistic ${i + 1} needs what is counted and its value.`);
    return item;
  });
  const documents = [...new Set(input.documents)];
  const unknown = documents.filter((d) => !knownDocuments.has(d));
  if (unknown.length > 0) throw new DomainError('followUp.invalid', `No evidence file ${unknown.join(', ')} in this review's follow-up: upload it first.`);
  return { status: input.status, narrative, links, statistics, documents };
}

export interface AssessmentInput {
  status: FollowUpStatus;
  note: string;
  /** The day the assessment was made (the dashboards count it from then). */
  assessedOn: string;
}

/**
 * Checks an assessment: there must be a self-report to assess (the order of the procedure:
 * the State reports, then it is assessed), and its date is neither before that self-report
 * nor in the future.
 */
export function checkAssessment(input: AssessmentInput, selfReport: { version: number; submittedOn: string } | undefined, round: StoredRound, today: string): AssessmentInput {
  if (!selfReport) {
    throw new DomainError('followUp.invalidState', `The State has not reported on this recommendation in round ${round.number}: there is nothing to assess yet.`);
  }
  if (!isCalendarDate(input.assessedOn)) throw new DomainError('followUp.invalid', `"${input.assessedOn}" is not a date.`);
  if (input.assessedOn > today) throw new DomainError('followUp.invalid', `An assessment cannot be dated in the future (${input.assessedOn}).`);
  if (input.assessedOn < selfReport.submittedOn) {
    throw new DomainError('followUp.invalid', `The assessment (${input.assessedOn}) cannot come before the self-report it assesses (${selfReport.submittedOn}).`);
  }
  const note = input.note.trim();
  if (note.length > MAX_NOTE) throw new DomainError('followUp.invalid', `The note may hold at most ${MAX_NOTE} characters.`);
  if (input.status !== 'implemented' && note === '') throw new DomainError('followUp.invalid', 'Say what remains to be done (a note is needed unless the recommendation is implemented).');
  return { status: input.status, note, assessedOn: input.assessedOn };
}

/** The next version number of a history (1 for the first). */
export function nextVersion(history: readonly { version: number }[]): number {
  return history.reduce((max, h) => Math.max(max, h.version), 0) + 1;
}
