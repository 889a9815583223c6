/** Plain data in the API's shapes, for component tests. */
import type { Session } from '../features/auth/api/get-session.ts';
import type { ConventionResponse } from '../features/convention/api/get-convention.ts';
import type { CyclesResponse } from '../features/cycles/api/get-cycles.ts';
import type { PartiesResponse, PartyListItem } from '../features/parties/api/get-parties.ts';
import type {
  ReviewDetailDto as ReviewDetail,
  ReviewRowDto as ReviewRow,
  ReviewsResponse as ReviewsBody,
  TimelineStepDto as TimelineStep,
} from '../features/reviews/api/get-reviews.ts';

const ALL_ABILITIES = [
  'parties.recordAccession',
  'cohorts.update',
  'users.list',
  'users.create',
  'users.update',
  'audit.read',
  'account.changePassword',
  'auth.logoutEverywhere',
  'lots.manage',
  'lots.requestRedraw',
  'review.manage',
];

export function anonymousSession(): Session {
  return { user: null, csrfToken: 'csrf-anon', abilities: Object.fromEntries(ALL_ABILITIES.map((a) => [a, false])) };
}

export function secretariatSession(): Session {
  return {
    user: { id: 'u-sec', email: 'secretariat@demo.test', displayName: 'Sam Secretariat', role: 'secretariat', stateIso3: null },
    csrfToken: 'csrf-sec',
    abilities: Object.fromEntries(ALL_ABILITIES.map((a) => [a, true])),
  };
}

export function focalPointSession(): Session {
  return {
    user: { id: 'u-fp', email: 'focal.point@demo.test', displayName: 'Fatima Focal', role: 'focal-point', stateIso3: 'AUT' },
    csrfToken: 'csrf-fp',
    abilities: {
      ...Object.fromEntries(ALL_ABILITIES.map((a) => [a, false])),
      'account.changePassword': true,
      'auth.logoutEverywhere': true,
    },
  };
}

function party(p: Partial<PartyListItem> & Pick<PartyListItem, 'iso3' | 'name' | 'names'>): PartyListItem {
  return {
    iso2: p.iso3.slice(0, 2),
    regionalGroup: null,
    kind: 'state',
    isUnMember: true,
    isParty: true,
    becameParty: { effectiveOn: '2006-01-11', precision: 'day' },
    ...p,
  };
}

export const PARTIES: PartyListItem[] = [
  party({
    iso3: 'AUT',
    iso2: 'AT',
    name: 'Austria',
    names: { ar: 'النمسا', zh: '奥地利', en: 'Austria', fr: 'Autriche', ru: 'Австрия', es: 'Austria' },
    regionalGroup: 'western-european-other',
    becameParty: { effectiveOn: '2006-02-11', precision: 'day' },
  }),
  party({
    iso3: 'ARG',
    iso2: 'AR',
    name: 'Argentina',
    names: { ar: 'الأرجنتين', zh: '阿根廷', en: 'Argentina', fr: 'Argentine', ru: 'Аргентина', es: 'Argentina' },
    regionalGroup: 'latin-american-caribbean',
    becameParty: { effectiveOn: '2006-12-31', precision: 'year' },
  }),
  party({
    iso3: 'CIV',
    iso2: 'CI',
    name: "Côte d'Ivoire",
    names: { ar: 'كوت ديفوار', zh: '科特迪瓦', en: "Côte d'Ivoire", fr: "Côte d'Ivoire", ru: 'Кот-д’Ивуар', es: "Côte d'Ivoire" },
    regionalGroup: 'african',
    becameParty: { effectiveOn: null, precision: 'unknown' },
  }),
  party({
    iso3: 'AND',
    iso2: 'AD',
    name: 'Andorra',
    names: { ar: 'أندورا', zh: '安道尔', en: 'Andorra', fr: 'Andorre', ru: 'Андорра', es: 'Andorra' },
    regionalGroup: 'western-european-other',
    isParty: false,
    becameParty: null,
  }),
  party({
    iso3: 'EUU',
    iso2: null,
    name: 'European Union',
    names: { ar: 'الاتحاد الأوروبي', zh: '欧洲联盟', en: 'European Union', fr: 'Union européenne', ru: 'Европейский союз', es: 'Unión Europea' },
    regionalGroup: null,
    kind: 'reio',
    isUnMember: false,
    becameParty: { effectiveOn: '2008-11-12', precision: 'day' },
  }),
];

export function partiesResponse(parties: PartyListItem[] = PARTIES, asOf = '2026-11-27'): PartiesResponse {
  const listed = parties.filter((p) => p.isParty);
  const byRegionalGroup: PartiesResponse['counts']['byRegionalGroup'] = {};
  for (const p of listed) if (p.regionalGroup) byRegionalGroup[p.regionalGroup] = (byRegionalGroup[p.regionalGroup] ?? 0) + 1;
  return { asOf, parties, counts: { parties: listed.length, byRegionalGroup } };
}

export function cyclesResponse(): CyclesResponse {
  return {
    cycles: [
      {
        number: 1,
        title: 'First review cycle',
        chapters: ['III', 'IV'],
        startsOn: '2010-07-01',
        endsOn: '2015-06-30',
        extendedTo: null,
        years: 5,
        firstYear: 2010,
        cohorts: [{ year: 1, calendarYear: 2010, version: 3, states: ['AUT', 'ARG'] }],
      },
      {
        number: 2,
        title: 'Second review cycle',
        chapters: ['II', 'V'],
        startsOn: '2015-07-01',
        endsOn: '2020-06-30',
        extendedTo: '2026-06-30',
        years: 5,
        firstYear: 2016,
        cohorts: [],
      },
    ],
  };
}

export function conventionResponse(): ConventionResponse {
  return {
    instrument: { code: 'UNCAC', title: 'United Nations Convention against Corruption' },
    chapters: [
      {
        number: 'III',
        ordinal: 3,
        title: 'Criminalization and law enforcement',
        articles: [
          {
            number: 15,
            title: 'Bribery of national public officials',
            provisions: [
              { id: '15(a)', label: 'Active bribery', part: 'subparagraph', obligation: 'mandatory' },
              { id: '15(b)', label: 'Passive bribery', part: 'subparagraph', obligation: 'mandatory' },
            ],
          },
        ],
      },
    ],
  };
}

export const HEALTH_DEMO = { status: 'ok', database: { engine: 'pglite', status: 'up' }, demo: true, version: '0.1.0' };


function step(kind: TimelineStep['kind'], plannedDate: string, status: TimelineStep['status'], extra: Partial<TimelineStep> = {}): TimelineStep {
  return { kind, plannedDate, dueDate: plannedDate, actualDate: null, status, daysLate: 0, ...extra };
}

/** A review row; `overrides` sets the fields a test cares about. */
export function reviewRow(overrides: Partial<ReviewRow> & Pick<ReviewRow, 'id' | 'stateUnderReview'>): ReviewRow {
  return {
    regionalGroup: 'western-european-other',
    cycle: 1,
    cohortYear: 1,
    reviewers: ['AND', 'ARG'],
    reviewersSource: 'draw',
    stage: 'checklist',
    waitingOn: ['stateUnderReview'],
    overdue: [],
    daysLate: 0,
    timeline: [],
    ...overrides,
  };
}

export const REVIEW_ROWS: ReviewRow[] = [
  reviewRow({ id: 'r-aut', stateUnderReview: 'AUT', stage: 'desk-review', waitingOn: ['reviewers'], daysLate: 12, overdue: ['deskReviewCompleted'] }),
  reviewRow({
    id: 'r-arg',
    stateUnderReview: 'ARG',
    regionalGroup: 'latin-american-caribbean',
    cohortYear: 2,
    reviewers: ['AUT', 'CIV'],
    stage: 'published',
    waitingOn: ['stateUnderReview', 'secretariat'],
    daysLate: 40,
    overdue: [],
  }),
  reviewRow({ id: 'r-civ', stateUnderReview: 'CIV', regionalGroup: 'african', cycle: 2, reviewers: ['AUT', 'ARG'], stage: 'paused', waitingOn: ['secretariat'], daysLate: 95, overdue: ['focalPointAppointed', 'checklistSubmitted'] }),
  reviewRow({ id: 'r-and', stateUnderReview: 'AND', stage: 'checklist', daysLate: 0 }),
];

export function reviewsResponse(rows: ReviewRow[] = REVIEW_ROWS, asOf = '2026-11-27'): ReviewsBody {
  const byStage: ReviewsBody['counts']['byStage'] = {};
  for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
  return { asOf, counts: { total: rows.length, overdue: rows.filter((r) => r.overdue.length > 0).length, byStage }, reviews: rows };
}

/** Austria's review, started 2024-01-01: the checklist is late, the desk review extended, one closed pause. */
export function reviewDetail(overrides: Partial<ReviewDetail> = {}): ReviewDetail {
  return {
    ...reviewRow({ id: 'r-aut', stateUnderReview: 'AUT', stage: 'checklist', waitingOn: ['stateUnderReview'], daysLate: 30, overdue: ['checklistSubmitted'] }),
    timeline: [
      step('started', '2024-01-01', 'done', { actualDate: '2024-01-01' }),
      step('focalPointAppointed', '2024-01-22', 'done', { actualDate: '2024-02-01', daysLate: 10 }),
      step('checklistSubmitted', '2024-03-01', 'overdue', { daysLate: 30 }),
      step('deskReviewCompleted', '2024-03-31', 'upcoming', { dueDate: '2024-05-15' }),
      step('dialogueHeld', '2024-05-30', 'upcoming'),
      step('draftReportShared', '2024-06-14', 'upcoming'),
      step('executiveSummaryFinalised', '2024-06-29', 'upcoming'),
      step('reportFinalised', '2024-06-29', 'upcoming'),
      step('executiveSummaryPublished', '2024-07-29', 'upcoming'),
      step('reportPublished', '2024-07-29', 'not-applicable', { plannedDate: null, dueDate: null }),
    ],
    consentToPublishReport: false,
    pauses: [{ from: '2024-02-05', to: '2024-02-20', reason: 'Elections' }],
    extensions: [{ milestone: 'deskReviewCompleted', newDueDate: '2024-05-15', reason: 'Translation of the answers', agreedBy: 'AUT, AND, ARG' }],
    next: [{ kind: 'checklistSubmitted', actor: 'stateUnderReview' }],
    version: 4,
    history: [
      { at: '2024-01-01T09:00:00.000Z', actor: 'Sam Secretariat', action: 'review.recordMilestone', details: { kind: 'started', date: '2024-01-01' } },
      { at: '2024-02-01T09:00:00.000Z', actor: 'Sam Secretariat', action: 'review.recordMilestone', details: { kind: 'focalPointAppointed', date: '2024-02-01' } },
    ],
    ...overrides,
  };
}
