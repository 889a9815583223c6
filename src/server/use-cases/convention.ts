/**
 * @module convention use cases
 */
import { authorize } from '../../policies/policy.ts';
import { loadConventionRows } from '../../db/repositories/convention.ts';
import type { Obligation, ProvisionPart } from '../../domain/convention/convention.ts';
import type { UseCaseContext } from './context.ts';

/** Map.groupBy arrived in Node 21; this project supports Node 20. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const INSTRUMENT = { code: 'UNCAC', title: 'United Nations Convention against Corruption' } as const;

export async function getConvention(ctx: UseCaseContext) {
  authorize(ctx.actor, 'convention.read');
  const { chapterRows, articleRows, provisionRows } = await loadConventionRows(ctx.db, INSTRUMENT.code);
  const provisionsByArticle = groupBy(provisionRows, (p) => p.articleNumber);
  const articlesByChapter = groupBy(articleRows, (a) => a.chapterNumber);
  return {
    instrument: INSTRUMENT,
    chapters: chapterRows.map((c) => ({
      number: c.number,
      ordinal: c.ordinal,
      title: c.title,
      articles: (articlesByChapter.get(c.number) ?? []).map((a) => ({
        number: a.number,
        title: a.title,
        provisions: (provisionsByArticle.get(a.number) ?? []).map((p) => ({
          id: p.id,
          label: p.label,
          part: p.part as ProvisionPart,
          obligation: p.obligation as Obligation,
        })),
      })),
    })),
  };
}
