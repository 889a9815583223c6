/**
 * Technical-assistance needs (docs: "Technical-assistance needs"): the figures of a cycle,
 * the classifier, its review queue and corrections.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AssistanceStatsDto {
  cycle: number;
  chapters: string[];
  total: number;
  statesWithNeeds: number;
  byType: Record<string, number>;
  byArticle: Record<string, number>;
  byChapter: Record<string, number>;
  statesByChapter: Record<string, number>;
  shares: { byType: Record<string, number>; byArticle: Record<string, number>; byChapter: Record<string, number> };
  groups: { id: string; articles: number[]; count: number; share: number; shareOfChapter: Record<string, number>; statesWithNeeds: number }[];
  behind: { states: string[]; byType: Record<string, string[]>; byArticle: Record<string, string[]>; byChapter: Record<string, string[]>; groups: Record<string, string[]> } | null;
  may: { readDetail: boolean; review: boolean; import: boolean };
}

export interface ScoredType {
  type: string;
  confidence: number;
  evidence: string[];
}

export interface QueueDto {
  pending: number;
  corrections: number;
  needs: { id: string; cycle: number; state: string; article: number; text: string; types: string[]; suggested: { type: string; confidence: number }[]; version: number }[];
}

export function useAssistanceStats(cycle: number | null) {
  return useQuery({
    queryKey: ['assistance-stats', cycle],
    queryFn: () => apiRequest<AssistanceStatsDto>(`/api/stats/assistance?cycle=${cycle}`),
    enabled: cycle !== null,
  });
}

export function useClassifyNeed() {
  return useMutation({ mutationFn: (text: string) => apiRequest<{ types: ScoredType[] }>('/api/assistance/classify', { method: 'POST', body: { text } }) });
}

export function useAssistanceQueue(enabled: boolean) {
  return useQuery({ queryKey: ['assistance-queue'], queryFn: () => apiRequest<QueueDto>('/api/assistance/queue'), enabled });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['assistance-queue'] }), queryClient.invalidateQueries({ queryKey: ['assistance-stats'] })]);
}

export function useReviewNeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; types: string[]; version: number }) => apiRequest<{ id: string }>(`/api/assistance/needs/${encodeURIComponent(input.id)}/review`, { method: 'POST', body: { types: input.types, version: input.version } }),
    onSuccess: invalidate,
  });
}

export function useCorrectNeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { text: string; types: string[] }) => apiRequest<{ id: string; corrections: number }>('/api/assistance/corrections', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}
