/**
 * i18next set-up. Each language is its own JSON file, loaded with import() when first
 * needed, so a visitor downloads one language, not six. Changing the language persists
 * the choice and sets <html lang dir>; Mantine's direction follows in app/providers.tsx.
 */
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, directionOf, initialLanguage, isUnLanguage, type UnLanguage } from './languages.ts';

const loaders = import.meta.glob<{ default: ResourceKey }>('./locales/*.json');

const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = loaders[`./locales/${language}.json`];
    if (!load) {
      callback(new Error(`No interface strings for language "${language}".`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function applyToDocument(language: UnLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

let initialised: Promise<unknown> | null = null;

export function initI18n(language: UnLanguage = initialLanguage()): Promise<unknown> {
  if (!initialised) {
    i18next.on('languageChanged', (lng) => {
      if (!isUnLanguage(lng)) return;
      applyToDocument(lng);
      try {
        window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
      } catch {
        // Not persisting the choice is acceptable when storage is blocked.
      }
    });
    initialised = i18next
      .use(localeBackend)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        load: 'languageOnly',
        ns: ['translation'],
        defaultNS: 'translation',
        interpolation: { escapeValue: false },
        returnNull: false,
        react: { useSuspense: false },
      });
    applyToDocument(language);
  }
  return initialised;
}

/**
 * Switches the interface language. The choice is stored at once, before the language's
 * strings have loaded, so that a page change right after the switch keeps it.
 */
export function setLanguage(language: UnLanguage): Promise<unknown> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisting the choice is acceptable when storage is blocked.
  }
  return i18next.changeLanguage(language);
}

export { i18next };
