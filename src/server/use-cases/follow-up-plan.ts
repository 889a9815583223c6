/**
 * @module follow-up-plan use cases
 * The national action plan of a review (docs/FOLLOW-UP.md §3): the State groups its
 * recommendations into actions (owner institution, deadline, indicators) and its focal point
 * reports progress. The review's parties and the secretariat read it; the focal point of the
 * State under review (or the secretariat) writes it. An action changes by a new version with
 * the version read (a stale one is a 409); progress reports append. Exports: XLSX and CSV.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { checkAction, checkProgress, PLAN_COLUMNS, planCells, planCsv, type ActionInput, type PlanRow, type ProgressInput, type ProgressStatus } from '../../domain/follow-up/action-plans.ts';
import { keyOf } from '../../domain/follow-up/statuses.ts';
import { DomainError } from '../../domain/errors.ts';
import { dayOf } from '../../domain/reviews/calendar.ts';
import { authorize, may } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { insertActionVersion, insertProgress, listActionVersions, listProgress, listReviewRecommendations, type ActionRow, type ProgressRow } from '../../db/repositories/follow-up.ts';
import type { UseCaseContext } from './context.ts';
import { loadFollowUpContext } from './follow-up.ts';
import { relationTo } from './reviews.ts';

function presentProgress(p: ProgressRow) {
  return { percent: p.percent, status: p.status as ProgressStatus, note: p.note, reportedOn: p.reportedOn, author: p.author };
}

async function presentPlan(db: DbOrTx, reviewId: string) {
  const recommendations = await listReviewRecommendations(db, reviewId);
  const references = new Map(recommendations.map((r) => [keyOf(r), r.reference]));
  const versions = await listActionVersions(db, reviewId);
  const latest = new Map<string, ActionRow & { versions: number }>();
  for (const v of versions) latest.set(v.id, { ...v, versions: (latest.get(v.id)?.versions ?? 0) + 1 });
  const progress = await listProgress(db, reviewId);
  const actions = [...latest.values()].map((a) => {
    const history = progress.filter((p) => p.actionId === a.id).map(presentProgress);
    return {
      id: a.id,
      version: a.version,
      title: a.title,
      ownerInstitution: a.ownerInstitution,
      deadline: a.deadline,
      indicators: a.indicators,
      recommendations: a.recommendations.map((r) => ({ ...r, reference: references.get(keyOf(r)) ?? keyOf(r) })),
      progress: history.at(-1) ?? null,
      progressHistory: history,
      updatedBy: a.author,
      updatedAt: a.createdAt.toISOString(),
    };
  });
  return { recommendations: recommendations.map((r) => ({ article: r.article, sequence: r.sequence, reference: r.reference, text: r.text })), actions };
}

async function checkRead(ctx: UseCaseContext, reviewId: string) {
  const context = await loadFollowUpContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, context.stored.review);
  authorize(ctx.actor, 'followUp.readUnpublished', { relation });
  return { ...context, relation };
}

export async function getActionPlan(ctx: UseCaseContext, reviewId: string) {
  const { relation, stored, finalisedOn } = await checkRead(ctx, reviewId);
  const plan = await presentPlan(ctx.db, reviewId);
  return { reviewId, cycle: stored.row.cycleNumber, stateIso3: stored.review.stateUnderReview, finalisedOn, ...plan, may: { edit: finalisedOn !== null && may(ctx.actor, 'followUp.plan', { relation }) } };
}

async function checkWrite(ctx: UseCaseContext, reviewId: string) {
  const { stored, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  authorize(ctx.actor, 'followUp.plan', { relation: relationTo(ctx.actor, stored.review) });
  if (finalisedOn === null) throw new DomainError('followUp.invalidState', 'The report of this review is not finalised: there is nothing to plan for yet.');
}

/** A new action (version 1) or a new version of an action; `version` is the one the author read (0 for a new action). */
export async function saveAction(ctx: UseCaseContext, reviewId: string, actionId: string | null, input: ActionInput & { version: number }) {
  await checkWrite(ctx, reviewId);
  return ctx.db.transaction(async (tx) => {
    const own = new Set((await listReviewRecommendations(tx, reviewId)).map(keyOf));
    const checked = checkAction(input, own);
    const id = actionId ?? randomUUID();
    const current = actionId === null ? 0 : (await listActionVersions(tx, reviewId)).filter((v) => v.id === actionId).reduce((m, v) => Math.max(m, v.version), 0);
    if (actionId !== null && current === 0) throw new DomainError('resource.notFound', `No action ${actionId} in this action plan.`);
    if (current !== input.version) throw new DomainError('record.versionConflict', 'Someone else changed this action since you opened it. Reload it and try again.');
    await insertActionVersion(tx, { id, version: current + 1, reviewId, ...checked, author: actorLabel(ctx.actor), createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.saveAction', resourceType: 'review', resourceId: reviewId, details: { actionId: id, version: current + 1 }, ip: ctx.ip, requestId: ctx.requestId });
    return (await presentPlan(tx, reviewId)).actions.find((a) => a.id === id)!;
  });
}

export async function reportProgress(ctx: UseCaseContext, reviewId: string, actionId: string, input: ProgressInput) {
  await checkWrite(ctx, reviewId);
  const checked = checkProgress(input, dayOf(ctx.now));
  return ctx.db.transaction(async (tx) => {
    if (!(await listActionVersions(tx, reviewId)).some((v) => v.id === actionId)) throw new DomainError('resource.notFound', `No action ${actionId} in this action plan.`);
    await insertProgress(tx, { id: randomUUID(), actionId, reviewId, ...checked, author: actorLabel(ctx.actor), createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.reportProgress', resourceType: 'review', resourceId: reviewId, details: { actionId, percent: checked.percent, status: checked.status }, ip: ctx.ip, requestId: ctx.requestId });
    return (await presentPlan(tx, reviewId)).actions.find((a) => a.id === actionId)!;
  });
}

function planRows(plan: Awaited<ReturnType<typeof presentPlan>>): PlanRow[] {
  return plan.actions.map((a) => ({ title: a.title, ownerInstitution: a.ownerInstitution, deadline: a.deadline, indicators: a.indicators, references: a.recommendations.map((r) => r.reference), progress: a.progress }));
}

/** The plan as a download: CSV (UTF-8 with BOM, so spreadsheets read the accents) or XLSX. */
export async function exportActionPlan(ctx: UseCaseContext, reviewId: string, format: 'csv' | 'xlsx'): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { stored } = await checkRead(ctx, reviewId);
  const rows = planRows(await presentPlan(ctx.db, reviewId));
  const filename = `action-plan-${stored.review.stateUnderReview}-cycle-${stored.row.cycleNumber}.${format}`;
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'followUp.exportPlan', resourceType: 'review', resourceId: reviewId, details: { format, actions: rows.length }, ip: ctx.ip, requestId: ctx.requestId });
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\ufeff${planCsv(rows)}`, 'utf8') };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  const sheet = workbook.addWorksheet('Action plan');
  const widths = [40, 30, 12, 40, 30, 10, 14, 40, 12];
  sheet.columns = PLAN_COLUMNS.map((header, i) => ({ header, key: header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const cells = planCells(row);
    // Percentages stay numbers so that the spreadsheet can sum and chart them.
    sheet.addRow(cells.map((c, i) => (PLAN_COLUMNS[i] === 'progress_percent' && c !== '' ? Number(c) : c)));
  }
  return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
