import { intlLocale } from '../../../lib/format.ts';
import type { UnLanguage } from '../api/dialogue.ts';

/** The viewer's own time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "31 Mar 2025, 09:00" on a clock in `timeZone`, in the interface language. */
export function formatInZone(iso: string, timeZone: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "09:00" on a clock in `timeZone`. */
export function timeInZone(iso: string, timeZone: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "2025-03-31T09:00" (a local wall time from the API) → "Mon 31 Mar, 09:00" without any zone conversion. */
export function formatWallTime(local: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`${local}:00Z`));
}

/** Language names in the interface language ("French", "français" …). */
export function languageName(code: string, language: UnLanguage): string {
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
