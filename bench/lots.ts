/**
 * `npm run bench:lots`: the drawing of lots on the real parties list (every party under
 * review, two reviewers each, every default rule on), next to the naive shuffle-and-retry
 * baseline in the same run; the fairness audit's time and worst ratio; peak memory.
 * Measurements, not assertions: targets print PASS/MISS, the exit code is 0.
 */
import { readFileSync } from 'node:fs';
import { drawCohorts } from '../src/domain/lots/cohort-draw.ts';
import { drawReviewersNaive } from '../src/domain/lots/baseline.ts';
import { drawReviewers } from '../src/domain/lots/draw.ts';
import { auditFairness, auditSeed } from '../src/domain/lots/fairness.ts';
import { DEFAULT_RULES, LOTS_ALGORITHM, type ReviewerDrawInput } from '../src/domain/lots/types.ts';

const quick = process.argv.includes('--quick');
const DRAWS = quick ? 100 : 500;
const AUDIT_RUNS = quick ? 1_000 : 10_000;

interface PartyFile { iso3: string; regionalGroup: string | null; accession: unknown }
const parties = (JSON.parse(readFileSync(new URL('../data/reference/parties.json', import.meta.url), 'utf8')) as PartyFile[])
  .filter((p) => p.accession !== null)
  .map((p) => ({ iso3: p.iso3, regionalGroup: p.regionalGroup }));

const input: ReviewerDrawInput = {
  algorithm: LOTS_ALGORITHM,
  mechanism: 'uncac-irm',
  cycle: 2,
  year: 2026,
  rules: DEFAULT_RULES,
  parties,
  underReview: parties.filter((p) => p.regionalGroup !== null).map((p) => p.iso3),
  excluded: [],
  prior: [],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeDraws(label: string, run: (seed: Uint8Array) => unknown): { label: string; medianMs: number; p90Ms: number } {
  const base = new TextEncoder().encode(label);
  for (let i = 0; i < 20; i += 1) run(auditSeed(base, 1_000_000 + i)); // warm-up
  const times: number[] = [];
  for (let i = 0; i < DRAWS; i += 1) {
    const seed = auditSeed(base, i);
    const started = performance.now();
    run(seed);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { label, medianMs: median(times), p90Ms: sorted[Math.floor(sorted.length * 0.9)]! };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

const lines: string[] = [`Open IRM lots bench, ${new Date().toISOString()} — ${parties.length} parties in the pool, ${input.underReview.length} under review${quick ? ' (quick)' : ''}`, ''];
const ours = timeDraws('openirm-lots/1', (seed) => drawReviewers(input, seed));
const naive = timeDraws('naive shuffle-and-retry', (seed) => drawReviewersNaive(input, seed));
lines.push('1. Full draw of reviewers, every party under review', `   ${'algorithm'.padEnd(28)}median ms   p90 ms`);
for (const r of [ours, naive]) lines.push(`   ${r.label.padEnd(28)}${r.medianMs.toFixed(2).padStart(9)}${r.p90Ms.toFixed(2).padStart(9)}`);
lines.push(`   ours / naive median: ${(ours.medianMs / naive.medianMs).toFixed(2)}x   target: median < 50 ms   ${verdict(ours.medianMs < 50)}`, '');

const cohortSeed = new TextEncoder().encode('cohorts');
const cohortParties = parties.map((p) => ({ ...p, becameParty: null }));
const cohortStart = performance.now();
drawCohorts({ parties: cohortParties, drawDate: '2026-01-01', years: 5, reviewYears: 4 }, cohortSeed);
lines.push(`2. Draw of cohorts (which States in which year): ${(performance.now() - cohortStart).toFixed(1)} ms`, '');

const auditStart = performance.now();
const report = auditFairness(input, AUDIT_RUNS, new TextEncoder().encode('bench audit'));
const auditSeconds = (performance.now() - auditStart) / 1000;
const worst = report.worstRatio ?? 1;
lines.push(
  `3. Fairness audit, ${AUDIT_RUNS} seeded draws: ${auditSeconds.toFixed(1)} s   target: 10,000 runs < 30 s   ${quick ? '(quick: not comparable)' : verdict(auditSeconds < 30)}`,
  `   worst per-State ratio observed/expected: ${worst.toFixed(4)} (${report.worstState}); range ${report.minRatio?.toFixed(4)}–${report.maxRatio?.toFixed(4)}   target: 0.9–1.1   ${verdict(worst >= 0.9 && worst <= 1.1)}`,
  '',
  `4. Memory: process RSS ${rssMb().toFixed(0)} MB after all of the above   target: < 200 MB   ${verdict(rssMb() < 200)}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
