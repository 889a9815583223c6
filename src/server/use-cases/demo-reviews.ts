/**
 * @module demo-reviews
 * A deterministic, fictitious set of country reviews for the demo: every stage of the
 * lifecycle in both cycles, most of them late (as real reviews are: 31 months on average
 * against an indicative six), two paused. The States are real, the dates and reviewer
 * pairs are invented; the web app says so in its footer.
 */
import { systemActor } from '../../domain/accounts/roles.ts';
import type { Db } from '../../db/client.ts';
import { isPartyOn } from '../../domain/parties/party.ts';
import { listAccessions, listPartyRows } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import { seedDemoChecklists } from './demo-checklists.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoFollowUp } from './follow-up-demo.ts';
import { seedDemoSessions } from './demo-sessions.ts';
import { pauseReview } from './review-steps.ts';
import { DEMO_ACCOUNTS } from './seed-demo.ts';
import { importReviews } from './reviews.ts';
import { seedDemoFinances } from './finance-demo.ts';
import { DEMO_MARKERS } from './demo-markers.ts';

/** Milestone columns in order, with the days after the previous step in the demo. */
const STEPS: [string, number][] = [
  ['focal_point_appointed', 25],
  ['checklist_submitted', 110],
  ['desk_review_completed', 75],
  ['dialogue_held', 160],
  ['draft_report_shared', 120],
  ['executive_summary_finalised', 150],
  ['report_finalised', 60],
  ['executive_summary_published', 45],
  ['report_published', 30],
];
const DIALOGUE_TYPES = ['country_visit', 'country_visit', 'joint_meeting', 'virtual_visit'];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Rows in the import format: `count` reviews per cycle, cycling through every stage. */
export function demoReviewRows(states: { iso3: string; regionalGroup: string }[], cycle: number, firstYear: number, count: number): Record<string, string>[] {
  const byGroup = new Map<string, string[]>();
  for (const s of states) byGroup.set(s.regionalGroup, [...(byGroup.get(s.regionalGroup) ?? []), s.iso3]);
  const rows: Record<string, string>[] = [];
  // Spread the demo States over the groups: every fifth State in the list, offset by cycle.
  const chosen = states.filter((_, i) => (i + cycle) % 5 === 0).slice(0, count);
  chosen.forEach((state, i) => {
    const group = byGroup.get(state.regionalGroup)!;
    const sameGroup = group[(group.indexOf(state.iso3) + 1 + i) % group.length]!;
    const other = states[(states.findIndex((s) => s.iso3 === state.iso3) + 37 + 7 * i) % states.length]!.iso3;
    const second = other === state.iso3 || other === sameGroup ? states[(i + 3) % states.length]!.iso3 : other;
    const cohortYear = (i % 4) + 1;
    const started = addDays(`${firstYear + cohortYear - 1}-02-01`, (i * 13) % 90);
    const row: Record<string, string> = { state_iso3: state.iso3, cycle: String(cycle), cohort_year: String(cohortYear), reviewer1_iso3: sameGroup, reviewer2_iso3: second, started, dialogue_type: '' };
    for (const [column] of STEPS) row[column] = '';
    // Every twelfth review has not started yet (its cohort year is still ahead).
    if (i % 12 === 11) row.started = '';
    // How far this review has come: 0 (just started) to every step (published in full).
    const reached = row.started === '' ? 0 : i % (STEPS.length + 1);
    let date = started;
    for (let s = 0; s < reached; s += 1) {
      const [column, days] = STEPS[s]!;
      // Executive summary and report may be finalised in either order; skip the full
      // report for every third review (the secretariat's figures show fewer reports).
      if ((column === 'report_finalised' || column === 'report_published') && i % 3 === 0) continue;
      date = addDays(date, days + ((i * 17) % 40));
      row[column] = date;
      if (column === 'dialogue_held') row.dialogue_type = DIALOGUE_TYPES[i % DIALOGUE_TYPES.length]!;
    }
    rows.push(row);
  });
  return rows;
}

/** The State of the demo expert account. */
const DEMO_EXPERT_STATE = DEMO_ACCOUNTS.find((a) => a.role === 'expert')!.stateIso3!;

/** Loads the demo reviews once (nothing when any review exists). */
export async function seedDemoReviews(db: Db, now: Date): Promise<number> {
  if ((await loadReviews(db)).length > 0) return 0;
  const accessions = new Map((await listAccessions(db)).map((a) => [a.partyIso3, a]));
  const today = now.toISOString().slice(0, 10);
  const states = (await listPartyRows(db))
    .filter((p): p is typeof p & { regionalGroup: string } => p.regionalGroup !== null && isPartyOn(accessions.get(p.iso3), today))
    .map((p) => ({ iso3: p.iso3, regionalGroup: p.regionalGroup }))
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  const ctx = { db, actor: systemActor('demo-seed'), now };
  const rows = [...demoReviewRows(states, 1, 2010, 24), ...demoReviewRows(states, 2, 2016, 36)];
  // The demo expert's State (Kenya) becomes a reviewing State of two reviews under desk
  // review in cycle 2, so that the expert has checklists to read and questions to ask.
  const inDeskReview = rows.filter((r) => r.cycle === '2' && r.checklist_submitted && !r.desk_review_completed && ![r.state_iso3, r.reviewer1_iso3].includes(DEMO_EXPERT_STATE));
  for (const row of inDeskReview.slice(0, 2)) row.reviewer2_iso3 = DEMO_EXPERT_STATE;
  const counts = await importReviews(ctx, rows);
  // Two reviews paused, as when a country visit is postponed.
  const stored = await loadReviews(db, { cycleNumber: 2 });
  const pausable = stored.filter((s) => s.review.milestones.length >= 3 && s.review.milestones.length <= 5).slice(0, 2);
  for (const s of pausable) {
    const last = s.review.milestones.map((m) => m.date).sort().at(-1)!;
    await pauseReview(ctx, s.row.id, { from: addDays(last, 30), reason: `Demo: country visit postponed (fictitious) ${DEMO_MARKERS.pauseReason}`, version: s.row.version });
  }
  const all = await loadReviews(db);
  await seedDemoChecklists(db, all);
  await seedDemoReports(db, all);
  await seedDemoFollowUp(db, all, now);
  await seedDemoFinances(db, now);
  await seedDemoSessions(db, now);
  return counts.created;
}
