import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DialogueForm, UnLanguage } from '../../../../domain/dialogue/dialogue.ts';
import type { ScheduleResult } from '../../../../domain/dialogue/scheduler.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { DialogueForm, UnLanguage, ScheduleResult };

export const DIALOGUE_FORM_VALUES: readonly DialogueForm[] = ['country_visit', 'joint_meeting', 'virtual_visit'];
export const UN_LANGUAGE_VALUES: readonly UnLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export interface ParticipantDto {
  id: string;
  name: string;
  side: string;
  organisation: string;
  email: string | null;
  attended: boolean | null;
}

export interface SessionDto {
  id: string;
  title: string;
  topic: string;
  start: string;
  end: string;
  local: { date: string; startTime: string; endTime: string; utcOffset: string };
  notes: string;
  notesVersion: number;
  notesUpdatedBy: string | null;
  notesUpdatedAt: string | null;
}

export interface DialogueDto {
  form: DialogueForm;
  timeZone: string;
  startDate: string | null;
  endDate: string | null;
  location: string;
  stakeholdersAgreed: boolean;
  interpretationLanguages: UnLanguage[];
  version: number;
  updatedBy: string;
  updatedAt: string;
  participants: ParticipantDto[];
  sessions: SessionDto[];
  clockChanges: { at: string; fromOffset: string; toOffset: string }[];
}

export interface DialogueResponse {
  reviewId: string;
  stateUnderReview: string;
  reviewers: string[];
  cycle: number;
  /** The date of the review's "dialogue held" milestone, once recorded. */
  heldOn: string | null;
  dialogue: DialogueDto | null;
  abilities: { manage: boolean; writeNotes: boolean; schedule: boolean };
}

export interface DialogueInput {
  form: DialogueForm;
  timeZone: string;
  startDate: string | null;
  endDate: string | null;
  location: string;
  stakeholdersAgreed: boolean;
  interpretationLanguages: UnLanguage[];
  participants: { id?: string; name: string; side: string; organisation: string; email: string | null; attended: boolean | null }[];
  sessions: { id?: string; title: string; topic: string; date: string; startTime: string; endTime: string }[];
  version: number;
}

export interface HoursInput {
  timeZone: string;
  workStart: string;
  workEnd: string;
  workDays: number[];
}

export interface ScheduleInput {
  participants: (HoursInput & { id: string; label: string })[];
  interpreters: (HoursInput & { id: string; language: string })[];
  interpretationLanguages: string[];
  from: string;
  to: string;
  durationMinutes: number;
  stepMinutes: number;
  limit?: number;
}

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/dialogue`;
export const dialogueKey = (reviewId: string) => ['dialogue', reviewId] as const;

/** The calendar file: a plain link, downloaded with the session cookie. */
export function dialogueIcsUrl(reviewId: string): string {
  return `/api/reviews/${encodeURIComponent(reviewId)}/dialogue.ics`;
}

export function useDialogue(reviewId: string) {
  return useQuery({ queryKey: dialogueKey(reviewId), queryFn: () => apiRequest<DialogueResponse>(base(reviewId)) });
}

export function useSaveDialogue(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DialogueInput) => apiRequest<{ dialogue: DialogueDto }>(base(reviewId), { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dialogueKey(reviewId) }),
  });
}

export function useSaveNotes(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, ...body }: { sessionId: string; notes: string; version: number }) =>
      apiRequest<{ sessionId: string; notesVersion: number }>(`${base(reviewId)}/sessions/${encodeURIComponent(sessionId)}/notes`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dialogueKey(reviewId) }),
  });
}

export function useSchedule(reviewId: string) {
  return useMutation({ mutationFn: (input: ScheduleInput) => apiRequest<ScheduleResult>(`${base(reviewId)}/schedule`, { method: 'POST', body: input }) });
}

/** Records the review's "dialogue held" milestone from the dialogue's last day and form. */
export function useRecordHeld(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ heldOn: string; dialogueType: string }>(`${base(reviewId)}/held`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dialogueKey(reviewId) });
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
}
