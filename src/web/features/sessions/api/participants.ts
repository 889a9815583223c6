import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import type { AttendanceMode, DelegationKind, ObserverCategory, RegistrationStatus } from '../../../../domain/sessions/registration.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionPath, type SessionFormat } from './sessions.ts';

export type { AttendanceMode, DelegationKind, ObserverCategory, RegistrationStatus };

export const OBSERVER_CATEGORY_VALUES: readonly ObserverCategory[] = ['secretariat-unit', 'un-body', 'specialized-agency', 'pni-institute', 'igo', 'standing-observer', 'ngo'];
export const ATTENDANCE_LANGUAGES: readonly UnLanguage[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

export interface ParticipantDto {
  id: string;
  name: string;
  title: string;
  email: string | null;
  status: RegistrationStatus;
  registeredAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  attendedAt: string | null;
  connectedAt: string | null;
}

export interface DelegationDto {
  id: string;
  kind: DelegationKind;
  iso3: string | null;
  category: ObserverCategory | null;
  name: string;
  names: Record<string, string>;
  sortAs: string | null;
  participants: ParticipantDto[];
}

export interface ParticipantsDto {
  sessionId: string;
  format: SessionFormat;
  registrationOpen: boolean;
  delegations: DelegationDto[];
  counts: { delegations: number; delegationsAttended: number; participants: number; registered: number; approved: number; attended: number; rejected: number; withdrawn: number };
  may: { manage: boolean; register: boolean };
}

export type DelegationInput = { kind: 'state'; iso3: string; signatory?: boolean } | { kind: 'reio' } | { kind: 'observer'; name: string; category: ObserverCategory; sortAs?: string | null };
export interface ParticipantInput {
  name: string;
  title: string;
  email: string;
}

const participantsKey = (id: string) => ['sessions', id, 'participants'] as const;

export function useParticipants(id: string, enabled: boolean) {
  return useQuery({ queryKey: participantsKey(id), queryFn: () => apiRequest<ParticipantsDto>(`${sessionPath(id)}/participants`), enabled });
}

export function useRegisterDelegation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { delegation: DelegationInput; participants: ParticipantInput[] }) => apiRequest<ParticipantsDto>(`${sessionPath(id)}/participants`, { method: 'POST', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(participantsKey(id), data);
      return queryClient.invalidateQueries({ queryKey: ['sessions', id, 'attendance'] });
    },
  });
}

export function useParticipantStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; to: 'approved' | 'rejected' | 'withdrawn' | 'attended'; mode?: AttendanceMode }) =>
      apiRequest<ParticipantsDto>(`${sessionPath(id)}/participants/steps`, { method: 'POST', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(participantsKey(id), data);
      return queryClient.invalidateQueries({ queryKey: ['sessions', id, 'attendance'] });
    },
  });
}

export function useAttendanceParagraphs(id: string, language: UnLanguage, enabled: boolean) {
  return useQuery({
    queryKey: ['sessions', id, 'attendance', language],
    queryFn: () => apiRequest<{ paragraphs: string[]; text: string; basedOnConnections: boolean }>(`${sessionPath(id)}/attendance?lang=${language}`),
    enabled,
  });
}

/**
 * Participants typed one per line: "Name; title or function; e-mail" (title and e-mail may
 * be left out). Empty lines are skipped.
 */
export function parseParticipantLines(text: string): ParticipantInput[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', title = '', email = ''] = line.split(';').map((part) => part.trim());
      return { name, title, email };
    });
}
