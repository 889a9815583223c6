import { Button, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/api/get-session.ts';
import { useLogout } from '../features/auth/api/logout.ts';
import { useParties } from '../features/parties/api/get-parties.ts';
import { useFormatters } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';
import { roleLabel } from '../i18n/labels.ts';

function useStateName(iso3: string | null): string | null {
  const { language } = useFormatters();
  const { data } = useParties();
  if (!iso3) return null;
  const party = data?.parties.find((p) => p.iso3 === iso3);
  return party ? party.names[language] : iso3;
}

/** Who is signed in (name, role, State) with the sign-out button, or the sign-in link. */
export function UserBlock() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const logout = useLogout();
  const user = session?.user ?? null;
  const stateName = useStateName(user?.stateIso3 ?? null);

  if (!session) return null;
  if (!user) {
    return (
      <Button component={Link} to={paths.signIn.getHref()} size="xs">
        {t('auth.signIn')}
      </Button>
    );
  }
  const roleLine = stateName ? `${roleLabel(t, user.role)} · ${stateName}` : roleLabel(t, user.role);
  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} visibleFrom="sm" style={{ textAlign: 'end' }}>
        <Text size="sm" fw={600} lh={1.3}>
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {roleLine}
        </Text>
      </Stack>
      <Button
        variant="default"
        size="xs"
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => void navigate({ to: paths.home.getHref() }),
          })
        }
      >
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
