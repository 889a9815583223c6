/**
 * Follow-up of recommendations (docs/FOLLOW-UP.md): one review's follow-up with its rounds,
 * self-reports and assessments; the national action plan; the dashboards.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgressStatus } from '../../../../domain/follow-up/action-plans.ts';
import type { Dimension } from '../../../../domain/follow-up/dashboard.ts';
import type { FollowUpStatus, StatusOrNone } from '../../../../domain/follow-up/statuses.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { Dimension, FollowUpStatus, ProgressStatus, StatusOrNone };
export { FOLLOW_UP_STATUSES, NOT_ASSESSED } from '../../../../domain/follow-up/statuses.ts';
export { PROGRESS_STATUSES } from '../../../../domain/follow-up/action-plans.ts';
export { DIMENSIONS } from '../../../../domain/follow-up/dashboard.ts';

export interface Link {
  url: string;
  title: string;
}
export interface Statistic {
  label: string;
  value: string;
  period: string;
}
export type HistoryEntry =
  | { kind: 'self-report'; round: number; version: number; status: FollowUpStatus; narrative: string; links: Link[]; statistics: Statistic[]; documents: { id: string; filename: string }[]; author: string; on: string; at: string }
  | { kind: 'assessment'; round: number; version: number; status: FollowUpStatus; note: string; side: 'secretariat' | 'reviewing'; author: string; on: string; at: string };

export interface FollowUpRecommendation {
  article: number;
  sequence: number;
  reference: string;
  text: string;
  latest: { status: FollowUpStatus; round: number; assessedOn: string } | null;
  claimed: { status: FollowUpStatus; round: number; submittedOn: string } | null;
  history: HistoryEntry[];
}

export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface FollowUpResponse {
  reviewId: string;
  cycle: number;
  state: { iso3: string; name: string };
  finalisedOn: string | null;
  settings: { intervalMonths: number; responseDays: number };
  rounds: { number: number; opensOn: string; dueOn: string; closedOn: string | null; state: 'scheduled' | 'open' | 'overdue' | 'closed' }[];
  upcoming: { number: number; opensOn: string; dueOn: string } | null;
  canSeeDetail: boolean;
  may: { report: boolean; assess: boolean; manage: boolean; plan: boolean };
  evidenceFiles: EvidenceFile[];
  recommendations: FollowUpRecommendation[];
}

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}`;
export const evidenceHref = (reviewId: string, fileId: string) => `${base(reviewId)}/follow-up/evidence/${encodeURIComponent(fileId)}`;
export const planExportHref = (reviewId: string, format: 'csv' | 'xlsx') => `${base(reviewId)}/action-plan.${format}`;

export function useFollowUp(reviewId: string) {
  return useQuery({ queryKey: ['follow-up', reviewId], queryFn: () => apiRequest<FollowUpResponse>(`${base(reviewId)}/follow-up`) });
}

function useRefresh(reviewId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['follow-up', reviewId] });
    void queryClient.invalidateQueries({ queryKey: ['follow-up-dashboard'] });
  };
}

export function useOpenRound(reviewId: string) {
  const refresh = useRefresh(reviewId);
  return useMutation({ mutationFn: () => apiRequest(`${base(reviewId)}/follow-up/rounds`, { method: 'POST', body: {} }), onSuccess: refresh });
}

export function useCloseRound(reviewId: string) {
  const refresh = useRefresh(reviewId);
  return useMutation({ mutationFn: (round: number) => apiRequest(`${base(reviewId)}/follow-up/rounds/${round}/close`, { method: 'POST' }), onSuccess: refresh });
}

export function useUploadEvidence(reviewId: string) {
  const refresh = useRefresh(reviewId);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<{ file: EvidenceFile }>(`${base(reviewId)}/follow-up/evidence`, { method: 'POST', body: form });
    },
    onSuccess: refresh,
  });
}

export interface SelfReportBody {
  status: FollowUpStatus;
  narrative: string;
  links: Link[];
  statistics: Statistic[];
  documents: string[];
}

const recommendationPath = (reviewId: string, round: number, r: { article: number; sequence: number }) => `${base(reviewId)}/follow-up/rounds/${round}/recommendations/${r.article}/${r.sequence}`;

export function useSelfReport(reviewId: string, round: number, recommendation: { article: number; sequence: number }) {
  const refresh = useRefresh(reviewId);
  return useMutation({ mutationFn: (body: SelfReportBody) => apiRequest(`${recommendationPath(reviewId, round, recommendation)}/self-reports`, { method: 'POST', body }), onSuccess: refresh });
}

export function useAssess(reviewId: string, round: number, recommendation: { article: number; sequence: number }) {
  const refresh = useRefresh(reviewId);
  return useMutation({ mutationFn: (body: { status: FollowUpStatus; note: string }) => apiRequest(`${recommendationPath(reviewId, round, recommendation)}/assessments`, { method: 'POST', body }), onSuccess: refresh });
}

export interface ActionDto {
  id: string;
  version: number;
  title: string;
  ownerInstitution: string;
  deadline: string;
  indicators: string[];
  recommendations: { article: number; sequence: number; reference: string }[];
  progress: { percent: number | null; status: ProgressStatus; note: string; reportedOn: string; author: string } | null;
  progressHistory: { percent: number | null; status: ProgressStatus; note: string; reportedOn: string; author: string }[];
  updatedBy: string;
  updatedAt: string;
}

export interface ActionPlanResponse {
  reviewId: string;
  cycle: number;
  stateIso3: string;
  finalisedOn: string | null;
  recommendations: { article: number; sequence: number; reference: string; text: string }[];
  actions: ActionDto[];
  may: { edit: boolean };
}

export function useActionPlan(reviewId: string) {
  return useQuery({ queryKey: ['action-plan', reviewId], queryFn: () => apiRequest<ActionPlanResponse>(`${base(reviewId)}/action-plan`) });
}

export interface ActionBody {
  title: string;
  ownerInstitution: string;
  deadline: string;
  indicators: string[];
  recommendations: { article: number; sequence: number }[];
  version: number;
}

export function useSaveAction(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ActionBody }) =>
      apiRequest<{ action: ActionDto }>(id ? `${base(reviewId)}/action-plan/actions/${encodeURIComponent(id)}` : `${base(reviewId)}/action-plan/actions`, { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['action-plan', reviewId] }),
  });
}

export function useReportProgress(reviewId: string, actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { percent: number | null; status: ProgressStatus; note: string }) => apiRequest<{ action: ActionDto }>(`${base(reviewId)}/action-plan/actions/${encodeURIComponent(actionId)}/progress`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['action-plan', reviewId] }),
  });
}

export interface Figure {
  counts: Record<StatusOrNone, number>;
  total: number;
  shareImplemented: number | null;
}

export interface DashboardResponse {
  asAt: string;
  isPublishedOnly: boolean;
  totals: Figure;
  by: Record<Dimension, ({ key: string } & Figure)[]>;
  quarterly: ({ quarter: string; day: string } & Figure)[];
  mostOutstanding: { stateIso3: string; name: string; outstanding: number; total: number }[];
}

export interface DashboardFilter {
  asAt: string;
  cycle?: string;
  article?: string;
  chapter?: string;
  regionalGroup?: string;
}

function query(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  return params.toString();
}

export function useDashboard(filter: DashboardFilter) {
  return useQuery({ queryKey: ['follow-up-dashboard', filter], queryFn: () => apiRequest<DashboardResponse>(`/api/follow-up/dashboard?${query({ ...filter })}`), placeholderData: keepPreviousData });
}

export interface Behind {
  dimension?: Dimension;
  key?: string;
  status?: StatusOrNone;
  outstanding?: 'true';
  stateIso3?: string;
}

export interface DashboardListResponse {
  asAt: string;
  recommendations: { reviewId: string; reference: string; stateIso3: string; stateName: string; cycle: number; article: number; chapter: string; regionalGroup: string; text: string; status: StatusOrNone }[];
}

export function useDashboardList(filter: DashboardFilter, behind: Behind | null) {
  return useQuery({
    queryKey: ['follow-up-dashboard', 'list', filter, behind],
    queryFn: () => apiRequest<DashboardListResponse>(`/api/follow-up/dashboard/recommendations?${query({ ...filter, ...behind })}`),
    enabled: behind !== null,
  });
}
