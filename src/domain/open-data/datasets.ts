/**
 * @module open-data datasets
 * The public data sets of the Mechanism (docs/OPEN-DATA.md) and their data dictionary: one
 * definition per data set, one line per field. The dictionary is the contract of the open-data
 * API: a field is added under the same version, never renamed or removed — that takes a new
 * version (`/api/open/v2`), while v1 keeps answering.
 */

export const OPEN_DATA_VERSION = 1;

export type FieldType = 'string' | 'integer' | 'date' | 'boolean' | 'iso3' | 'language' | 'url';

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Empty when the value is not known (yet): an empty cell in CSV, null in JSON. */
  nullable?: boolean;
  description: string;
}

export interface DatasetDefinition {
  name: string;
  title: string;
  description: string;
  /** The field that identifies a row; stable across exports. */
  key: string;
  fields: readonly FieldDefinition[];
}

const field = (name: string, type: FieldType, description: string, nullable = false): FieldDefinition => ({ name, type, description, ...(nullable ? { nullable } : {}) });

export const DATASETS = [
  {
    name: 'reviews',
    title: 'Country reviews: schedule and stages',
    description: 'Every country review: who is reviewed in which cycle and cohort, by which two States, its stage and the dates of its steps. Dates only — never the content of a review.',
    key: 'review_id',
    fields: [
      field('review_id', 'string', 'Stable identifier of the review: cycle/ISO3 of the State under review, e.g. "2/AUT".'),
      field('cycle', 'integer', 'Review cycle (1: chapters III and IV; 2: chapters II and V).'),
      field('cohort_year', 'integer', 'Year of the cycle in which the review started (cohort).'),
      field('state_iso3', 'iso3', 'ISO 3166-1 alpha-3 code of the State party under review.'),
      field('state_name', 'string', 'Short name of the State party (English).'),
      field('regional_group', 'string', 'United Nations regional group of the State under review.', true),
      field('reviewer1_iso3', 'iso3', 'First reviewing State (drawn by lot).'),
      field('reviewer2_iso3', 'iso3', 'Second reviewing State (drawn by lot).'),
      field('stage', 'string', 'Current stage, derived from the dated steps: not-started, checklist, desk-review, dialogue, drafting, finalisation, published, completed, or paused.'),
      field('started_on', 'date', 'Date the review started.', true),
      field('checklist_submitted_on', 'date', 'Date the self-assessment checklist was submitted.', true),
      field('dialogue_held_on', 'date', 'Date the direct dialogue was held.', true),
      field('dialogue_form', 'string', 'Form of the direct dialogue: country_visit, joint_meeting or virtual_visit.', true),
      field('executive_summary_finalised_on', 'date', 'Date the executive summary was finalised.', true),
      field('report_finalised_on', 'date', 'Date the country review report was finalised.', true),
      field('executive_summary_published_on', 'date', 'Date the executive summary was published.', true),
      field('report_published_on', 'date', 'Date the full report was published (only with the State’s consent).', true),
      field('profile_url', 'url', 'Public country profile page.'),
    ],
  },
  {
    name: 'recommendations',
    title: 'Published recommendations',
    description: 'Recommendations of published country review reports, as published (the report’s latest published version).',
    key: 'recommendation_id',
    fields: [
      field('recommendation_id', 'string', 'Stable identifier: cycle/ISO3/article/sequence, e.g. "2/AUT/9/1". Link to it at /api/open/v1/recommendations/{cycle}/{iso3}/{article}/{sequence}.'),
      field('review_id', 'string', 'The review (see the reviews data set).'),
      field('cycle', 'integer', 'Review cycle.'),
      field('state_iso3', 'iso3', 'State party the recommendation is addressed to.'),
      field('article', 'integer', 'Article of the Convention.'),
      field('sequence', 'integer', 'Number of the recommendation under the article in the report.'),
      field('language', 'language', 'Language of the published report the text comes from.'),
      field('text', 'string', 'Text of the recommendation.'),
      field('url', 'url', 'Stable link to the recommendation in this API.'),
    ],
  },
  {
    name: 'good-practices',
    title: 'Published successes and good practices',
    description: 'Successes and good practices of published country review reports.',
    key: 'good_practice_id',
    fields: [
      field('good_practice_id', 'string', 'Identifier: cycle/ISO3/article/gp-sequence, e.g. "2/AUT/9/gp1".'),
      field('review_id', 'string', 'The review.'),
      field('cycle', 'integer', 'Review cycle.'),
      field('state_iso3', 'iso3', 'State party.'),
      field('article', 'integer', 'Article of the Convention.'),
      field('language', 'language', 'Language of the published report.'),
      field('text', 'string', 'Text of the good practice.'),
    ],
  },
  {
    name: 'follow-up',
    title: 'Follow-up of published recommendations',
    description: 'The follow-up status of every published recommendation on the day of the export: the latest assessment by the reviewing States or the secretariat, or not-assessed.',
    key: 'recommendation_id',
    fields: [
      field('recommendation_id', 'string', 'The recommendation (see the recommendations data set).'),
      field('review_id', 'string', 'The review.'),
      field('cycle', 'integer', 'Review cycle.'),
      field('state_iso3', 'iso3', 'State party.'),
      field('article', 'integer', 'Article of the Convention.'),
      field('status', 'string', 'implemented, partly-implemented, not-implemented, no-longer-applicable, or not-assessed.'),
      field('as_at', 'date', 'The day the status is given for (the day of the export).'),
    ],
  },
  {
    name: 'needs-counts',
    title: 'Technical-assistance needs: counts',
    description: 'Number of technical-assistance needs identified in published country review reports, by cycle, article and type of assistance. Counts only: no State, no text.',
    key: 'count_id',
    fields: [
      field('count_id', 'string', 'cycle/article/type.'),
      field('cycle', 'integer', 'Review cycle.'),
      field('article', 'integer', 'Article of the Convention.'),
      field('type', 'string', 'Type of technical assistance (identifier from the standard list).'),
      field('needs', 'integer', 'Number of needs.'),
      field('states', 'integer', 'Number of States that identified at least one such need.'),
    ],
  },
  {
    name: 'session-documents',
    title: 'Session documents',
    description: 'Documents of the sessions of the governing bodies with general distribution, with their language versions.',
    key: 'symbol',
    fields: [
      field('symbol', 'string', 'United Nations document symbol, e.g. CAC/COSP/IRG/2020/1.'),
      field('title', 'string', 'Title of the document.'),
      field('distributed_on', 'date', 'Date of distribution.', true),
      field('session', 'string', 'The session, e.g. "Implementation Review Group: eleventh session".'),
      field('session_start', 'date', 'First day of the session.'),
      field('languages', 'string', 'Language versions available, separated by ";" (ar, zh, en, fr, ru, es).'),
    ],
  },
  {
    name: 'draws',
    title: 'Draws of lots',
    description: 'Published and committed draws of lots, with their commitment; the full verifiable record is at record_url once published.',
    key: 'draw_id',
    fields: [
      field('draw_id', 'string', 'Identifier of the draw.'),
      field('cycle', 'integer', 'Review cycle.'),
      field('year', 'integer', 'Cohort year drawn for (empty for the draw of cohorts).', true),
      field('kind', 'string', 'cohorts, reviewers or redraw.'),
      field('status', 'string', 'committed (the commitment is public, the result not yet) or published.'),
      field('commitment', 'string', 'Hash commitment published before the draw.'),
      field('drawn_at', 'date', 'Day the draw was run.', true),
      field('published_at', 'date', 'Day the result was published.', true),
      field('record_url', 'url', 'The verifiable record (published draws).', true),
    ],
  },
] as const satisfies readonly DatasetDefinition[];

export type DatasetName = (typeof DATASETS)[number]['name'];

export const DATASET_NAMES: readonly DatasetName[] = DATASETS.map((d) => d.name);

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

export function datasetDefinition(name: DatasetName): DatasetDefinition {
  return DATASETS.find((d) => d.name === name)!;
}

/** A row of a data set: every field of its definition, in order; null when not known. */
export type OpenRow = Record<string, string | number | boolean | null>;

/** The data dictionary as rows (dataset, field, type, nullable, description), for CSV. */
export function dictionaryRows(): OpenRow[] {
  return DATASETS.flatMap((d) => d.fields.map((f: FieldDefinition) => ({ dataset: d.name, field: f.name, type: f.type, nullable: f.nullable ?? false, description: f.description })));
}
