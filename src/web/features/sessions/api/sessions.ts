import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Distribution, DocumentLanguage, DocumentRole, SessionFormat, SessionStatus } from '../../../../domain/sessions/session.ts';
import type { SessionReportStatus } from '../../../../domain/sessions/silence.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { Distribution, DocumentLanguage, DocumentRole, SessionFormat, SessionStatus, SessionReportStatus };

export const SESSION_FORMAT_VALUES: readonly SessionFormat[] = ['in-person', 'online', 'hybrid'];
export const SESSION_STATUS_VALUES: readonly SessionStatus[] = ['planned', 'registration', 'closed', 'held'];
export const DISTRIBUTION_VALUES: readonly Distribution[] = ['general', 'limited', 'restricted', 'crp'];
export const DOCUMENT_ROLE_VALUES: readonly DocumentRole[] = ['provisional-agenda', 'annotated-agenda', 'organisation-of-work', 'report', 'background', 'other'];
export const DOCUMENT_LANGUAGE_VALUES: readonly DocumentLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export interface BodyDto {
  code: string;
  name: string;
  series: string;
}

export interface SessionSummaryDto {
  id: string;
  name: string;
  bodies: { code: string; name: string }[];
  joint: boolean;
  number: number;
  resumedPart: number;
  startDate: string;
  endDate: string;
  venue: string;
  format: SessionFormat;
  status: SessionStatus;
  agendaAdoptedOn: string | null;
  version: number;
}

export interface DocumentDto {
  id: string;
  symbol: string;
  title: string;
  distributedOn: string | null;
  distribution: Distribution;
  role: DocumentRole;
  files: { language: DocumentLanguage; filename: string; contentType: string; sizeBytes: number; uploadedAt: string }[];
}

export interface SessionDto extends SessionSummaryDto {
  meetings: { id: string; title: string; startsAt: string; endsAt: string; room: string; bodies: string[] }[];
  agenda: { label: string; number: number; letter: string | null; title: string; depth: number; documents: { symbol: string; documentId: string | null }[] }[];
  documents: DocumentDto[];
  report: { status: SessionReportStatus; silence: 'none' | 'running' | 'broken' | 'ended'; adoptedOn: string | null; adoptionMode: 'meeting' | 'silence' | null; silenceDeadline: string | null };
  may: { manage: boolean; readMaterial: boolean; object: boolean };
}

export interface SessionReportDto {
  sessionId: string;
  status: SessionReportStatus;
  silence: 'none' | 'running' | 'broken' | 'ended';
  version: number;
  circulatedVersion: number | null;
  circulatedAt: string | null;
  silenceDeadline: string | null;
  adoptedOn: string | null;
  adoptionMode: 'meeting' | 'silence' | null;
  adoptionPending: boolean;
  lockedAt: string | null;
  versions: { version: number; text: string; author: string; createdAt: string }[];
  objections: { stateIso3: string; circulatedVersion: number; note: string; objectedBy: string; objectedAt: string }[];
  history: { action: string; actor: string; at: string; details: Record<string, unknown> }[];
  may: { edit: boolean; circulate: boolean; adopt: boolean; closeSilence: boolean; lock: boolean; object: boolean };
}

export interface SessionInput {
  bodies: string[];
  number: number;
  resumedPart: number;
  startDate: string;
  endDate: string;
  venue: string;
  format: SessionFormat;
}

export const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
const sessionsKey = ['sessions'] as const;
const sessionKey = (id: string) => ['sessions', id] as const;
const reportKey = (id: string) => ['sessions', id, 'report'] as const;

export function useBodies() {
  return useQuery({ queryKey: ['session-bodies'], queryFn: () => apiRequest<{ bodies: BodyDto[] }>('/api/session-bodies') });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => apiRequest<{ sessions: SessionSummaryDto[] }>('/api/sessions') });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionKey(id), queryFn: () => apiRequest<{ session: SessionDto }>(sessionPath(id)) });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => apiRequest<{ session: SessionDto }>('/api/sessions', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSessionStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: SessionStatus) => apiRequest<{ session: SessionDto }>(`${sessionPath(id)}/status`, { method: 'POST', body: { status } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useAddDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { symbol: string; title: string; distributedOn: string | null; distribution: Distribution; role: DocumentRole }) =>
      apiRequest<{ document: DocumentDto }>(`${sessionPath(id)}/documents`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(id) }),
  });
}

/** One language version of a document, sent as multipart (apiRequest passes FormData through). */
export function useUploadDocumentFile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, language, file }: { documentId: string; language: DocumentLanguage; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<{ document: DocumentDto }>(`${sessionPath(id)}/documents/${encodeURIComponent(documentId)}/files/${language}`, { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(id) }),
  });
}

export function useSessionReport(id: string, enabled: boolean) {
  return useQuery({ queryKey: reportKey(id), queryFn: () => apiRequest<{ report: SessionReportDto }>(`${sessionPath(id)}/report`), enabled });
}

type ReportStep = { path: ''; method: 'PUT'; body: { text: string; version: number } } | { path: '/circulate'; method: 'POST'; body: { silenceDeadline: string | null } } | { path: '/objections'; method: 'POST'; body: { note: string } } | { path: '/adopt'; method: 'POST'; body: { on: string } } | { path: '/close-silence' | '/lock'; method: 'POST'; body?: undefined };

export function useReportStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ReportStep) => apiRequest<{ report: SessionReportDto }>(`${sessionPath(id)}/report${step.path}`, { method: step.method, body: step.body }),
    onSuccess: (data) => {
      queryClient.setQueryData(reportKey(id), data);
      return queryClient.invalidateQueries({ queryKey: sessionKey(id), exact: true });
    },
  });
}

type AgendaStep =
  | { path: ''; method: 'PUT'; body: { items: { title: string; documents: string[]; items?: { title: string; documents: string[] }[] }[]; version: number } }
  | { path: '/adopt'; method: 'POST'; body: { on: string } }
  | { path: '/carry'; method: 'POST'; body: { fromSessionId: string } };

export function useAgendaStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: AgendaStep) => apiRequest<{ session: SessionDto }>(`${sessionPath(id)}/agenda${step.path}`, { method: step.method, body: step.body }),
    onSuccess: (data) => {
      queryClient.setQueryData(sessionKey(id), data);
      return queryClient.invalidateQueries({ queryKey: sessionsKey, exact: true });
    },
  });
}

export interface MeetingInput {
  title: string;
  startsAt: string;
  endsAt: string;
  room: string;
  bodies: string[];
}

export function useSaveMeetings(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (meetings: MeetingInput[]) => apiRequest<{ session: SessionDto }>(`${sessionPath(id)}/meetings`, { method: 'PUT', body: { meetings } }),
    onSuccess: (data) => queryClient.setQueryData(sessionKey(id), data),
  });
}

export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput & { version: number }) => apiRequest<{ session: SessionDto }>(sessionPath(id), { method: 'PUT', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(sessionKey(id), data);
      return queryClient.invalidateQueries({ queryKey: sessionsKey, exact: true });
    },
  });
}

export function useAddBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyDto) => apiRequest<{ body: BodyDto }>('/api/session-bodies', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['session-bodies'] }),
  });
}
