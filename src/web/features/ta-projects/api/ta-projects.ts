/**
 * Technical assistance matched to funding (docs/TA-PROJECTS.md): the views every signed-in
 * user reads and the secretariat's writes. Amounts travel as decimal strings, never numbers.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProviderKind, TaStatus } from '../../../../domain/ta-projects/projects.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { ProviderKind, TaStatus };
export { PROVIDER_KINDS, TA_STATUSES } from '../../../../domain/ta-projects/projects.ts';

export interface Money {
  currency: string;
  amount: string;
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

export interface UnmetDto {
  cycle: number | null;
  total: number;
  byType: { type: string; count: number }[];
  byRegion: { region: string; count: number }[];
  needs: NeedDto[];
}

export interface PortfolioDto {
  providerKind: ProviderKind;
  providerName: string;
  projects: number;
  byStatus: Record<TaStatus, number>;
  states: string[];
  allocated: Money[];
  spent: Money[];
}

export interface ProjectDto {
  id: string;
  title: string;
  providerKind: ProviderKind;
  providerName: string;
  stateIso3: string;
  stateName: string;
  status: TaStatus;
  description: string;
  results: string;
  needs: string[];
  allocated: Money[];
  spent: Money[];
  allocations: { id: string; contributionId: string; donor: string; currency: string; amount: string }[];
  allocationsHidden: number;
}

export interface ProjectsDto {
  projects: ProjectDto[];
  may: { manage: boolean };
}

export interface StateDto {
  iso3: string;
  name: string;
  needs: { need: NeedDto; recommendations: string[]; projects: { id: string; title: string; providerName: string; status: TaStatus; results: string }[] }[];
}

export interface FundingDto {
  contributions: { id: string; donor: string; kind: string; date: string; currency: string; amount: string; allocated: string; available: string }[];
  expenditures: { id: string; cycle: number; category: string; date: string; currency: string; amount: string; description: string; projectId: string | null }[];
}

const cycleQuery = (cycle: number | null) => (cycle === null ? '' : `?cycle=${cycle}`);
export const coordinationXlsxUrl = (cycle: number | null) => `/api/ta/coordination.xlsx${cycleQuery(cycle)}`;

export function useUnmet(cycle: number | null) {
  return useQuery({ queryKey: ['ta', 'unmet', cycle], queryFn: () => apiRequest<UnmetDto>(`/api/ta/unmet${cycleQuery(cycle)}`), placeholderData: keepPreviousData });
}
export function usePortfolios() {
  return useQuery({ queryKey: ['ta', 'portfolios'], queryFn: () => apiRequest<PortfolioDto[]>('/api/ta/portfolios') });
}
export function useProjects() {
  return useQuery({ queryKey: ['ta', 'projects'], queryFn: () => apiRequest<ProjectsDto>('/api/ta/projects') });
}
export function useStateView(iso3: string) {
  return useQuery({ queryKey: ['ta', 'state', iso3], queryFn: () => apiRequest<StateDto>(`/api/ta/states/${encodeURIComponent(iso3)}`), enabled: iso3 !== '' });
}
export function useFunding(enabled: boolean) {
  return useQuery({ queryKey: ['ta', 'funding'], queryFn: () => apiRequest<FundingDto>('/api/ta/funding'), enabled });
}

/** One write of the secretariat; every view reloads after it. */
export function useTaWrite<T>(path: (input: T) => string, method: 'POST' | 'PUT' = 'POST', body: (input: T) => unknown = (input) => input) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => apiRequest<unknown>(path(input), { method, body: body(input) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ta'] }),
  });
}
