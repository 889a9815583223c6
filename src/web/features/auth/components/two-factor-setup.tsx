import { Button, Code, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useConfirmSetup, useStartSetup } from '../api/two-factor.ts';
import { CodeInput } from './code-input.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

/**
 * Enrolment: a new secret as a QR code and as text, then a code to prove the app has it;
 * then the recovery codes, shown this once. Used on the sign-in page when the role requires
 * two-factor sign-in, and on the account page when someone chooses it.
 */
export function TwoFactorSetup({ onDone, isRequired = false }: { onDone: () => void; isRequired?: boolean }) {
  const { t } = useTranslation();
  const start = useStartSetup();
  const confirm = useConfirmSetup();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
      setError(t('twoFactor.codeSixDigits'));
      return;
    }
    setError(undefined);
    confirm.mutate(code.replace(/\s+/g, ''));
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="two-factor-setup-title" maw={560}>
      <Stack gap="md">
        <Title order={2} size="h3" id="two-factor-setup-title">
          {t('twoFactor.setupTitle')}
        </Title>
        {isRequired ? <Text size="sm">{t('twoFactor.requiredBody')}</Text> : null}
        {confirm.data ? (
          <>
            <RecoveryCodes codes={confirm.data.recoveryCodes} />
            <Button onClick={onDone} w="fit-content">
              {t('twoFactor.savedCodes')}
            </Button>
          </>
        ) : !start.data ? (
          <>
            <Text size="sm">{t('twoFactor.setupIntro')}</Text>
            {start.isError ? <ProblemAlert error={start.error} title={t('twoFactor.failedTitle')} /> : null}
            <Button onClick={() => start.mutate()} loading={start.isPending} w="fit-content">
              {t('twoFactor.begin')}
            </Button>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text size="sm">{t('twoFactor.scan')}</Text>
              <Image src={start.data.qrCode} alt={t('twoFactor.qrAlt')} w={200} h={200} />
              <Text size="sm">{t('twoFactor.orType')}</Text>
              <Code dir="ltr" block>
                {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Code>
              {confirm.isError ? <ProblemAlert error={confirm.error} title={t('twoFactor.failedTitle')} /> : null}
              <CodeInput value={code} onChange={setCode} error={error} allowRecovery={false} />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('twoFactor.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
