import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useCancelSignIn, useCompleteSignIn } from '../api/two-factor.ts';
import { CodeInput } from './code-input.tsx';

const DEMO_SECRETARIAT = 'secretariat@demo.test';

/** Second sign-in step: the password was right; now a code from the authenticator app or a recovery code. */
export function SecondStepForm({ email, onSignedIn, onCancelled }: { email: string; onSignedIn: () => void; onCancelled: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteSignIn();
  const cancel = useCancelSignIn();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) {
      setError(t('twoFactor.codeRequired'));
      return;
    }
    setError(undefined);
    complete.mutate(code.trim(), { onSuccess: onSignedIn, onError: () => setCode('') });
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="second-step-title" maw={440}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="second-step-title">
            {t('twoFactor.secondStepTitle')}
          </Title>
          <Text size="sm">{t('twoFactor.secondStepBody', { email })}</Text>
          {email === DEMO_SECRETARIAT ? (
            <Alert color="blue" variant="light" role="note">
              {t('twoFactor.demoHint')} <Code dir="ltr">node bin/openirm.js user demo-code</Code>
            </Alert>
          ) : null}
          {complete.isError ? <ProblemAlert error={complete.error} title={t('twoFactor.failedTitle')} /> : null}
          <CodeInput value={code} onChange={setCode} error={error} allowRecovery />
          <Group gap="sm">
            <Button type="submit" loading={complete.isPending}>
              {t('twoFactor.verify')}
            </Button>
            <Button variant="subtle" onClick={() => cancel.mutate(undefined, { onSettled: onCancelled })} loading={cancel.isPending}>
              {t('twoFactor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
