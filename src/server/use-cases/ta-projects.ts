/**
 * @module ta-projects use cases (writes)
 * The secretariat records technical-assistance projects (docs/TA-PROJECTS.md): a project for
 * needs of one State, its status step by step, funding allocated from contributions, spending
 * attributed from expenditures, and the recommendations a need serves. Each write is checked
 * in full, runs in one transaction and is audited; an allocation is checked with the
 * contribution's row locked, so two at once cannot over-allocate it.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { formatMinor, parseAmount } from '../../domain/finance/money.ts';
import { checkAllocation, checkAttribution } from '../../domain/ta-projects/allocation.ts';
import { checkProjectNeeds, checkProvider, checkRecommendationLink, checkTransition, formatNeedKey, isTaStatus, parseNeedKey, type TaStatus } from '../../domain/ta-projects/projects.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import {
  contributionForAllocation,
  expenditureForAttribution,
  findNeeds,
  findProjectForUpdate,
  findRecommendation,
  insertAllocation,
  insertAttribution,
  insertNeedRecommendation,
  insertProject,
  updateProjectStatus,
} from '../../db/repositories/ta-projects.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from './context.ts';

function audit(ctx: UseCaseContext, db: DbOrTx, action: string, resourceId: string, details: Record<string, unknown>) {
  return appendAudit(db, { actor: ctx.actor, action, resourceType: 'ta-project', resourceId, details, ip: ctx.ip, requestId: ctx.requestId });
}

async function existingNeeds(db: DbOrTx, keys: readonly string[]) {
  const normalised = keys.map((k) => formatNeedKey(parseNeedKey(k)));
  const found = await findNeeds(db, normalised);
  const missing = normalised.filter((k) => !found.some((n) => n.key === k));
  if (missing.length > 0) throw new DomainError('ta.invalid', `No such need (or its report is not finalised yet): ${missing.join(', ')}.`, { needs: missing });
  return normalised.map((k) => found.find((n) => n.key === k)!);
}

export interface ProjectInput {
  title: string;
  providerKind: string;
  providerName: string;
  status?: string | undefined;
  description?: string | undefined;
  needs: string[];
}

export async function createProject(ctx: UseCaseContext, input: ProjectInput): Promise<{ id: string }> {
  authorize(ctx.actor, 'ta.manage');
  const title = input.title.trim();
  if (title === '') throw new DomainError('ta.invalid', 'Give the project a title.');
  const provider = checkProvider(input.providerKind, input.providerName);
  const status = input.status ?? 'offered';
  if (!isTaStatus(status)) throw new DomainError('ta.invalid', `Unknown status '${status}'.`);
  const keys = input.needs.map((k) => formatNeedKey(parseNeedKey(k)));
  checkProjectNeeds(keys.map((key) => ({ key, stateIso3: '' })));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const needs = await existingNeeds(tx, keys);
    const stateIso3 = checkProjectNeeds(needs);
    await insertProject(
      tx,
      { id, title, providerKind: provider.kind, providerName: provider.name, stateIso3, status, description: input.description?.trim() ?? '', createdBy: actorLabel(ctx.actor), createdAt: ctx.now, updatedAt: ctx.now },
      needs.map((n) => ({ needKey: n.key, stateIso3 })),
    );
    await audit(ctx, tx, 'ta.createProject', id, { title, provider, state: stateIso3, status, needs: keys });
  });
  return { id };
}

async function lockedProject(tx: DbOrTx, id: string) {
  const project = await findProjectForUpdate(tx, id);
  if (!project) throw new DomainError('resource.notFound', 'No such project.');
  return project;
}

export async function changeStatus(ctx: UseCaseContext, id: string, input: { status: string; results?: string | undefined }): Promise<{ status: TaStatus; version: number }> {
  authorize(ctx.actor, 'ta.manage');
  if (!isTaStatus(input.status)) throw new DomainError('ta.invalid', `Unknown status '${input.status}'.`);
  const to = input.status;
  return ctx.db.transaction(async (tx) => {
    const project = await lockedProject(tx, id);
    checkTransition(project.status as TaStatus, to);
    const results = input.results?.trim() || project.results;
    const version = project.version + 1;
    await updateProjectStatus(tx, id, { status: to, results, updatedAt: ctx.now, version });
    await audit(ctx, tx, 'ta.changeStatus', id, { from: project.status, to, results: results === project.results ? undefined : results });
    return { status: to, version };
  });
}

export async function allocateFunding(ctx: UseCaseContext, projectId: string, input: { contributionId: string; amount: string }): Promise<{ id: string; available: string; currency: string }> {
  authorize(ctx.actor, 'ta.manage');
  return ctx.db.transaction(async (tx) => {
    await lockedProject(tx, projectId);
    const found = await contributionForAllocation(tx, input.contributionId);
    if (!found) throw new DomainError('ta.invalid', 'No such contribution in the finance records.', { contribution: input.contributionId });
    const { currency } = found.row;
    const amountMinor = parseAmount(input.amount, currency);
    const left = checkAllocation({ id: found.row.id, currency, amountMinor: found.row.amountMinor, withdrawn: found.row.withdrawnAt !== null, allocatedMinor: found.allocatedMinor }, amountMinor);
    const id = randomUUID();
    await insertAllocation(tx, { id, projectId, contributionId: found.row.id, amountMinor, recordedBy: actorLabel(ctx.actor), recordedAt: ctx.now });
    await audit(ctx, tx, 'ta.allocateFunding', projectId, { contribution: found.row.id, amount: formatMinor(amountMinor, currency), currency });
    return { id, available: formatMinor(left, currency), currency };
  });
}

export async function attributeExpenditure(ctx: UseCaseContext, projectId: string, input: { expenditureId: string }): Promise<void> {
  authorize(ctx.actor, 'ta.manage');
  await ctx.db.transaction(async (tx) => {
    await lockedProject(tx, projectId);
    const found = await expenditureForAttribution(tx, input.expenditureId);
    if (!found) throw new DomainError('ta.invalid', 'No such expenditure in the finance records.', { expenditure: input.expenditureId });
    checkAttribution({ id: found.row.id, withdrawn: found.row.withdrawnAt !== null, attributedTo: found.attributedTo }, projectId);
    await insertAttribution(tx, { expenditureId: found.row.id, projectId, recordedBy: actorLabel(ctx.actor), recordedAt: ctx.now });
    await audit(ctx, tx, 'ta.attributeExpenditure', projectId, { expenditure: found.row.id, amount: formatMinor(found.row.amountMinor, found.row.currency), currency: found.row.currency });
  });
}

export async function linkRecommendation(ctx: UseCaseContext, input: { need: string; reference: string }): Promise<{ linked: boolean }> {
  authorize(ctx.actor, 'ta.manage');
  const reference = input.reference.trim().toUpperCase();
  return ctx.db.transaction(async (tx) => {
    const [need] = await existingNeeds(tx, [input.need]);
    const recommendation = await findRecommendation(tx, reference);
    if (!recommendation) throw new DomainError('ta.invalid', `No recommendation ${reference} in a finalised report.`, { recommendation: reference });
    checkRecommendationLink(need!, recommendation);
    const linked = await insertNeedRecommendation(tx, { needKey: need!.key, reference: recommendation.reference, stateIso3: need!.stateIso3, linkedBy: actorLabel(ctx.actor), linkedAt: ctx.now });
    if (linked) await audit(ctx, tx, 'ta.linkRecommendation', need!.key, { recommendation: recommendation.reference });
    return { linked };
  });
}
