/**
 * `openirm import reviews <file.csv|file.json>`: review histories from a spreadsheet,
 * all or nothing (docs/REVIEWS.md gives the columns).
 */
import { readFileSync } from 'node:fs';
import { DomainError } from '../../domain/errors.ts';
import { rowsFromCsv, rowsFromJson } from '../../server/csv-rows.ts';
import { importReviews } from '../../server/use-cases/reviews.ts';
import { registerNeedsImportCommand } from './needs.ts';
import { withSystemContext, type DbOptions, type RegisterCommands } from './shared.ts';

function readRows(file: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('import.invalid', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!file.toLowerCase().endsWith('.json')) return rowsFromCsv(text);
  try {
    return rowsFromJson(JSON.parse(text));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('import.invalid', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export const registerImportCommands: RegisterCommands = (program, kit) => {
  const importCommand = program.command('import').description('load data kept elsewhere');
  importCommand
    .command('reviews <file>')
    .description('import review histories from CSV or JSON; nothing is written if any row is bad')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (file: string, options: DbOptions) => {
      await withSystemContext(kit, options, 'import reviews', async (ctx) => {
        try {
          const counts = await importReviews(ctx, readRows(file));
          process.stdout.write(`Imported ${file}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged.\n`);
        } catch (error) {
          // Every bad row on its own line, then the one-line summary as the failure.
          const problems = error instanceof DomainError && Array.isArray(error.details?.problems) ? (error.details.problems as string[]) : [];
          for (const problem of problems) process.stdout.write(`  ${problem}\n`);
          throw error;
        }
      });
    });
  registerNeedsImportCommand(importCommand, kit);
};
