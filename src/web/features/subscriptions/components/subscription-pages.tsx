import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useConfirmSubscription, useUnsubscribe } from '../api/subscriptions.ts';

/** The token of the link in the e-mail (?token=…), or null when the link was cut short. */
function useToken(): string | null {
  const search: Record<string, unknown> = useSearch({ strict: false });
  const token = search.token;
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** 404 (unknown, expired, ended) and a cut-short link get the page's own words; anything else the API's. */
function isInvalidLink(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 400);
}

function BackToSchedule() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.schedule.getHref()}>
      {t('subscriptions.backToSchedule')}
    </Anchor>
  );
}

/** Opened from the confirmation e-mail: confirms at once and says what is now followed. */
export function ConfirmSubscription() {
  const { t } = useTranslation();
  const token = useToken();
  const confirm = useConfirmSubscription();
  const { nameOf } = usePartyNames();
  const asked = useRef(false);
  const { mutate } = confirm;

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (!token || asked.current) return;
    asked.current = true;
    mutate(token);
  }, [token, mutate]);

  let content;
  if (!token || (confirm.isError && isInvalidLink(confirm.error))) {
    content = (
      <Alert color="red" variant="light" role="alert">
        {t('subscriptions.confirm.invalid')}
      </Alert>
    );
  } else if (confirm.isError) {
    content = <ProblemAlert error={confirm.error} onRetry={() => mutate(token)} />;
  } else if (confirm.isSuccess) {
    const { country } = confirm.data;
    content = (
      <Alert color="teal" variant="light" role="status" title={t('subscriptions.confirm.doneTitle')}>
        {country ? t('subscriptions.confirm.doneCountry', { name: nameOf(country) }) : t('subscriptions.confirm.doneMechanism')}
      </Alert>
    );
  } else {
    content = <Loading label={t('subscriptions.confirm.working')} />;
  }
  return (
    <Stack gap="md" align="flex-start">
      {content}
      {confirm.isSuccess && confirm.data.country ? (
        <Anchor component={Link} to={paths.country.getHref(confirm.data.country)}>
          {nameOf(confirm.data.country)}
        </Anchor>
      ) : null}
      <BackToSchedule />
    </Stack>
  );
}

/** Opened from the link in any subscription e-mail: one button, then done. No sign-in. */
export function Unsubscribe() {
  const { t } = useTranslation();
  const token = useToken();
  const unsubscribe = useUnsubscribe();

  let content;
  if (!token || (unsubscribe.isError && isInvalidLink(unsubscribe.error))) {
    content = (
      <Alert color="red" variant="light" role="alert">
        {t('subscriptions.unsubscribe.invalid')}
      </Alert>
    );
  } else if (unsubscribe.isSuccess) {
    content = (
      <Alert color="teal" variant="light" role="status" title={t('subscriptions.unsubscribe.doneTitle')}>
        {t('subscriptions.unsubscribe.done')}
      </Alert>
    );
  } else {
    content = (
      <>
        <Text>{t('subscriptions.unsubscribe.question')}</Text>
        {unsubscribe.isError ? <ProblemAlert error={unsubscribe.error} /> : null}
        <Button color="red.9" loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
          {t('subscriptions.unsubscribe.button')}
        </Button>
      </>
    );
  }
  return (
    <Stack gap="md" align="flex-start">
      {content}
      <BackToSchedule />
    </Stack>
  );
}
