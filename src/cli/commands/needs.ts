/**
 * `openirm needs classify <file|->`: one free-text need per line in, one JSON object per
 * line out ({ "types": [{ "type", "confidence", "evidence" }] }, best first), in the same
 * order, for batch work on a spreadsheet column. An empty line gives { "types": [] }, so
 * output lines stay aligned with input lines. `openirm import needs <file>`: needs recorded
 * elsewhere, all or nothing (docs: "Technical-assistance needs").
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { classifyNeed, trainNeedsModel } from '../../domain/analytics/classifier/model.ts';
import { NEED_TYPES } from '../../domain/analytics/needs-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { rowsFromCsv, rowsFromJson } from '../../server/csv-rows.ts';
import { classifyAssistanceNeeds } from '../../server/use-cases/assistance.ts';
import { importAssistanceNeeds } from '../../server/use-cases/assistance-import.ts';
import { readTrainingSet } from '../../server/use-cases/assistance-model.ts';
import { withSystemContext, type CommandKit, type DbOptions, type RegisterCommands } from './shared.ts';

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new DomainError('request.invalid', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function linesOf(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export const registerNeedsCommands: RegisterCommands = (program, kit) => {
  const needs = program.command('needs').description('technical-assistance needs');
  needs
    .command('classify <file>')
    .description("types of assistance of each line of a file ('-' for standard input), one JSON object per line")
    .option('--shipped-only', 'use only the shipped training set, without the database (and its corrections)')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (file: string, options: DbOptions & { shippedOnly?: boolean }) => {
      const write = (results: { types: unknown[] }[]) => {
        process.stdout.write(results.map((r) => `${JSON.stringify(r)}\n`).join(''));
      };
      if (options.shippedOnly) {
        try {
          const model = trainNeedsModel(readTrainingSet(), NEED_TYPES);
          write(linesOf(readInput(file)).map((line) => ({ types: line.trim() === '' ? [] : classifyNeed(model, line) })));
        } catch (error) {
          kit.fail(error);
        }
        return;
      }
      await withSystemContext(kit, options, 'classify needs', async (ctx) => write(await classifyAssistanceNeeds(ctx, linesOf(readInput(file)))));
    });
};

/** `import needs`, added to the existing `import` command. */
export function registerNeedsImportCommand(importCommand: Command, kit: CommandKit): void {
  importCommand
    .command('needs <file>')
    .description('import technical-assistance needs from CSV or JSON (state_iso3, cycle, article, type, description); nothing is written if any row is bad')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (file: string, options: DbOptions) => {
      await withSystemContext(kit, options, 'import needs', async (ctx) => {
        try {
          const text = readInput(file);
          let rows: Record<string, string>[];
          if (file.toLowerCase().endsWith('.json')) {
            try {
              rows = rowsFromJson(JSON.parse(text));
            } catch (error) {
              if (error instanceof DomainError) throw error;
              throw new DomainError('import.invalid', `${file} is not valid JSON: ${(error as Error).message}`);
            }
          } else rows = rowsFromCsv(text);
          const counts = await importAssistanceNeeds(ctx, rows);
          process.stdout.write(`Imported ${file}: ${counts.created} created (${counts.classified} typed by the classifier, to review), ${counts.unchanged} unchanged.\n`);
        } catch (error) {
          const problems = error instanceof DomainError && Array.isArray(error.details?.problems) ? (error.details.problems as string[]) : [];
          for (const problem of problems) process.stdout.write(`  ${problem}\n`);
          throw error;
        }
      });
    });
}
