/**
 * The public pages' data (docs/PUBLIC.md): the review schedule and a State's country profile.
 * No account needed; stage, dates and published material only.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import type { DialogueType, MilestoneKind } from '../../../../domain/reviews/milestones.ts';
import type { PublishedMaterial } from '../../../../domain/reviews/public-view.ts';
import type { Stage } from '../../../../domain/reviews/stages.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface PublicDialogue {
  date: string;
  /** false: the indicative due date, the dialogue is not held yet. */
  held: boolean;
  type: DialogueType | null;
}

export interface ScheduleRow {
  id: string;
  stateUnderReview: string;
  regionalGroup: RegionalGroup | null;
  cycle: number;
  cohortYear: number;
  reviewers: [string, string];
  stage: Stage;
  startDate: string | null;
  dialogue: PublicDialogue | null;
}

export interface ScheduleResponse {
  asOf: string;
  reviews: ScheduleRow[];
}

export interface StateRef {
  iso3: string;
  name: string;
  names: Partial<Record<UnLanguage, string>>;
}

export interface ProfileReview {
  id: string;
  cycle: number;
  cohortYear: number;
  stage: Stage;
  reviewers: StateRef[];
  startDate: string | null;
  dialogue: PublicDialogue | null;
  milestones: { kind: MilestoneKind; date: string; dialogueType: DialogueType | null }[];
  pauses: { from: string; to: string | null }[];
  /** The review's published material in its per-review shape: read when the profile has no top-level lists. */
  published?: PublishedMaterial;
}

/** A published document of the State: the latest publication of a document in a language (docs/REPORTS.md §3). */
export interface PublicDocument {
  publicationId: string;
  cycle: number;
  document: 'report' | 'summary' | 'checklist';
  language: UnLanguage;
  version: number;
  note: string | null;
  publishedAt: string;
  corrections: { version: number; publishedAt: string; note: string | null }[];
}

export interface PublicRecommendation {
  /** Stable: cycle/ISO3/article/sequence. */
  reference: string;
  cycle: number;
  article: number;
  text: string;
}

export interface PublicGoodPractice {
  cycle: number;
  article: number;
  text: string;
}

export interface CountryProfileResponse {
  asOf: string;
  state: StateRef & { regionalGroup: RegionalGroup | null; isParty: boolean; becameParty: { effectiveOn: string | null; precision: string } | null };
  reviews: ProfileReview[];
  asReviewer: { reviewId: string; cycle: number; stateUnderReview: StateRef }[];
  /** Every cycle's published documents, recommendations and good practices (absent from servers before issue 5). */
  documents?: PublicDocument[];
  recommendations?: PublicRecommendation[];
  goodPractices?: PublicGoodPractice[];
}

export const FEED_URL = '/api/public/feed.atom';
export const countryFeedUrl = (iso3: string) => `/api/public/countries/${encodeURIComponent(iso3)}/feed.atom`;

export function scheduleQueryOptions() {
  return queryOptions({ queryKey: ['public', 'schedule'], queryFn: () => apiRequest<ScheduleResponse>('/api/public/schedule') });
}

export function useSchedule() {
  return useQuery(scheduleQueryOptions());
}

export function countryProfileQueryOptions(iso3: string) {
  return queryOptions({ queryKey: ['public', 'country', iso3.toUpperCase()], queryFn: () => apiRequest<CountryProfileResponse>(`/api/public/countries/${encodeURIComponent(iso3)}`) });
}

export function useCountryProfile(iso3: string) {
  return useQuery(countryProfileQueryOptions(iso3));
}
