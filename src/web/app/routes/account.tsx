import { Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ChangePasswordForm } from '../../features/account/components/change-password-form.tsx';
import { SignOutEverywhere } from '../../features/account/components/sign-out-everywhere.tsx';
import { TwoFactorSection } from '../../features/account/components/two-factor-section.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { usePartyNames } from '../../features/parties/api/use-party-names.ts';
import { roleLabel } from '../../i18n/labels.ts';
import { paths } from '../../lib/paths.ts';

export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session, isPending } = useSession();
  const { nameOf } = usePartyNames();
  const user = session?.user;
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      {isPending ? <Loading /> : null}
      {!isPending && !user ? <AccessNotice isSignedIn={false} /> : null}
      {user ? (
        <ErrorBoundary>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="lg">
              <Paper withBorder p="lg" radius="md" component="section" aria-label={t('account.profile')}>
                <Stack gap={4}>
                  <Text fw={600}>{user.displayName}</Text>
                  <Code w="fit-content" dir="ltr">
                    {user.email}
                  </Code>
                  <Text size="sm" c="dimmed">
                    {user.stateIso3 ? `${roleLabel(t, user.role)} · ${nameOf(user.stateIso3)}` : roleLabel(t, user.role)}
                  </Text>
                </Stack>
              </Paper>
              {session?.abilities['auth.logoutEverywhere'] !== false ? (
                <SignOutEverywhere onSignedOut={() => void navigate({ to: paths.signIn.getHref() })} />
              ) : null}
            </Stack>
            <Stack gap="lg">
              {session?.abilities['account.changePassword'] !== false ? <ChangePasswordForm /> : null}
              {session?.abilities['account.twoFactor'] !== false ? <TwoFactorSection /> : null}
            </Stack>
          </SimpleGrid>
        </ErrorBoundary>
      ) : null}
    </>
  );
}
