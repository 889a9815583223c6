/**
 * `openirm lots draw | verify | audit`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { DomainError } from '../../domain/errors.ts';
import type { DrawRecord } from '../../domain/lots/record.ts';
import { verifyRecord } from '../../domain/lots/record.ts';
import { commitReviewerDraw, publishDraw, runDraw } from '../../server/use-cases/lots.ts';
import { allPartiesInput, cohortInput, drawUnstored, runFairnessAudit } from '../../server/use-cases/lots-adhoc.ts';
import { withSystemContext, type DbOptions, type RegisterCommands } from './shared.ts';

/** "2/1" → cycle 2, year 1. */
function parseCohort(value: string): { cycle: number; year: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) throw new DomainError('cohort.invalid', `--cohort must look like CYCLE/YEAR, e.g. 2/1; got "${value}".`);
  return { cycle: Number(match[1]), year: Number(match[2]) };
}


function printResult(record: DrawRecord): void {
  const lines = [`${'under review'.padEnd(14)}reviewer #1 (same group)  reviewer #2`];
  for (const row of record.result as { underReview: string; reviewers: [string, string] }[]) {
    lines.push(`${row.underReview.padEnd(14)}${row.reviewers[0].padEnd(26)}${row.reviewers[1]}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\ncommitment ${record.commitment}\nsecret     ${record.secret}\nentropy    ${record.publicEntropy}\nseed       ${record.seed}\n`);
}

export const registerLotsCommands: RegisterCommands = (program, kit) => {
  const lots = program.command('lots').description('the drawing of lots');

  lots
    .command('draw')
    .description('draw reviewers for a cohort (stored as a draw) or, with --all-parties, for every party at once (not stored)')
    .option('--cohort <cycle/year>', 'the cohort, e.g. 2/1')
    .option('--all-parties', 'every State party under review at once (testing, demonstrations)')
    .option('--cycle <n>', 'cycle whose rules apply with --all-parties', '2')
    .option('--entropy <text>', 'public entropy read out in the meeting (default: the current time)')
    .option('--out <file>', 'write the draw record (JSON) to this file')
    .option('--publish', 'publish the result at once (stored draws)')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (o: DbOptions & { cohort?: string; allParties?: boolean; cycle: string; entropy?: string; out?: string; publish?: boolean }) => {
      await withSystemContext(kit, o, 'lots draw', async (ctx) => {
        if (!o.cohort === !o.allParties) throw new DomainError('request.invalid', 'Give either --cohort CYCLE/YEAR or --all-parties.');
        const entropy = o.entropy ?? `openirm cli ${ctx.now.toISOString()}`;
        let record: DrawRecord;
        if (o.allParties) {
          record = drawUnstored(await allPartiesInput(ctx, Number(o.cycle)), entropy, ctx.now);
        } else {
          const { cycle, year } = parseCohort(o.cohort!);
          const committed = await commitReviewerDraw(ctx, { cycleNumber: cycle, year });
          const drawn = await runDraw(ctx, committed.id, entropy);
          if (o.publish) await publishDraw(ctx, drawn.id);
          record = drawn.record as unknown as DrawRecord;
          process.stdout.write(`Draw ${drawn.id} ${o.publish ? 'published' : 'drawn (not yet published)'}.\n`);
        }
        printResult(record);
        if (o.out) {
          writeFileSync(o.out, `${JSON.stringify(record, null, 2)}\n`);
          process.stdout.write(`Record written to ${o.out}\n`);
        }
      });
    });

  lots
    .command('verify <record>')
    .description('re-run a draw record and check every rule; prints VALID or what does not match')
    .action((file: string) => {
      let record: unknown;
      try {
        record = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        kit.fail(new DomainError('lots.recordInvalid', `Cannot read ${file} as JSON: ${(error as Error).message}`));
      }
      const outcome = verifyRecord(record);
      if (outcome.valid) {
        process.stdout.write('VALID\n');
        return;
      }
      process.stdout.write(`INVALID\n${outcome.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exitCode = 1;
    });

  lots
    .command('audit')
    .description('run many seeded draws and compare how often each State is drawn with its fair share')
    .option('--cohort <cycle/year>', 'the cohort, e.g. 2/1')
    .option('--all-parties', 'every State party under review at once')
    .option('--cycle <n>', 'cycle whose rules apply with --all-parties', '2')
    .addOption(new Option('--runs <n>', 'number of draws').default('10000'))
    .option('--seed <text>', 'base seed of the audit (default: fixed, so the audit is repeatable)', 'openirm lots audit')
    .option('--top <n>', 'States to list, furthest from their share first', '15')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (o: DbOptions & { cohort?: string; allParties?: boolean; cycle: string; runs: string; seed: string; top: string }) => {
      await withSystemContext(kit, o, 'lots audit', async (ctx) => {
        if (!o.cohort === !o.allParties) throw new DomainError('request.invalid', 'Give either --cohort CYCLE/YEAR or --all-parties.');
        const runs = Number(o.runs);
        if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new DomainError('request.invalid', '--runs must be a whole number from 1 to 1,000,000.');
        const input = o.allParties ? await allPartiesInput(ctx, Number(o.cycle)) : await cohortInput(ctx, parseCohort(o.cohort!).cycle, parseCohort(o.cohort!).year);
        const started = performance.now();
        const report = runFairnessAudit(ctx, input, runs, new TextEncoder().encode(o.seed));
        const seconds = (performance.now() - started) / 1000;
        const rows = report.rows
          .filter((r) => r.ratio !== null)
          .sort((a, b) => Math.abs(Math.log(b.ratio!)) - Math.abs(Math.log(a.ratio!)))
          .slice(0, Number(o.top));
        const lines = [`${runs} draws of ${input.underReview.length} States under review in ${seconds.toFixed(1)} s`, '', 'State  group                      drawn/draw  fair share  ratio'];
        for (const r of rows) {
          lines.push(`${r.iso3.padEnd(7)}${String(r.regionalGroup ?? '-').padEnd(27)}${(r.drawn / runs).toFixed(3).padStart(10)}${r.expected.toFixed(3).padStart(12)}${r.ratio!.toFixed(3).padStart(7)}`);
        }
        lines.push('', `worst ratio: ${report.worstRatio?.toFixed(3) ?? '-'} (${report.worstState ?? '-'}); range ${report.minRatio?.toFixed(3)}–${report.maxRatio?.toFixed(3)}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
};
