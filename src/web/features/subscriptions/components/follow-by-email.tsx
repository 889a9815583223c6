import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { LANGUAGES, isUnLanguage, type UnLanguage } from '../../../i18n/languages.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useSubscribe, useSubscriptionAvailability } from '../api/subscriptions.ts';

/** Good enough to catch a typo; the server checks the address properly. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ALL = '';

/**
 * "Follow by e-mail": on the review schedule (the whole Mechanism or a State chosen here) and
 * on a country profile (that State). Double opt-in: after sending, the visitor is told to
 * confirm from the e-mail. On a server without mail it says so and points to the feed.
 */
export function FollowByEmail({ country, feedUrl }: { country?: { iso3: string; name: string }; feedUrl: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const titleId = useId();
  const availability = useSubscriptionAvailability();
  const subscribe = useSubscribe();
  const { parties } = usePartyNames();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [chosenState, setChosenState] = useState(ALL);
  // The interface language until the visitor picks another.
  const [language, setLanguage] = useState<UnLanguage | null>(null);
  const [isSent, setSent] = useState(false);

  const states = useMemo(() => {
    const collator = new Intl.Collator(f.language, { sensitivity: 'base' });
    return (parties.data?.parties ?? [])
      .filter((p) => p.isParty)
      .map((p) => ({ value: p.iso3, label: p.names[f.language] ?? p.name }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [parties.data, f.language]);

  const isUnavailable = availability.data?.available === false || (isApiError(subscribe.error) && subscribe.error.status === 503);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    if (!LOOKS_LIKE_EMAIL.test(address)) {
      setEmailError(t('subscriptions.follow.invalidEmail'));
      return;
    }
    subscribe.mutate(
      { email: address, country: country ? country.iso3 : chosenState || null, language: language ?? f.language },
      {
        onSuccess: () => {
          setSent(true);
          setEmail('');
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('subscriptions.follow.title')}
        </Title>
        {availability.isPending ? null : isUnavailable || availability.isError ? (
          <Text size="sm">
            {t('subscriptions.follow.unavailable')}{' '}
            <Anchor href={feedUrl} type="application/atom+xml">
              {t('subscriptions.follow.feed')}
            </Anchor>
          </Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text size="sm">{country ? t('subscriptions.follow.introCountry', { name: country.name }) : t('subscriptions.follow.introMechanism')}</Text>
              {isSent ? (
                <Alert color="teal" variant="light" role="status" title={t('subscriptions.follow.sentTitle')}>
                  {t('subscriptions.follow.sent')}
                </Alert>
              ) : null}
              {subscribe.isError ? <ProblemAlert error={subscribe.error} /> : null}
              <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
                {country ? null : (
                  <NativeSelect
                    label={t('subscriptions.follow.scope')}
                    value={chosenState}
                    onChange={(e) => setChosenState(e.currentTarget.value)}
                    data={[{ value: ALL, label: t('subscriptions.follow.allReviews') }, ...states]}
                  />
                )}
                <TextInput
                  type="email"
                  label={t('subscriptions.follow.email')}
                  autoComplete="email"
                  required
                  value={email}
                  error={emailError}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    setEmailError(undefined);
                    setSent(false);
                  }}
                />
                <NativeSelect
                  label={t('subscriptions.follow.language')}
                  value={language ?? f.language}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    if (isUnLanguage(value)) setLanguage(value);
                  }}
                  data={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
                />
              </Group>
              <Group justify="space-between" align="center">
                <Text size="xs" c="dimmed">
                  {t('subscriptions.follow.privacy')}
                </Text>
                <Button type="submit" loading={subscribe.isPending}>
                  {t('subscriptions.follow.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
