import type { UnLanguage } from '../../domain/parties/party.ts';

export type { UnLanguage };

/** The six official UN languages, in the UN's (English alphabetical) order, with their own names. */
export const LANGUAGES: ReadonlyArray<{ code: UnLanguage; nativeName: string }> = [
  { code: 'ar', nativeName: 'العربية' },
  { code: 'zh', nativeName: '中文' },
  { code: 'en', nativeName: 'English' },
  { code: 'fr', nativeName: 'Français' },
  { code: 'ru', nativeName: 'Русский' },
  { code: 'es', nativeName: 'Español' },
];

export const DEFAULT_LANGUAGE: UnLanguage = 'en';
export const LANGUAGE_STORAGE_KEY = 'openirm.language';

export function isUnLanguage(value: unknown): value is UnLanguage {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}

/** Arabic is the only right-to-left UN language. */
export function directionOf(language: UnLanguage): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(): UnLanguage {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isUnLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); fall through to the browser's choice.
  }
  for (const tag of window.navigator.languages ?? [window.navigator.language]) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isUnLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
