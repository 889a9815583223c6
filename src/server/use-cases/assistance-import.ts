/**
 * @module assistance-import
 * Needs recorded elsewhere (the secretariat's spreadsheets, other mechanisms' records),
 * all-or-nothing: every row is checked first; one bad row and nothing is written, with every
 * problem and its line. Needs are kept against (State, cycle), not a review, so needs of
 * States whose review is not in Open IRM count too. A row without types is typed by the
 * classifier and waits in the secretariat's review queue. Re-importing a file adds nothing
 * twice: a need with the same State, cycle, article and description is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { classifyNeed } from '../../domain/analytics/classifier/model.ts';
import { validateNeedRows } from '../../domain/analytics/needs-import.ts';
import { storedNeedType } from '../../domain/analytics/needs-types.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { insertRecordedNeeds, recordedNeedKey, recordedNeedKeys } from '../../db/repositories/assistance.ts';
import { listCycles } from '../../db/repositories/cycles.ts';
import { listPartyRows } from '../../db/repositories/parties.ts';
import { conventionMap } from './assistance.ts';
import { currentNeedsModel } from './assistance-model.ts';
import type { UseCaseContext } from './context.ts';

export async function importAssistanceNeeds(ctx: UseCaseContext, rows: Record<string, string>[]) {
  authorize(ctx.actor, 'assistance.import');
  const [parties, cycles, convention] = await Promise.all([listPartyRows(ctx.db), listCycles(ctx.db), conventionMap(ctx.db)]);
  const cycleArticles = new Map(cycles.map((c) => [c.number, new Set([...convention.chapterOf].filter(([, ch]) => c.chapters.includes(ch)).map(([a]) => a))]));
  const result = validateNeedRows(rows, { knownStates: new Set(parties.map((p) => p.iso3)), cycles: cycleArticles, knownArticles: new Set(convention.chapterOf.keys()) });
  if (!result.ok) {
    throw new DomainError('import.invalid', `${result.problems.length} problem(s) in the file; nothing was imported.`, { problems: result.problems.map((p) => `line ${p.line}: ${p.message}`) });
  }
  const model = result.needs.some((n) => n.types === null) ? await currentNeedsModel(ctx.db) : undefined;
  const by = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const seen = await recordedNeedKeys(tx, [...new Set(result.needs.map((n) => n.cycle))]);
    const counts = { created: 0, unchanged: 0, classified: 0 };
    const inserts = [];
    for (const need of result.needs) {
      const key = recordedNeedKey(need.cycle, need.state, need.article, need.description);
      if (seen.has(key)) {
        counts.unchanged += 1;
        continue;
      }
      seen.add(key);
      const suggested = need.types === null ? classifyNeed(model!, need.description).map((s) => ({ type: s.type, confidence: s.confidence })) : null;
      const types = need.types ?? suggested!.map((s) => storedNeedType(s.type)!);
      if (suggested) counts.classified += 1;
      counts.created += 1;
      inserts.push({ id: randomUUID(), cycleNumber: need.cycle, stateIso3: need.state, article: need.article, description: need.description, types, status: suggested ? 'classified' : 'given', suggested, source: 'import', recordedBy: by, recordedAt: ctx.now });
    }
    await insertRecordedNeeds(tx, inserts);
    await appendAudit(tx, { actor: ctx.actor, action: 'assistance.import', resourceType: 'assistance-needs', details: { rows: result.needs.length, ...counts }, ip: ctx.ip, requestId: ctx.requestId });
    return counts;
  });
}
