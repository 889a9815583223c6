import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useLogoutEverywhere } from '../api/logout-everywhere.ts';

export function SignOutEverywhere({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const logoutEverywhere = useLogoutEverywhere();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sign-out-everywhere-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sign-out-everywhere-title">
          {t('account.everywhere.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.everywhere.body')}
        </Text>
        {logoutEverywhere.isError ? <ProblemAlert error={logoutEverywhere.error} /> : null}
        {isConfirming ? (
          <Group gap="sm">
            <Button color="red.9" loading={logoutEverywhere.isPending} onClick={() => logoutEverywhere.mutate(undefined, { onSuccess: onSignedOut })}>
              {t('account.everywhere.confirm')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </Button>
          </Group>
        ) : (
          <Button variant="default" color="red.9" style={{ alignSelf: 'flex-start' }} onClick={() => setConfirming(true)}>
            {t('account.everywhere.button')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
