/**
 * @module ta-projects use cases (reads)
 * What every signed-in user sees of technical assistance matched to funding
 * (docs/TA-PROJECTS.md): needs with no provider yet, providers' portfolios, the projects and
 * one State's needs → projects → results. A donor's individual allocations are shown only to
 * the secretariat and that donor (the finance rule); everyone else sees the totals.
 */
import { apiNeedType } from '../../domain/analytics/needs-types.ts';
import { formatMinor } from '../../domain/finance/money.ts';
import type { AssistanceType } from '../../domain/reviews/checklist.ts';
import { sumByCurrency } from '../../domain/ta-projects/allocation.ts';
import type { Need, ProviderKind, TaStatus } from '../../domain/ta-projects/projects.ts';
import { portfolios, stateView, unmetNeeds, type ProjectSummary } from '../../domain/ta-projects/views.ts';
import { authorize, may } from '../../policies/policy.ts';
import { listPartyRows } from '../../db/repositories/parties.ts';
import { fundingSources, listNeedRecommendations, loadNeeds, loadProjects, servedNeedKeys, type ProjectData } from '../../db/repositories/ta-projects.ts';
import type { DbOrTx } from '../../db/client.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UseCaseContext } from './context.ts';

type Money = { currency: string; amount: string };
const money = (items: { currency: string; amountMinor: bigint }[]): Money[] => items.map((i) => ({ currency: i.currency, amount: formatMinor(i.amountMinor, i.currency) }));
const apiTypes = (types: readonly string[]) => types.map((t) => apiNeedType(t as AssistanceType));

async function parties(db: DbOrTx) {
  const rows = await listPartyRows(db);
  return { name: new Map(rows.map((p) => [p.iso3, p.nameUn])), region: new Map(rows.map((p) => [p.iso3, p.regionalGroup])) };
}

function summaries(data: ProjectData): ProjectSummary[] {
  return data.projects.map((p) => ({
    id: p.id,
    title: p.title,
    providerKind: p.providerKind as ProviderKind,
    providerName: p.providerName,
    stateIso3: p.stateIso3,
    status: p.status as TaStatus,
    results: p.results,
    needKeys: data.needs.filter((n) => n.projectId === p.id).map((n) => n.needKey),
    allocations: data.allocations.filter((a) => a.projectId === p.id),
    spending: data.spending.filter((s) => s.projectId === p.id),
  }));
}

export interface NeedDto {
  key: string;
  stateIso3: string;
  stateName: string;
  region: string;
  cycle: number;
  article: number;
  types: string[];
  text: string;
}

function needDto(need: Need, names: Map<string, string>, region: string | null): NeedDto {
  return { key: need.key, stateIso3: need.stateIso3, stateName: names.get(need.stateIso3) ?? need.stateIso3, region: region ?? 'none', cycle: need.cycle, article: need.article, types: apiTypes(need.types), text: need.text };
}

export async function getUnmetNeeds(ctx: UseCaseContext, cycle?: number) {
  authorize(ctx.actor, 'ta.read');
  const { name, region } = await parties(ctx.db);
  const view = unmetNeeds(await loadNeeds(ctx.db, { cycle }), await servedNeedKeys(ctx.db), (iso3) => region.get(iso3) ?? null);
  return {
    cycle: cycle ?? null,
    total: view.total,
    byType: view.byType.map((t) => ({ type: apiNeedType(t.type as AssistanceType), count: t.count })),
    byRegion: view.byRegion,
    needs: view.needs.map((n) => needDto(n, name, n.region)),
  };
}

export async function getPortfolios(ctx: UseCaseContext) {
  authorize(ctx.actor, 'ta.read');
  return portfolios(summaries(await loadProjects(ctx.db))).map((p) => ({ ...p, allocated: money(p.allocated), spent: money(p.spent) }));
}

function mayReadDonor(ctx: UseCaseContext, donorIso3: string | null): boolean {
  // A donor that is not a State party has no account acting for it: the secretariat only.
  return may(ctx.actor, 'finance.readDonor', donorIso3 === null ? {} : { donorIso3 });
}

export async function listProjects(ctx: UseCaseContext, state?: string) {
  authorize(ctx.actor, 'ta.read');
  const data = await loadProjects(ctx.db, state);
  const { name } = await parties(ctx.db);
  return {
    projects: summaries(data).map((p) => {
      const visible = data.allocations.filter((a) => a.projectId === p.id && mayReadDonor(ctx, a.donorIso3));
      return {
        id: p.id,
        title: p.title,
        providerKind: p.providerKind,
        providerName: p.providerName,
        stateIso3: p.stateIso3,
        stateName: name.get(p.stateIso3) ?? p.stateIso3,
        status: p.status,
        description: data.projects.find((r) => r.id === p.id)!.description,
        results: p.results,
        needs: p.needKeys,
        allocated: money(sumByCurrency(p.allocations)),
        spent: money(sumByCurrency(p.spending)),
        allocations: visible.map((a) => ({ id: a.id, contributionId: a.contributionId, donor: a.donorIso3 !== null ? (name.get(a.donorIso3) ?? a.donorIso3) : (a.donorName ?? ''), currency: a.currency, amount: formatMinor(a.amountMinor, a.currency) })),
        allocationsHidden: p.allocations.length - visible.length,
      };
    }),
    may: { manage: may(ctx.actor, 'ta.manage') },
  };
}

export async function getStateView(ctx: UseCaseContext, iso3: string) {
  authorize(ctx.actor, 'ta.read');
  const state = iso3.toUpperCase();
  const { name, region } = await parties(ctx.db);
  if (!name.has(state)) throw new DomainError('party.unknown', `${state} is not in the list of States.`, { iso3: state });
  const links = await listNeedRecommendations(ctx.db, state);
  const lines = stateView(state, await loadNeeds(ctx.db, { state }), summaries(await loadProjects(ctx.db, state)), (key) => links.filter((l) => l.needKey === key).map((l) => l.reference));
  return {
    iso3: state,
    name: name.get(state)!,
    needs: lines.map((l) => ({ need: needDto(l.need, name, region.get(state) ?? null), recommendations: l.recommendations, projects: l.projects })),
  };
}

/** The secretariat's picking lists for the funding forms. */
export async function getFundingSources(ctx: UseCaseContext) {
  authorize(ctx.actor, 'ta.manage');
  const { name } = await parties(ctx.db);
  const sources = await fundingSources(ctx.db);
  return {
    contributions: sources.contributions.map((c) => ({
      id: c.id,
      donor: c.donorIso3 !== null ? (name.get(c.donorIso3) ?? c.donorIso3) : (c.donorName ?? ''),
      kind: c.kind,
      date: c.date,
      currency: c.currency,
      amount: formatMinor(c.amountMinor, c.currency),
      allocated: formatMinor(c.allocatedMinor, c.currency),
      available: formatMinor(c.amountMinor - c.allocatedMinor, c.currency),
    })),
    expenditures: sources.expenditures.map((e) => ({ id: e.id, cycle: e.cycle, category: e.category, date: e.date, currency: e.currency, amount: formatMinor(e.amountMinor, e.currency), description: e.description, projectId: e.projectId })),
  };
}
