/** Hand-built review histories whose figures are known by hand (tests only). */
import type { ReviewHistory } from './progress.ts';

/**
 * Second cycle, five reviews, plus one of the first cycle that must never be counted:
 * A  — far along: dialogue (country visit) on 1 June, summary 1 Aug, report 1 Sep 2020.
 * B  — virtual visit on 1 May 2020.
 * C  — went back a stage: checklist of 1 Feb withdrawn on 1 Apr, submitted again on 1 June.
 * D  — checklist on 10 Mar, paused since 1 Apr (still paused).
 * E  — started on 1 Dec 2020 only.
 */
export const HISTORIES: ReviewHistory[] = [
  {
    id: 'a',
    stateIso3: 'AUT',
    cycle: 2,
    cohortYear: 1,
    consentToPublishReport: false,
    facts: [
      { kind: 'started', date: '2020-01-01' },
      { kind: 'focalPointAppointed', date: '2020-01-20' },
      { kind: 'checklistSubmitted', date: '2020-03-01' },
      { kind: 'deskReviewCompleted', date: '2020-04-01' },
      { kind: 'dialogueHeld', date: '2020-06-01', dialogueType: 'country_visit' },
      { kind: 'draftReportShared', date: '2020-07-01' },
      { kind: 'executiveSummaryFinalised', date: '2020-08-01' },
      { kind: 'reportFinalised', date: '2020-09-01' },
    ],
    pauses: [],
  },
  {
    id: 'b',
    stateIso3: 'BRA',
    cycle: 2,
    cohortYear: 1,
    consentToPublishReport: false,
    facts: [
      { kind: 'started', date: '2020-01-01' },
      { kind: 'focalPointAppointed', date: '2020-01-10' },
      { kind: 'checklistSubmitted', date: '2020-02-15' },
      { kind: 'deskReviewCompleted', date: '2020-03-01' },
      { kind: 'dialogueHeld', date: '2020-05-01', dialogueType: 'virtual_visit' },
    ],
    pauses: [],
  },
  {
    id: 'c',
    stateIso3: 'CHL',
    cycle: 2,
    cohortYear: 2,
    consentToPublishReport: false,
    facts: [
      { kind: 'started', date: '2020-01-01' },
      { kind: 'focalPointAppointed', date: '2020-01-15' },
      { kind: 'checklistSubmitted', date: '2020-02-01', withdrawnOn: '2020-04-01' },
      { kind: 'checklistSubmitted', date: '2020-06-01' },
    ],
    pauses: [],
  },
  {
    id: 'd',
    stateIso3: 'DNK',
    cycle: 2,
    cohortYear: 2,
    consentToPublishReport: false,
    facts: [
      { kind: 'started', date: '2020-02-01' },
      { kind: 'focalPointAppointed', date: '2020-02-10' },
      { kind: 'checklistSubmitted', date: '2020-03-10' },
    ],
    pauses: [{ from: '2020-04-01', to: null }],
  },
  { id: 'e', stateIso3: 'EGY', cycle: 2, cohortYear: 2, consentToPublishReport: false, facts: [{ kind: 'started', date: '2020-12-01' }], pauses: [] },
  {
    id: 'z',
    stateIso3: 'ZAF',
    cycle: 1,
    cohortYear: 1,
    consentToPublishReport: false,
    facts: [
      { kind: 'started', date: '2019-01-01' },
      { kind: 'checklistSubmitted', date: '2019-03-01' },
      { kind: 'dialogueHeld', date: '2019-06-01', dialogueType: 'joint_meeting' },
    ],
    pauses: [],
  },
];
