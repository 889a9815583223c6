/**
 * @module draw presenter
 * The secret never leaves the server before the draw is run; the result and record are
 * shown to the public only once published.
 */
import { z } from 'zod';
import type { DrawRow } from '../../db/repositories/lots.ts';

export const drawSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['cohorts', 'reviewers', 'redraw']),
  status: z.enum(['committed', 'drawn', 'published', 'cancelled']),
  cycle: z.number(),
  year: z.number().nullable().describe('Cohort year (1-based); null for the draw of cohorts'),
  commitment: z.string(),
  publicEntropy: z.string().nullable(),
  createdAt: z.string(),
  drawnAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  redrawOf: z.string().nullable(),
});

export const drawDetailSchema = drawSummarySchema.extend({
  /** Frozen inputs (pools, cohort, exclusions, prior draws, rules); public from the commitment on. */
  inputs: z.record(z.string(), z.unknown()),
  /** The full verifiable record, with the revealed secret; null until visible. */
  record: z.record(z.string(), z.unknown()).nullable(),
});

export function presentDrawSummary(draw: DrawRow): z.infer<typeof drawSummarySchema> {
  return {
    id: draw.id,
    kind: draw.kind as 'reviewers',
    status: draw.status as 'committed',
    cycle: draw.cycleNumber,
    year: draw.year,
    commitment: draw.commitment,
    publicEntropy: draw.publicEntropy,
    createdAt: draw.createdAt.toISOString(),
    drawnAt: draw.drawnAt?.toISOString() ?? null,
    publishedAt: draw.publishedAt?.toISOString() ?? null,
    redrawOf: draw.redrawOf,
  };
}

export function presentDrawDetail(draw: DrawRow, isManager: boolean): z.infer<typeof drawDetailSchema> {
  const isRecordVisible = draw.status === 'published' || (isManager && draw.status === 'drawn');
  return {
    ...presentDrawSummary(draw),
    inputs: draw.inputs,
    record: isRecordVisible ? draw.record : null,
  };
}
