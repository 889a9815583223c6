import { Button, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useHealth } from '../../health/api/get-health.ts';
import { useLogin } from '../api/login.ts';
import { DemoAccounts } from './demo-accounts.tsx';

/** `footer` sits under the submit button, inside the form's card (other ways to sign in). */
export function SignInForm({ onSignedIn, footer }: { onSignedIn: () => void; footer?: ReactNode }) {
  const { t } = useTranslation();
  const login = useLogin();
  const { data: health } = useHealth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!email.trim()) next.email = t('signIn.emailRequired');
    if (!password) next.password = t('signIn.passwordRequired');
    setErrors(next);
    if (next.email || next.password) return;
    login.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  return (
    <SimpleGrid cols={{ base: 1, md: health?.demo === true ? 2 : 1 }} spacing="xl" maw={health?.demo === true ? 960 : 440}>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sign-in-form-title">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3" id="sign-in-form-title">
              {t('signIn.formTitle')}
            </Title>
            {login.isError ? <ProblemAlert error={login.error} title={t('signIn.failedTitle')} /> : null}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              dir="ltr"
              required
              value={email}
              error={errors.email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              error={errors.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
        {footer}
      </Paper>
      {health?.demo === true ? (
        <DemoAccounts
          onUse={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
            setErrors({});
          }}
        />
      ) : null}
    </SimpleGrid>
  );
}
