/**
 * `npm run bench:search`: the recommendation search (GET /api/search's use case: words,
 * facets counted each under the others' selection, one page highlighted) at 100× today's
 * scale — 200,000 recommendations, with 20,000 good practices and 20,000 needs, over 2,000
 * States in two cycles, half of the reports published — on the embedded database and, when
 * TEST_PG_URL is set, on PostgreSQL. Next to it, in the same run, the hand-written SQL
 * baseline: one statement giving the total, the facet counts (GROUPING SETS under the whole
 * selection) and the highlighted page. Targets (issue 6): search p95 under 100 ms on
 * PostgreSQL, and within 2× of its raw SQL (medians). Measurements, not assertions.
 * Options: --recommendations N (default 200000), --runs N (default 40).
 */
import { systemActor } from '../src/domain/accounts/roles.ts';
import type { Actor } from '../src/domain/accounts/roles.ts';
import type { Database } from '../src/db/client.ts';
import { onEachEngine } from './support/bench-engines.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { search } from '../src/server/use-cases/search.ts';
import { searchItems, searchStatement, similarStates } from '../src/db/repositories/search.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/query-rows.ts';
import { parseSearchQuery } from '../src/domain/analytics/search.ts';
import { createSyntheticParties, type Exec } from './support/synthetic-analytics.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECOMMENDATIONS = arg('recommendations', 200_000);
const RUNS = arg('runs', 40);
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

async function createSyntheticItems(exec: Exec, recommendations: number): Promise<void> {
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

/** The same answer written by hand: total, facet counts under the whole selection, one highlighted page. */
const baseline = (q: string, cycle: number, group: string) => `
  with hits as materialized (
    select i.kind, i.need_type, i.article, i.sequence, i.reference, i.text, rv.cycle_number, rv.state_iso3, pa.regional_group, a.chapter_number,
           ts_rank(to_tsvector('english'::regconfig, i.text), websearch_to_tsquery('english'::regconfig, '${q}')) as rank
    from (
      select 'recommendation' as kind, null::text as need_type, review_id, article, sequence, reference, text from report_recommendations
        where to_tsvector('english'::regconfig, text) @@ websearch_to_tsquery('english'::regconfig, '${q}')
      union all
      select 'good-practice', null, review_id, article, sequence, null, text from report_good_practices
        where to_tsvector('english'::regconfig, text) @@ websearch_to_tsquery('english'::regconfig, '${q}')
      union all
      select 'need', type, review_id, article, sequence, null, text from report_needs
        where to_tsvector('english'::regconfig, text) @@ websearch_to_tsquery('english'::regconfig, '${q}')
    ) i join reviews rv on rv.id = i.review_id join parties pa on pa.iso3 = rv.state_iso3 join articles a on a.instrument_code = 'UNCAC' and a.number = i.article
    where rv.cycle_number = ${cycle} and pa.regional_group = '${group}'
  )
  select (select json_agg(f) from (select kind, need_type, cycle_number, chapter_number, article, regional_group, state_iso3, count(*) as n from hits
            group by grouping sets ((), (kind), (need_type), (cycle_number), (chapter_number), (article), (regional_group), (state_iso3))) f) as facets,
         (select json_agg(p) from (select reference, state_iso3, article, ts_headline('english'::regconfig, text, websearch_to_tsquery('english'::regconfig, '${q}'), 'HighlightAll=true') as marked
            from hits order by rank desc, state_iso3, article, sequence limit 20) p) as page`;

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms;
}

const QUERY = { q: 'whistleblower protection', cycle: '2', group: 'african' };
const row = (label: string, s: ReturnType<typeof summary>) => `  ${label.padEnd(40)} median ${s.median.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms   p99 ${s.p99.toFixed(1).padStart(7)} ms`;

async function measure(label: string, database: Database, exec: Exec, query: (sql: string) => Promise<unknown>, isPostgres: boolean): Promise<string[]> {
  await runMigrations(database);
  await seedReferenceData(database.db);
  const loadStart = performance.now();
  await createSyntheticItems(exec, RECOMMENDATIONS);
  const loadMs = performance.now() - loadStart;
  const ctxOf = (actor: Actor) => ({ db: database.db, actor, now: new Date() });
  const secretariat = ctxOf(systemActor('bench'));
  const anonymous = ctxOf({ kind: 'anonymous' });
  const counts = (await query(`select (select count(*) from report_recommendations) as r, (select count(*) from report_good_practices) as g, (select count(*) from report_needs) as n, (select count(*) from publications) as p`)) as { rows: Record<string, unknown>[] };
  const c = counts.rows[0]!;
  const check = await search(secretariat, QUERY);
  const checkPublic = await search(anonymous, QUERY);
  const faceted = summary(await time(() => search(secretariat, QUERY)));
  const publicFaceted = summary(await time(() => search(anonymous, QUERY)));
  const wordsOnly = summary(await time(() => search(secretariat, { q: QUERY.q })));
  const request = parseSearchQuery(QUERY);
  const itemsOnly = summary(await time(() => searchItems(database.db, request, { scope: 'all', language: 'en', offset: 0, limit: 20 })));
  const names = summary(await time(() => similarStates(database.db, QUERY.q, 'en')));
  const raw = summary(await time(() => query(baseline(QUERY.q, 2, QUERY.group))));
  if (process.argv.includes('--explain')) {
    const plan = await queryRows<Record<string, string>>(database.db, sql`explain (analyze, buffers off) ${searchStatement(request, { scope: 'all', language: 'en', offset: 0, limit: 20 })}`);
    process.stderr.write(`${plan.map((r) => Object.values(r)[0]).join('\n')}\n`);
  }
  const ratio = faceted.median / Math.max(0.001, raw.median);
  return [
    `${label}: ${Number(c.r).toLocaleString('en')} recommendations, ${Number(c.g).toLocaleString('en')} good practices, ${Number(c.n).toLocaleString('en')} needs, ${Number(c.p).toLocaleString('en')} published reports (loaded in ${(loadMs / 1000).toFixed(1)} s); ${RUNS} runs each`,
    `  query: q="${QUERY.q}" cycle=2 group=african → ${check.total.toLocaleString('en')} items (secretariat), ${checkPublic.total.toLocaleString('en')} published`,
    row('faceted search (use case, secretariat)', faceted),
    row('faceted search (use case, public)', publicFaceted),
    row('words only, no facet (secretariat)', wordsOnly),
    row('  of which: the one search statement', itemsOnly),
    row('  of which: State name suggestions', names),
    row('raw SQL baseline (faceted)', raw),
    `  ${isPostgres ? `p95 < 100 ms: ${faceted.p95 < 100 ? 'PASS' : 'MISS'} (public: ${publicFaceted.p95 < 100 ? 'PASS' : 'MISS'})   ` : ''}median within 2x of raw SQL (${ratio.toFixed(2)}x): ${ratio <= 2 ? 'PASS' : 'MISS'}`,
  ];
}

const out = [`Open IRM recommendation search bench, ${new Date().toISOString()}, ${RECOMMENDATIONS.toLocaleString('en')} synthetic recommendations`];
out.push(...(await onEachEngine('search', measure, { postgresOnly: process.argv.includes('--postgres-only') })));
process.stdout.write(`${out.join('\n')}\n`);
