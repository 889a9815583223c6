import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssistanceType, ChecklistFormat, Compliance } from '../../../../domain/reviews/checklist.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Obligation } from '../../convention/api/get-convention.ts';

export interface AnswerDto {
  compliance: Compliance | null;
  text: string;
  assistanceNeeds: { types: string[]; text: string };
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface AttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ChecklistProvisionDto {
  id: string;
  label: string;
  obligation: Obligation;
  answer: AnswerDto | null;
  attachments: AttachmentDto[];
}

export interface AnswerVersionDto extends AnswerDto {
  source: 'checklist' | 'desk-review' | 'import';
  /** The submitted versions of the checklist that carried this version of the answer. */
  submissions: number[];
}

export interface ChecklistSectionDto {
  article: number;
  title: string;
  chapter: string;
  provisions: ChecklistProvisionDto[];
}

export interface ChecklistResponse {
  reviewId: string;
  cycle: number;
  format: ChecklistFormat;
  view: 'working' | 'submitted';
  progress: { answered: number; total: number };
  submissions: { number: number; reason: 'submitted' | 'desk-review'; submittedAt: string; submittedBy: string }[];
  sections: ChecklistSectionDto[];
}

export interface AnswerInput {
  compliance?: Compliance | null;
  text: string;
  assistanceNeeds?: { types: AssistanceType[]; text: string };
  version: number;
}

export type ThreadKind = 'question' | 'request' | 'observation';
export const THREAD_KINDS: readonly ThreadKind[] = ['question', 'request', 'observation'];

export interface ThreadDto {
  id: string;
  provisionId: string;
  kind: ThreadKind;
  status: 'open' | 'resolved';
  createdBy?: string;
  createdAt?: string;
  /** answerVersion: the answer version a State's reply was added to the checklist as. */
  messages: { author: string; side: string; body: string; answerVersion?: number | null; createdAt: string }[];
}

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}`;

export const checklistKey = (reviewId: string) => ['checklist', reviewId] as const;
export const threadsKey = (reviewId: string) => ['threads', reviewId] as const;

export function checklistQueryOptions(reviewId: string) {
  return queryOptions({ queryKey: checklistKey(reviewId), queryFn: () => apiRequest<ChecklistResponse>(`${base(reviewId)}/checklist`) });
}

export function useChecklist(reviewId: string) {
  return useQuery(checklistQueryOptions(reviewId));
}

export function useThreads(reviewId: string) {
  return useQuery({ queryKey: threadsKey(reviewId), queryFn: () => apiRequest<{ threads: ThreadDto[] }>(`${base(reviewId)}/threads`) });
}

export function saveAnswer(reviewId: string, provisionId: string, input: AnswerInput, options: { keepalive?: boolean } = {}): Promise<{ answer: AnswerDto }> {
  return apiRequest<{ answer: AnswerDto }>(`${base(reviewId)}/checklist/${encodeURIComponent(provisionId)}`, { method: 'PUT', body: input, ...options });
}

/** Puts a saved answer into the cached checklist, so that the progress and filters follow at once. */
export function useStoreAnswer(reviewId: string) {
  const queryClient = useQueryClient();
  return (provisionId: string, answer: AnswerDto | null) =>
    queryClient.setQueryData<ChecklistResponse>(checklistKey(reviewId), (old) =>
      old
        ? { ...old, sections: old.sections.map((s) => ({ ...s, provisions: s.provisions.map((p) => (p.id === provisionId ? { ...p, answer } : p)) })) }
        : old,
    );
}

export function useSubmitChecklist(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ submission: number }>(`${base(reviewId)}/checklist/submit`, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: checklistKey(reviewId) }),
        queryClient.invalidateQueries({ queryKey: ['reviews'] }),
      ]),
  });
}

export function useOpenThread(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { provisionId: string; kind: ThreadKind; body: string }) =>
      apiRequest<{ id: string }>(`${base(reviewId)}/threads`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadsKey(reviewId) }),
  });
}

export function useReplyToThread(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, ...body }: { threadId: string; body: string; resolve?: boolean; reopen?: boolean; addToAnswer?: boolean }) =>
      apiRequest<void>(`${base(reviewId)}/threads/${encodeURIComponent(threadId)}/messages`, { method: 'POST', body }),
    onSuccess: (_done, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: threadsKey(reviewId) }),
        // A reply added to the answer makes a new answer version.
        ...(input.addToAnswer ? [queryClient.invalidateQueries({ queryKey: checklistKey(reviewId) }), queryClient.invalidateQueries({ queryKey: ['answer-history', reviewId] })] : []),
      ]),
  });
}

export function attachmentHref(reviewId: string, attachmentId: string): string {
  return `${base(reviewId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** Puts the new list of a provision's attachments into the cached checklist. */
function useStoreAttachments(reviewId: string) {
  const queryClient = useQueryClient();
  return (provisionId: string, update: (old: AttachmentDto[]) => AttachmentDto[]) =>
    queryClient.setQueryData<ChecklistResponse>(checklistKey(reviewId), (old) =>
      old
        ? { ...old, sections: old.sections.map((s) => ({ ...s, provisions: s.provisions.map((p) => (p.id === provisionId ? { ...p, attachments: update(p.attachments) } : p)) })) }
        : old,
    );
}

export function useUploadAttachment(reviewId: string, provisionId: string) {
  const store = useStoreAttachments(reviewId);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<{ attachment: AttachmentDto }>(`${base(reviewId)}/checklist/${encodeURIComponent(provisionId)}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: ({ attachment }) => store(provisionId, (old) => [...old, attachment]),
  });
}

export function useRemoveAttachment(reviewId: string, provisionId: string) {
  const store = useStoreAttachments(reviewId);
  return useMutation({
    mutationFn: (attachmentId: string) => apiRequest<void>(attachmentHref(reviewId, attachmentId), { method: 'DELETE' }),
    onSuccess: (_done, attachmentId) => store(provisionId, (old) => old.filter((a) => a.id !== attachmentId)),
  });
}

export function useAnswerHistory(reviewId: string, provisionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['answer-history', reviewId, provisionId],
    queryFn: () => apiRequest<{ versions: AnswerVersionDto[] }>(`${base(reviewId)}/checklist/${encodeURIComponent(provisionId)}/versions`),
    enabled,
  });
}
