import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/accounts/password-policy.ts';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useChangePassword } from '../api/change-password.ts';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [isChanged, setChanged] = useState(false);

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setChanged(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) next.currentPassword = t('account.password.currentRequired');
    if (values.newPassword.length < PASSWORD_MIN_LENGTH) next.newPassword = t('account.password.tooShort', { min: PASSWORD_MIN_LENGTH });
    if (values.confirmPassword !== values.newPassword) next.confirmPassword = t('account.password.mismatch');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
          setChanged(true);
        },
      },
    );
  }

  const toggleLabel = { 'aria-label': t('signIn.togglePassword') };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="change-password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="change-password-title">
            {t('account.password.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.password.body', { min: PASSWORD_MIN_LENGTH })}
          </Text>
          {isChanged ? (
            <Alert color="teal" variant="light" role="status">
              {t('account.password.changed')}
            </Alert>
          ) : null}
          {changePassword.isError ? <ProblemAlert error={changePassword.error} title={t('account.password.failedTitle')} /> : null}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={(e) => set('currentPassword', e.currentTarget.value)}
            visibilityToggleButtonProps={toggleLabel}
          />
          <PasswordInput
            label={t('account.password.new')}
            autoComplete="new-password"
            required
            value={values.newPassword}
            error={errors.newPassword}
            onChange={(e) => set('newPassword', e.currentTarget.value)}
            visibilityToggleButtonProps={toggleLabel}
          />
          <PasswordInput
            label={t('account.password.confirm')}
            autoComplete="new-password"
            required
            value={values.confirmPassword}
            error={errors.confirmPassword}
            onChange={(e) => set('confirmPassword', e.currentTarget.value)}
            visibilityToggleButtonProps={toggleLabel}
          />
          <Button type="submit" loading={changePassword.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
