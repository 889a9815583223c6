import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { paths } from '../../lib/paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Text>
        <Anchor component={Link} to={paths.home.getHref()}>
          {t('notFound.homeLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
