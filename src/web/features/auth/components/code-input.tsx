import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One field for a 6-digit authenticator code or, where allowed, a recovery code. */
export function CodeInput({ value, onChange, error, allowRecovery }: { value: string; onChange: (value: string) => void; error?: string; allowRecovery: boolean }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={allowRecovery ? t('twoFactor.codeOrRecovery') : t('twoFactor.code')}
      description={allowRecovery ? t('twoFactor.codeOrRecoveryHint') : undefined}
      autoComplete="one-time-code"
      inputMode={allowRecovery ? 'text' : 'numeric'}
      dir="ltr"
      required
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
