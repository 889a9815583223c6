/**
 * The country review report of one review (docs/REPORTS.md §1): one section per article
 * under review, each saved whole with the version it started from, its versions, comments
 * per section, and the steps share → State agrees → finalise.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agreement, ReportStatus, SectionContent } from '../../../../domain/reports/report.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { ReportStatus, SectionContent };

export interface SectionDto {
  article: number;
  title: string;
  /** The chapter of the Convention, as a Roman numeral ("II"). */
  chapter: string;
  /** 0: nothing written yet. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Everyone who saved a version of the section. */
  authors: string[];
  content: SectionContent;
  commentCount: number;
}

export interface ReportAbilities {
  draft: boolean;
  comment: boolean;
  share: boolean;
  agree: boolean;
  finalise: boolean;
}

export interface ReportResponse {
  reviewId: string;
  cycle: number;
  state: { iso3: string; name: string };
  status: ReportStatus;
  sharedAt: string | null;
  agreement: Agreement | null;
  /** false once a section changed after the State agreed: it must agree again. */
  agreementHolds: boolean;
  finalisedAt: string | null;
  may: ReportAbilities;
  sections: SectionDto[];
}

export interface SectionVersionDto {
  version: number;
  author: string;
  createdAt: string;
  content: SectionContent;
}

export type CommentSide = 'secretariat' | 'reviewing' | 'under-review';

export interface ReportCommentDto {
  id: string;
  author: string;
  side: CommentSide;
  body: string;
  createdAt: string;
}

export type ReportStep = 'share' | 'agree' | 'finalise';

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/report`;
const sectionPath = (reviewId: string, article: number) => `${base(reviewId)}/sections/${encodeURIComponent(String(article))}`;

export const reportKey = (reviewId: string) => ['report', reviewId] as const;

export const reportDocxUrl = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/report.docx`;
export const reportPdfUrl = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/report.pdf`;

export function useReport(reviewId: string) {
  return useQuery({ queryKey: reportKey(reviewId), queryFn: () => apiRequest<ReportResponse>(base(reviewId)) });
}

export function saveSection(reviewId: string, article: number, input: { content: SectionContent; version: number }): Promise<{ section: SectionDto }> {
  return apiRequest<{ section: SectionDto }>(sectionPath(reviewId, article), { method: 'PUT', body: input });
}

/**
 * Puts a saved (or taken-over) section into the cached report, then reloads the report: a
 * save can void the State's agreement, which changes the status.
 */
export function useStoreSection(reviewId: string) {
  const queryClient = useQueryClient();
  return (section: SectionDto) => {
    queryClient.setQueryData<ReportResponse>(reportKey(reviewId), (old) =>
      old ? { ...old, sections: old.sections.map((s) => (s.article === section.article ? { ...section, commentCount: s.commentCount } : s)) } : old,
    );
    void queryClient.invalidateQueries({ queryKey: reportKey(reviewId) });
    void queryClient.invalidateQueries({ queryKey: ['report-section-versions', reviewId, section.article] });
  };
}

export function useSectionVersions(reviewId: string, article: number, enabled: boolean) {
  return useQuery({
    queryKey: ['report-section-versions', reviewId, article],
    queryFn: () => apiRequest<{ versions: SectionVersionDto[] }>(`${sectionPath(reviewId, article)}/versions`),
    enabled,
  });
}

const commentsKey = (reviewId: string, article: number) => ['report-section-comments', reviewId, article] as const;

export function useSectionComments(reviewId: string, article: number, enabled: boolean) {
  return useQuery({
    queryKey: commentsKey(reviewId, article),
    queryFn: () => apiRequest<{ comments: ReportCommentDto[] }>(`${sectionPath(reviewId, article)}/comments`),
    enabled,
  });
}

export function useAddComment(reviewId: string, article: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiRequest<{ comment: ReportCommentDto }>(`${sectionPath(reviewId, article)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: ({ comment }) => {
      queryClient.setQueryData<{ comments: ReportCommentDto[] }>(commentsKey(reviewId, article), (old) => ({ comments: [...(old?.comments ?? []), comment] }));
      queryClient.setQueryData<ReportResponse>(reportKey(reviewId), (old) =>
        old ? { ...old, sections: old.sections.map((s) => (s.article === article ? { ...s, commentCount: s.commentCount + 1 } : s)) } : old,
      );
    },
  });
}

/** Share the draft, agree to it (the State), or finalise it: each answers with the whole report. */
export function useReportStep(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ReportStep) => apiRequest<ReportResponse>(`${base(reviewId)}/${step}`, { method: 'POST' }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKey(reviewId), report);
      // Each step records a milestone of the review.
      return queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
}
