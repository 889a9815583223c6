import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n.ts';
import { LANGUAGES, isUnLanguage } from '../i18n/languages.ts';

/**
 * A native <select>: it works the same with keyboard, screen readers and touch, and each
 * language is written in its own script (and marked with its own lang) so that everyone
 * can find theirs whatever the current language is.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const value = i18n.resolvedLanguage ?? i18n.language;
  return (
    <NativeSelect
      aria-label={t('layout.language')}
      title={t('layout.language')}
      size="xs"
      w={{ base: 96, sm: 120 }}
      value={isUnLanguage(value) ? value : 'en'}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isUnLanguage(next)) void setLanguage(next);
      }}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
    />
  );
}
