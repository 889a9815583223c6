/**
 * Labels for the codes of sessions, documents and the session report. Each code has its own
 * literal t() call so that the locale test can check every key.
 */
import type { TFunction } from 'i18next';
import type { Distribution, DocumentRole, SessionFormat, SessionReportStatus, SessionStatus } from '../api/sessions.ts';

export function bodyLabel(t: TFunction, code: string, name: string): string {
  switch (code) {
    case 'IRG':
      return t('sessions.bodies.IRG');
    case 'COSP':
      return t('sessions.bodies.COSP');
    case 'WG2':
      return t('sessions.bodies.WG2');
    case 'WG4':
      return t('sessions.bodies.WG4');
    case 'EG1':
      return t('sessions.bodies.EG1');
    default:
      return name;
  }
}

/** "Implementation Review Group, 11th session, resumed (part 2)" in the interface language. */
export function sessionLabel(t: TFunction, session: { bodies: { code: string; name: string }[]; number: number; resumedPart: number }): string {
  const lead = session.bodies[0];
  const body = lead ? bodyLabel(t, lead.code, lead.name) : '';
  return session.resumedPart === 0 ? t('sessions.name.regular', { body, number: session.number }) : t('sessions.name.resumed', { body, number: session.number, part: session.resumedPart });
}

export function formatLabel(t: TFunction, format: SessionFormat): string {
  switch (format) {
    case 'in-person':
      return t('sessions.format.inPerson');
    case 'online':
      return t('sessions.format.online');
    case 'hybrid':
      return t('sessions.format.hybrid');
    default:
      return format;
  }
}

export function statusLabel(t: TFunction, status: SessionStatus): string {
  switch (status) {
    case 'planned':
      return t('sessions.status.planned');
    case 'registration':
      return t('sessions.status.registration');
    case 'closed':
      return t('sessions.status.closed');
    case 'held':
      return t('sessions.status.held');
    default:
      return status;
  }
}

export function distributionLabel(t: TFunction, distribution: Distribution): string {
  switch (distribution) {
    case 'general':
      return t('sessions.distribution.general');
    case 'limited':
      return t('sessions.distribution.limited');
    case 'restricted':
      return t('sessions.distribution.restricted');
    case 'crp':
      return t('sessions.distribution.crp');
    default:
      return distribution;
  }
}

export function roleLabel(t: TFunction, role: DocumentRole): string {
  switch (role) {
    case 'provisional-agenda':
      return t('sessions.role.provisionalAgenda');
    case 'annotated-agenda':
      return t('sessions.role.annotatedAgenda');
    case 'organisation-of-work':
      return t('sessions.role.organisationOfWork');
    case 'report':
      return t('sessions.role.report');
    case 'background':
      return t('sessions.role.background');
    case 'other':
      return t('sessions.role.other');
    default:
      return role;
  }
}

export function reportStatusLabel(t: TFunction, status: SessionReportStatus): string {
  switch (status) {
    case 'draft':
      return t('sessions.report.status.draft');
    case 'circulated':
      return t('sessions.report.status.circulated');
    case 'amended':
      return t('sessions.report.status.amended');
    case 'adopted':
      return t('sessions.report.status.adopted');
    case 'locked':
      return t('sessions.report.status.locked');
    default:
      return status;
  }
}

export function silenceLabel(t: TFunction, silence: string): string {
  switch (silence) {
    case 'running':
      return t('sessions.report.silence.running');
    case 'broken':
      return t('sessions.report.silence.broken');
    case 'ended':
      return t('sessions.report.silence.ended');
    default:
      return t('sessions.report.silence.none');
  }
}

export function historyLabel(t: TFunction, action: string): string {
  switch (action) {
    case 'sessions.report.save':
      return t('sessions.report.history.save');
    case 'sessions.report.circulate':
      return t('sessions.report.history.circulate');
    case 'sessions.report.object':
      return t('sessions.report.history.object');
    case 'sessions.report.adopt':
      return t('sessions.report.history.adopt');
    case 'sessions.report.lock':
      return t('sessions.report.history.lock');
    default:
      return action;
  }
}

export function languageLabel(t: TFunction, language: string): string {
  switch (language) {
    case 'ar':
      return t('sessions.languages.ar');
    case 'zh':
      return t('sessions.languages.zh');
    case 'en':
      return t('sessions.languages.en');
    case 'fr':
      return t('sessions.languages.fr');
    case 'ru':
      return t('sessions.languages.ru');
    case 'es':
      return t('sessions.languages.es');
    default:
      return language;
  }
}
