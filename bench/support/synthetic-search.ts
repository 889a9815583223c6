/**
 * The synthetic items of bench:search at 100× today's scale: 2,000 fictitious parties, each
 * reviewed in both cycles, with recommendations, a tenth as many good practices and needs,
 * sentences built by hash from recurring parts (so words recur with a realistic skew), and half
 * the reports published through a snapshot as publication.ts writes it.
 */
import { createSyntheticParties, type Exec } from './synthetic-analytics.ts';

const STATES = 2_000;

// Sentences are built from these parts by a hash, so words recur with realistic skew.
const VERBS = ['Strengthen', 'Adopt', 'Consider adopting', 'Ensure', 'Continue efforts to improve', 'Collect statistics on', 'Review', 'Establish', 'Clarify', 'Provide training on'];
const TOPICS = [
  'the asset declaration system for public officials',
  'whistleblower protection in the private sector',
  'the independence of the preventive anti-corruption body',
  'the criminalization of bribery of foreign public officials',
  'the liability of legal persons',
  'the recruitment and promotion of civil servants',
  'transparency in public procurement',
  'the management of public finances',
  'the confiscation of proceeds of crime',
  'mutual legal assistance in asset recovery',
  'conflicts of interest of members of parliament',
  'the protection of witnesses and experts',
  'cooperation between law enforcement authorities',
  'the statute of limitations for corruption offences',
  'access to information held by public bodies',
];
const TAILS = ['as a matter of priority', 'in line with the Convention', 'and allocate adequate resources', 'including through legislation', 'and monitor its application', 'taking into account good practices'];
const ARTICLES_BY_CYCLE: Record<number, number[]> = {
  1: [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33, 35, 37, 38, 39, 40, 42, 44, 45, 46, 47, 48, 49, 50],
  2: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 51, 52, 53, 54, 55, 56, 57, 58, 59],
};
const pgArray = (items: readonly (string | number)[]) => `array[${items.map((x) => (typeof x === 'number' ? String(x) : `'${x.replace(/'/g, "''")}'`)).join(', ')}]`;

export async function createSyntheticItems(exec: Exec, recommendations: number): Promise<void> {
  await createSyntheticParties(exec, STATES);
  await exec(`
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source)
    select gen_random_uuid(), c.number, p.iso3, 1, lead(p.iso3, 1, p.first) over w, lead(p.iso3, 2, p.second) over w, 'import'
    from (select iso3, first_value(iso3) over o as first, nth_value(iso3, 2) over o as second from parties
          window o as (order by iso3 rows between unbounded preceding and unbounded following)) p
    cross join (select number from cycles where number in (1, 2)) c
    where not exists (select 1 from reviews r where r.cycle_number = c.number and r.state_iso3 = p.iso3)
    window w as (partition by c.number order by p.iso3)`);
  const perReview = Math.max(1, Math.round(recommendations / (2 * STATES)));
  const text = (seed: string) =>
    `(${pgArray(VERBS)})[1 + abs(hashtext(${seed} || 'v')) % ${VERBS.length}] || ' ' || (${pgArray(TOPICS)})[1 + abs(hashtext(${seed} || 't')) % ${TOPICS.length}] || ' ' || (${pgArray(TAILS)})[1 + abs(hashtext(${seed} || 'x')) % ${TAILS.length}] || '.'`;
  const article = (seed: string) => `case r.cycle_number when 1 then (${pgArray(ARTICLES_BY_CYCLE[1]!)})[1 + abs(hashtext(${seed})) % ${ARTICLES_BY_CYCLE[1]!.length}] else (${pgArray(ARTICLES_BY_CYCLE[2]!)})[1 + abs(hashtext(${seed})) % ${ARTICLES_BY_CYCLE[2]!.length}] end`;
  // Sequences are unique per review (not per article), which keeps the primary key simple.
  await exec(`
    insert into report_recommendations (review_id, article, sequence, reference, text)
    select r.id, ${article(`r.id::text || s`)}, s, r.cycle_number || '/' || r.state_iso3 || '/' || ${article(`r.id::text || s`)} || '/' || s, ${text(`r.id::text || s`)}
    from reviews r cross join generate_series(1, ${perReview}) s
    where r.cycle_number in (1, 2) and r.state_iso3 in (select iso3 from parties order by iso3 limit ${STATES})`);
  const tenth = Math.max(1, Math.round(perReview / 10));
  await exec(`
    insert into report_good_practices (review_id, article, sequence, text)
    select r.id, ${article(`'g' || r.id::text || s`)}, s, 'The practice of ' || (${pgArray(TOPICS)})[1 + abs(hashtext(r.id::text || s || 'g')) % ${TOPICS.length}] || ' is commended.'
    from reviews r cross join generate_series(1, ${tenth}) s
    where r.cycle_number in (1, 2) and r.state_iso3 in (select iso3 from parties order by iso3 limit ${STATES})`);
  await exec(`
    insert into report_needs (review_id, article, sequence, type, text)
    select r.id, ${article(`'n' || r.id::text || s`)}, s, (array['capacity-building', 'legislative-assistance', 'institution-building', 'research-data'])[1 + abs(hashtext(r.id::text || s || 'n')) % 4],
           'Technical assistance on ' || (${pgArray(TOPICS)})[1 + abs(hashtext(r.id::text || s || 'nt')) % ${TOPICS.length}] || '.'
    from reviews r cross join generate_series(1, ${tenth}) s
    where r.cycle_number in (1, 2) and r.state_iso3 in (select iso3 from parties order by iso3 limit ${STATES})`);
  // Half of the reports published: a snapshot holding each section's items, as publication.ts writes it.
  await exec(`
    insert into publications (id, review_id, document, language, version, note, snapshot, published_by)
    select gen_random_uuid(), r.id, 'report', 'en', 1, '', jsonb_build_object('stateName', r.state_iso3, 'iso3', r.state_iso3, 'cycle', r.cycle_number, 'sections', coalesce((
      select jsonb_agg(jsonb_build_object('article', a.article, 'content', jsonb_build_object(
        'recommendations', coalesce((select jsonb_agg(jsonb_build_object('text', x.text, 'reference', x.reference) order by x.sequence) from report_recommendations x where x.review_id = r.id and x.article = a.article), '[]'::jsonb),
        'goodPractices', coalesce((select jsonb_agg(jsonb_build_object('text', x.text) order by x.sequence) from report_good_practices x where x.review_id = r.id and x.article = a.article), '[]'::jsonb),
        'needs', coalesce((select jsonb_agg(jsonb_build_object('type', x.type, 'text', x.text) order by x.sequence) from report_needs x where x.review_id = r.id and x.article = a.article), '[]'::jsonb))))
      from (select distinct article from report_recommendations x where x.review_id = r.id) a), '[]'::jsonb)), 'bench'
    from reviews r where abs(hashtext(r.id::text)) % 2 = 0`);
  await exec('analyze');
}
