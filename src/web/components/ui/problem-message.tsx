import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';

/** A short sentence for an error: the API's own `detail` when it gave one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) {
      if (error.status === 0) return t('errors.network');
      if (error.problem.detail) return error.problem.detail;
      if (error.status === 401) return t('errors.unauthenticated');
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 429) return t('errors.tooManyRequests');
      if (error.status >= 500) return t('errors.server');
      return error.problem.title;
    }
    return t('errors.unexpected');
  };
}

/** The error of one request, shown where the request was made, with the field errors if any. */
export function ProblemAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const fieldErrors = isApiError(error) ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {fieldErrors.length > 0 ? (
          <List size="sm" spacing={2}>
            {fieldErrors.map((e, i) => (
              <List.Item key={`${e.path}-${i}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</List.Item>
            ))}
          </List>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('actions.tryAgain')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
