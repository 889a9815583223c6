/**
 * @module ta-projects/views
 * What donors and the secretariat look at: needs nobody provides for yet (what to fund next),
 * each provider's portfolio, and one State's needs → projects → status and results.
 */
import { ASSISTANCE_TYPES } from '../reviews/checklist.ts';
import { sumByCurrency } from './allocation.ts';
import { TA_STATUSES, type Need, type ProviderKind, type TaStatus } from './projects.ts';

export interface ProjectSummary {
  id: string;
  title: string;
  providerKind: ProviderKind;
  providerName: string;
  stateIso3: string;
  status: TaStatus;
  results: string;
  needKeys: string[];
  allocations: { currency: string; amountMinor: bigint }[];
  spending: { currency: string; amountMinor: bigint }[];
}

/** Regional groups in the order the UN lists them; a State with none counts under 'none'. */
export const REGION_ORDER = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other', 'none'] as const;

export interface UnmetNeeds {
  total: number;
  /** A need counts once under each of its types, so these may add up to more than the total. */
  byType: { type: string; count: number }[];
  byRegion: { region: string; count: number }[];
  needs: (Need & { region: string })[];
}

/** Needs that no project serves yet, counted by type and by regional group, with the list. */
export function unmetNeeds(needs: readonly Need[], served: ReadonlySet<string>, regionOf: (iso3: string) => string | null): UnmetNeeds {
  const open = needs.filter((n) => !served.has(n.key)).map((n) => ({ ...n, region: regionOf(n.stateIso3) ?? 'none' }));
  open.sort((a, b) => a.stateIso3.localeCompare(b.stateIso3) || a.cycle - b.cycle || a.article - b.article || a.key.localeCompare(b.key));
  const byType = ASSISTANCE_TYPES.map((type) => ({ type: String(type), count: open.filter((n) => n.types.includes(type)).length }));
  const byRegion = REGION_ORDER.map((region) => ({ region: String(region), count: open.filter((n) => n.region === region).length }));
  return { total: open.length, byType, byRegion, needs: open };
}

export interface Portfolio {
  providerKind: ProviderKind;
  providerName: string;
  projects: number;
  byStatus: Record<TaStatus, number>;
  states: string[];
  allocated: { currency: string; amountMinor: bigint }[];
  spent: { currency: string; amountMinor: bigint }[];
}

/** One portfolio per provider (kind and name), largest first. */
export function portfolios(projects: readonly ProjectSummary[]): Portfolio[] {
  const groups = new Map<string, ProjectSummary[]>();
  for (const p of projects) {
    const id = `${p.providerKind}\u0000${p.providerName.toLowerCase()}`;
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  return [...groups.values()]
    .map((list) => ({
      providerKind: list[0]!.providerKind,
      providerName: list[0]!.providerName,
      projects: list.length,
      byStatus: Object.fromEntries(TA_STATUSES.map((s) => [s, list.filter((p) => p.status === s).length])) as Record<TaStatus, number>,
      states: [...new Set(list.map((p) => p.stateIso3))].sort(),
      allocated: sumByCurrency(list.flatMap((p) => p.allocations)),
      spent: sumByCurrency(list.flatMap((p) => p.spending)),
    }))
    .sort((a, b) => b.projects - a.projects || a.providerName.localeCompare(b.providerName));
}

export interface StateNeedLine {
  need: Need;
  recommendations: string[];
  projects: { id: string; title: string; providerName: string; status: TaStatus; results: string }[];
}

/** A State's needs, each with the recommendations it serves and the projects serving it. */
export function stateView(iso3: string, needs: readonly Need[], projects: readonly ProjectSummary[], recommendationsOf: (needKey: string) => string[]): StateNeedLine[] {
  const own = projects.filter((p) => p.stateIso3 === iso3);
  return needs
    .filter((n) => n.stateIso3 === iso3)
    .sort((a, b) => a.cycle - b.cycle || a.article - b.article || a.key.localeCompare(b.key))
    .map((need) => ({
      need,
      recommendations: recommendationsOf(need.key),
      projects: own.filter((p) => p.needKeys.includes(need.key)).map((p) => ({ id: p.id, title: p.title, providerName: p.providerName, status: p.status, results: p.results })),
    }));
}
