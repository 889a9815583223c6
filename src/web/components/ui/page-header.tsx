import { useEffect, type ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The page's one <h1>, which also names the browser tab ("States parties · Open IRM"). */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <Stack gap={6} mb="lg">
      <Title order={1}>{title}</Title>
      {description ? (
        <Text c="dimmed" maw={760}>
          {description}
        </Text>
      ) : null}
      {actions}
    </Stack>
  );
}
