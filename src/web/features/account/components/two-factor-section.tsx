import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useDisableTwoFactor, useRegenerateCodes, useTwoFactorStatus } from '../../auth/api/two-factor.ts';
import { CodeInput } from '../../auth/components/code-input.tsx';
import { RecoveryCodes } from '../../auth/components/recovery-codes.tsx';
import { TwoFactorSetup } from '../../auth/components/two-factor-setup.tsx';

type Mode = 'idle' | 'setup' | 'regenerate' | 'disable';

/** The account page's two-factor panel: status, switch on, new recovery codes, switch off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const regenerate = useRegenerateCodes();
  const disable = useDisableTwoFactor();
  const [mode, setMode] = useState<Mode>('idle');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string>();

  if (mode === 'setup') {
    return (
      <TwoFactorSetup
        onDone={() => {
          setMode('idle');
          setNotice(t('twoFactor.enabledNotice'));
          void status.refetch();
        }}
      />
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return;
    if (mode === 'regenerate') regenerate.mutate(code.trim(), { onSuccess: () => setCode('') });
    if (mode === 'disable') {
      disable.mutate(code.trim(), {
        onSuccess: () => {
          setMode('idle');
          setCode('');
          setNotice(t('twoFactor.disabledNotice'));
          void status.refetch();
        },
      });
    }
  }

  const data = status.data;
  const failure = mode === 'regenerate' ? regenerate.error : mode === 'disable' ? disable.error : null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="two-factor-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="two-factor-title">
            {t('twoFactor.title')}
          </Title>
          {data ? (
            <Badge color={data.enabled ? 'teal.9' : 'gray.8'} variant="light" radius="sm" tt="none">
              {data.enabled ? t('twoFactor.on') : t('twoFactor.off')}
            </Badge>
          ) : null}
        </Group>
        {notice ? (
          <Alert color="teal" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        {status.isError ? <ProblemAlert error={status.error} title={t('twoFactor.failedTitle')} /> : null}
        {data ? (
          <Text size="sm">
            {data.enabled ? t('twoFactor.onBody', { count: data.recoveryCodesLeft }) : t('twoFactor.offBody')} {data.required ? t('twoFactor.requiredNote') : null}
          </Text>
        ) : null}
        {regenerate.data && mode === 'regenerate' ? <RecoveryCodes codes={regenerate.data.recoveryCodes} /> : null}
        {data && mode === 'idle' ? (
          <Group gap="sm">
            {!data.enabled ? <Button onClick={() => setMode('setup')}>{t('twoFactor.enable')}</Button> : null}
            {data.enabled ? (
              <Button variant="default" onClick={() => setMode('regenerate')}>
                {t('twoFactor.regenerate')}
              </Button>
            ) : null}
            {data.enabled && !data.required ? (
              <Button variant="default" color="red" onClick={() => setMode('disable')}>
                {t('twoFactor.disable')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {mode === 'regenerate' || mode === 'disable' ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {failure ? <ProblemAlert error={failure} title={t('twoFactor.failedTitle')} /> : null}
              <CodeInput value={code} onChange={setCode} allowRecovery={mode === 'disable'} />
              <Group gap="sm">
                <Button type="submit" color={mode === 'disable' ? 'red' : undefined} loading={regenerate.isPending || disable.isPending}>
                  {mode === 'disable' ? t('twoFactor.disable') : t('twoFactor.regenerate')}
                </Button>
                <Button
                  variant="subtle"
                  onClick={() => {
                    setMode('idle');
                    setCode('');
                    regenerate.reset();
                  }}
                >
                  {t('twoFactor.close')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
