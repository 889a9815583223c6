import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header.tsx';

/** Shown when a page fails to load (for example its code chunk after a new release). */
export function RouteErrorPage({ reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t('errors.pageTitle')} />
      <Alert color="red" variant="light" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('errors.pageBody')}</Text>
          <Button size="xs" variant="default" onClick={() => (reset ? reset() : window.location.reload())}>
            {t('actions.tryAgain')}
          </Button>
        </Stack>
      </Alert>
    </Stack>
  );
}
