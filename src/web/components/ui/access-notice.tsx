import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../lib/paths.ts';

/** Shown instead of a page the current user may not open (the server refuses it anyway). */
export function AccessNotice({ isSignedIn }: { isSignedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={isSignedIn ? t('access.forbiddenTitle') : t('access.signInTitle')}>
      {isSignedIn ? (
        <Text size="sm">{t('access.forbiddenBody')}</Text>
      ) : (
        <Text size="sm">
          {t('access.signInBody')}{' '}
          <Anchor component={Link} to={paths.signIn.getHref()}>
            {t('auth.signIn')}
          </Anchor>
        </Text>
      )}
    </Alert>
  );
}
