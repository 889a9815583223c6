/**
 * A synthetic data set for the analytics benches (docs/ANALYTICS.md, "Measured"): reviews
 * with a dated milestone history at any scale, written in set SQL so that 40,000 reviews load
 * in seconds on either engine. Today's scale is about two cycles of ~190 States (~400
 * reviews); 100× that needs more States than exist, so fictitious parties (ISO3 codes not
 * in use, named "Synthetic …") are added and every one of them is under review in both
 * cycles.
 *
 * Each step takes its own reusable function taking an `Exec` (one SQL statement, no result),
 * so a bench on recommendations or needs can add its own step after `createSyntheticReviews`
 * (for instance `createSyntheticRecommendations(exec, …)` in this file) on the same reviews.
 * Deterministic: the shape of each review comes from a hash of its State and cycle.
 */

/** Runs one SQL statement; wrap a pg pool (`sql => pool.query(sql)`) or PGlite (`sql => pglite.exec(sql)`). */
export type Exec = (sql: string) => Promise<unknown>;

export interface SyntheticCounts {
  parties: number;
  reviews: number;
  milestones: number;
  withdrawals: number;
  pauses: number;
}

/** Adds fictitious parties so that `states` parties exist in total (the real ones stay). */
export async function createSyntheticParties(exec: Exec, states: number): Promise<void> {
  await exec(`
    insert into parties (iso3, name_un, name_common, names, regional_group, kind, is_un_member)
    select code, 'Synthetic ' || code, 'Synthetic ' || code,
           jsonb_build_object('en', 'Synthetic ' || code, 'fr', 'Synthétique ' || code, 'es', 'Sintético ' || code, 'ru', 'Синтетическое ' || code, 'zh', '合成 ' || code, 'ar', 'اصطناعي ' || code),
           (array['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other'])[1 + i % 5], 'state', false
    from (
      select i, chr(65 + i / 676) || chr(65 + (i / 26) % 26) || chr(65 + i % 26) as code
      from generate_series(0, 17575) i
    ) c
    where not exists (select 1 from parties p where p.iso3 = c.code)
    order by i desc
    limit greatest(0, ${Math.floor(states)} - (select count(*) from parties))`);
}

/**
 * About `reviews` reviews (every party in each of `cycles`), each with a history reaching a
 * hash-chosen depth: 0 to 9 steps after the start, 30–120 days apart, none after `today`;
 * dialogues split country visit / joint meeting / virtual visit; 2% of checklists withdrawn
 * once and submitted again (a review that went back a stage); 3% paused.
 */
export async function createSyntheticReviews(exec: Exec, options: { reviews: number; cycles?: number[]; today?: string }): Promise<void> {
  const cycles = options.cycles ?? [1, 2];
  const today = options.today ?? '2026-11-28';
  await createSyntheticParties(exec, Math.ceil(options.reviews / cycles.length) + 2);
  await exec(`
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source, consent_to_publish_report)
    select gen_random_uuid(), number, iso3, 1 + abs(hashtext(iso3)) % 4, r1, r2, 'import', false
    from (
      select c.number, p.iso3, lead(p.iso3, 1, p.first_iso3) over w as r1, lead(p.iso3, 2, p.second_iso3) over w as r2
      from (select iso3, first_value(iso3) over o as first_iso3, nth_value(iso3, 2) over o as second_iso3 from parties
            window o as (order by iso3 rows between unbounded preceding and unbounded following)) p
      cross join cycles c
      where c.number in (${cycles.join(', ')})
        and not exists (select 1 from reviews r where r.cycle_number = c.number and r.state_iso3 = p.iso3)
      window w as (partition by c.number order by p.iso3)
    ) s
    where r1 <> iso3 and r2 <> iso3 and r1 <> r2`);
  await exec(`
    insert into review_milestones (review_id, kind, date, dialogue_type, recorded_by)
    select r.id, k.kind, d.day, case when k.kind = 'dialogueHeld' then (array['country_visit', 'country_visit', 'country_visit', 'joint_meeting', 'virtual_visit'])[1 + (h.h >> 4) % 5] end, 'bench'
    from reviews r
    cross join lateral (select abs(hashtext(r.state_iso3 || '/' || r.cycle_number)) as h) h
    join cycles c on c.number = r.cycle_number
    cross join (values (0, 'started'), (1, 'focalPointAppointed'), (2, 'checklistSubmitted'), (3, 'deskReviewCompleted'), (4, 'dialogueHeld'),
                       (5, 'draftReportShared'), (6, 'executiveSummaryFinalised'), (7, 'reportFinalised'), (8, 'executiveSummaryPublished')) k(n, kind)
    cross join lateral (select c.starts_on + (h.h % 1400) + k.n * (30 + (h.h >> 8) % 90) as day) d
    where k.n <= (h.h >> 2) % 9 and d.day <= date '${today}'
    order by r.id`);
  // A withdrawn earlier submission, 40 to 10 days before the one that stands.
  await exec(`
    insert into review_milestone_withdrawals (id, review_id, kind, milestone_date, withdrawn_on, reason, recorded_by)
    select gen_random_uuid(), m.review_id, 'checklistSubmitted', m.date - 40, m.date - 10, 'Synthetic: returned incomplete', 'bench'
    from review_milestones m
    where m.kind = 'checklistSubmitted' and abs(hashtext(m.review_id::text)) % 50 = 0`);
  await exec(`
    insert into review_pauses (id, review_id, from_date, to_date, reason, recorded_by)
    select gen_random_uuid(), r.id, max(m.date) + 10, null, 'Synthetic pause', 'bench'
    from reviews r join review_milestones m on m.review_id = r.id
    where abs(hashtext(r.id::text)) % 33 = 0
    group by r.id
    having max(m.date) + 10 <= date '${today}'`);
  await exec('analyze');
}

/** Rows per table, for a bench's "data:" line. */
export async function countSynthetic(query: (sql: string) => Promise<{ n: number | string }[]>): Promise<SyntheticCounts> {
  const n = async (table: string) => Number((await query(`select count(*) as n from ${table}`))[0]!.n);
  return { parties: await n('parties'), reviews: await n('reviews'), milestones: await n('review_milestones'), withdrawals: await n('review_milestone_withdrawals'), pauses: await n('review_pauses') };
}
