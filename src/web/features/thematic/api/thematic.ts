/** The thematic report of a cycle (docs/ANALYTICS.md "Thematic reports"). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ChallengeGroupDto {
  stem: string;
  label: string;
  states: number;
  examples: { state: string; text: string }[];
}

export interface ThematicArticleDto {
  article: number;
  title: string;
  statesWithRecommendations: number;
  recommendations: number;
  statesWithGoodPractices: number;
  goodPractices: number;
  challengeTexts: number;
  challenges: ChallengeGroupDto[];
  otherChallenges: number;
}

export interface ThematicChapterDto {
  chapter: string;
  title: string;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  articles: ThematicArticleDto[];
}

export interface ThematicDto {
  cycle: number;
  named: boolean;
  scope: 'published' | 'all';
  completedReviews: number;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  cycleChapters: { chapter: string; title: string }[];
  chapters: ThematicChapterDto[];
}

export function thematicQuery(cycle: number, named: boolean, language: string): string {
  return new URLSearchParams({ cycle: String(cycle), named: String(named), lang: language }).toString();
}

export function useThematic(cycle: number | null, named: boolean, language: string) {
  const query = cycle === null ? '' : thematicQuery(cycle, named, language);
  return useQuery({
    queryKey: ['thematic', query],
    queryFn: ({ signal }) => apiRequest<ThematicDto>(`/api/thematic?${query}`, { signal }),
    enabled: cycle !== null,
    placeholderData: keepPreviousData,
  });
}
