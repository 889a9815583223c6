/**
 * Dates and numbers through Intl in the interface language. API dates are calendar dates
 * (YYYY-MM-DD) and are formatted in UTC so that no time zone can move them by a day.
 */
import { useTranslation } from 'react-i18next';
import { isUnLanguage, type UnLanguage } from '../i18n/languages.ts';

/**
 * The Intl locale for each interface language: British spelling and day-month-year dates for
 * English, as in UN documents; Western digits for Arabic, as UN Arabic documents use them.
 */
const INTL_LOCALES: Record<UnLanguage, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

export function intlLocale(language: UnLanguage): string {
  return INTL_LOCALES[language];
}

function toUtcDate(isoDate: string): Date {
  return new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
}

export function formatDate(isoDate: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(toUtcDate(isoDate));
}

export function formatYear(isoDate: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', timeZone: 'UTC' }).format(toUtcDate(isoDate));
}

/** A timestamp in UTC, e.g. for the audit trail ("27 Nov 2026, 14:05"). The column header says UTC. */
export function formatDateTimeUtc(isoTimestamp: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'medium',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(isoTimestamp));
}

export function formatNumber(value: number, language: UnLanguage): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** Plain calendar year numbers (2016), never grouped (2,016). */
export function formatCalendarYear(year: number, language: UnLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), { useGrouping: false }).format(year);
}

export function formatList(items: readonly string[], language: UnLanguage): string {
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** "Chapter III" is written 第三章 in Chinese and الفصل الثالث in Arabic, as in the Convention's own texts. */
const ARABIC_ORDINALS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];

export function formatChapterNumber(roman: string, language: UnLanguage): string {
  const index = ROMAN.indexOf(roman);
  if (index < 0) return roman;
  if (language === 'zh') return CHINESE[index] ?? roman;
  if (language === 'ar') return ARABIC_ORDINALS[index] ?? roman;
  return roman;
}

/** Today's date (YYYY-MM-DD) in UTC, the day the API's "as at" defaults to. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const language: UnLanguage = isUnLanguage(lng) ? lng : 'en';
  return {
    language,
    date: (iso: string) => formatDate(iso, language),
    year: (iso: string) => formatYear(iso, language),
    dateTimeUtc: (iso: string) => formatDateTimeUtc(iso, language),
    number: (value: number) => formatNumber(value, language),
    calendarYear: (year: number) => formatCalendarYear(year, language),
    list: (items: readonly string[]) => formatList(items, language),
    chapter: (roman: string) => formatChapterNumber(roman, language),
  };
}
