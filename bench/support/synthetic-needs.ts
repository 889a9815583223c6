/**
 * The synthetic technical-assistance needs of bench:needs at 100× today's scale: 2,000
 * fictitious parties ("Synthetic AAA"…) each under review in cycle 2 with a finalised report,
 * half the needs in those reports (report_needs, one type each, skewed like the real lists),
 * half recorded from elsewhere with one to three types (assistance_needs). Written in set SQL,
 * so need_cells is filled by its triggers.
 */
import type { Exec } from './bench-engines.ts';

const STATES = 2_000;
const TYPES = ['capacity-building', 'legislative-assistance', 'legal-advice', 'model-legislation', 'institution-building', 'policymaking', 'research-data', 'international-cooperation', 'on-site-expert', 'action-plan', 'good-practices', 'other'];
const ARTICLES = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 51, 52, 53, 54, 55, 56, 57, 58, 59];

/** Fictitious parties ("Synthetic AAA"…) up to `states`, each under review in cycle 2 with a finalised report. */
export async function createSyntheticNeeds(exec: Exec, needs: number): Promise<void> {
  await exec(`
    insert into parties (iso3, name_un, name_common, names, regional_group, kind, is_un_member)
    select code, 'Synthetic ' || code, 'Synthetic ' || code, jsonb_build_object('en', 'Synthetic ' || code), 'african', 'state', false
    from (select i, chr(65 + i / 676) || chr(65 + (i / 26) % 26) || chr(65 + i % 26) as code from generate_series(0, 17575) i) c
    where not exists (select 1 from parties p where p.iso3 = c.code)
    order by i desc
    limit greatest(0, ${STATES} - (select count(*) from parties))`);
  await exec(`
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source)
    select gen_random_uuid(), 2, iso3, 1, lead(iso3, 1, first) over w, lead(iso3, 2, second) over w, 'import'
    from (select iso3, first_value(iso3) over (order by iso3) as first,
                 nth_value(iso3, 2) over (order by iso3 rows between unbounded preceding and unbounded following) as second from parties) p
    where not exists (select 1 from reviews r where r.cycle_number = 2 and r.state_iso3 = p.iso3)
    window w as (order by iso3)`);
  await exec(`insert into reports (review_id, finalised_at, finalised_by) select id, now(), 'bench' from reviews where cycle_number = 2 on conflict (review_id) do update set finalised_at = now()`);
  const types = `array[${TYPES.map((t) => `'${t}'`).join(', ')}]`;
  const articles = `array[${ARTICLES.join(', ')}]`;
  const perReview = Math.max(1, Math.round(needs / 2 / STATES));
  // Skewed like the real lists: capacity-building most often, then legislative assistance…
  await exec(`
    insert into report_needs (review_id, article, sequence, type, text)
    select r.id, (${articles})[1 + abs(hashtext(r.id::text || s)) % ${ARTICLES.length}], s,
           (${types})[1 + least(${TYPES.length - 1}, floor(power(abs(hashtext(s || r.id::text)) % 1000 / 1000.0, 2) * ${TYPES.length})::int)],
           'Synthetic need ' || s
    from reviews r cross join generate_series(1, ${perReview}) s where r.cycle_number = 2`);
  await exec(`
    insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by)
    select gen_random_uuid(), 2, p.iso3, (${articles})[1 + abs(hashtext(p.iso3 || s)) % ${ARTICLES.length}], 'Synthetic recorded need ' || s,
           (select jsonb_agg(distinct (${types})[1 + abs(hashtext(p.iso3 || s || k)) % ${TYPES.length}]) from generate_series(1, 1 + abs(hashtext(s || p.iso3)) % 3) k),
           'given', 'bench'
    from (select iso3 from parties order by iso3 limit ${STATES}) p cross join generate_series(1, ${perReview}) s`);
  await exec('analyze');
}
