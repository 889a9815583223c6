import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { oidcStartHref, useOidcConfig } from '../api/oidc-config.ts';

/** The reasons the server puts in /sign-in?error=oidc-… (OIDC_FAILURES in the server's use case). */
const KNOWN_FAILURES = new Set(['state', 'denied', 'unavailable', 'failed', 'email-unverified', 'no-account', 'disabled']);

/** The failure named by ?error=oidc-…, or null; an unknown reason is shown as the generic one. */
export function oidcFailureOf(error: unknown): string | null {
  if (typeof error !== 'string' || !error.startsWith('oidc-')) return null;
  const reason = error.slice('oidc-'.length);
  return KNOWN_FAILURES.has(reason) ? reason : 'failed';
}

/**
 * "Sign in with <provider>" under the password form, when the instance is configured for it,
 * and the reason the last attempt came back to this page, when it did.
 */
export function OidcSignIn() {
  const { t } = useTranslation();
  const { data: config } = useOidcConfig();
  const search: Record<string, unknown> = useSearch({ strict: false });
  const failure = oidcFailureOf(search.error);
  const returnTo = typeof search.returnTo === 'string' ? search.returnTo : undefined;
  if (!failure && config?.enabled !== true) return null;
  return (
    <Stack gap="md" mt="md">
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('signIn.oidc.failedTitle')}>
          {t(`signIn.oidc.failure.${failure}`)}
        </Alert>
      ) : null}
      {config?.enabled === true ? (
        <>
          <Divider label={t('signIn.oidc.or')} labelPosition="center" />
          <Button component="a" href={oidcStartHref(returnTo)} variant="default">
            {t('signIn.oidc.button', { label: config.label ?? '' })}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}
