import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useAbility, useSession } from '../../auth/api/get-session.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useUsers, type UserDto } from '../api/get-users.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { useResetTwoFactor } from '../../auth/api/two-factor.ts';
import { CreateUserModal } from './create-user-modal.tsx';

function StatusBadges({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.isDisabled ? (
        <Badge color="red.9" variant="light" radius="sm" tt="none">
          {t('users.status.disabled')}
        </Badge>
      ) : (
        <Badge color="teal.9" variant="light" radius="sm" tt="none">
          {t('users.status.active')}
        </Badge>
      )}
      {user.isDemo ? (
        <Badge color="orange.9" variant="outline" radius="sm" tt="none">
          {t('users.status.demo')}
        </Badge>
      ) : null}
      {user.twoFactorEnabled !== undefined ? (
        <Badge color={user.twoFactorEnabled ? 'teal.9' : 'gray.8'} variant="outline" radius="sm" tt="none">
          {user.twoFactorEnabled ? t('twoFactor.userOn') : t('twoFactor.userOff')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function UsersAdmin() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data: session } = useSession();
  const users = useUsers();
  const updateUser = useUpdateUser();
  const resetTwoFactor = useResetTwoFactor();
  const canResetTwoFactor = useAbility('users.resetTwoFactor');
  const canCreate = useAbility('users.create');
  const canUpdate = useAbility('users.update');
  const { nameOf } = usePartyNames();
  const [isCreating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function toggle(user: UserDto) {
    setNotice(null);
    updateUser.mutate(
      { id: user.id, isDisabled: !user.isDisabled },
      {
        onSuccess: ({ user: updated }) =>
          setNotice(updated.isDisabled ? t('users.disabledNotice', { name: updated.displayName }) : t('users.enabledNotice', { name: updated.displayName })),
      },
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" role="status">
          {users.data ? t('users.count', { formatted: f.number(users.data.users.length) }) : ''}
        </Text>
        {canCreate ? <Button onClick={() => setCreating(true)}>{t('users.create.button')}</Button> : null}
      </Group>
      {notice ? (
        <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('actions.dismiss')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {updateUser.isError ? <ProblemAlert error={updateUser.error} title={t('users.updateFailedTitle')} /> : null}
      {resetTwoFactor.isError ? <ProblemAlert error={resetTwoFactor.error} title={t('users.updateFailedTitle')} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ProblemAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label={t('users.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.state')}</Table.Th>
                  <Table.Th scope="col">{t('users.status.header')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                  {canUpdate ? <Table.Th scope="col">{t('users.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.users.map((user) => {
                  const isSelf = session?.user?.id === user.id;
                  return (
                    <Table.Tr key={user.id}>
                      <Table.Th scope="row" fw={500}>
                        <Text size="sm" fw={600}>
                          {user.displayName}
                        </Text>
                        <Text size="xs" c="dimmed" component="span" dir="ltr">
                          {user.email}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">{roleLabel(t, user.role)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{user.stateIso3 ? nameOf(user.stateIso3) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadges user={user} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="nowrap">
                          {user.lastLoginAt ? f.dateTimeUtc(user.lastLoginAt) : t('users.never')}
                        </Text>
                      </Table.Td>
                      {canUpdate ? (
                        <Table.Td>
                          {isSelf ? (
                            <Text size="xs" c="dimmed">
                              {t('users.you')}
                            </Text>
                          ) : (
                            <Button
                              size="compact-sm"
                              variant={user.isDisabled ? 'light' : 'default'}
                              color={user.isDisabled ? undefined : 'red.9'}
                              loading={updateUser.isPending && updateUser.variables?.id === user.id}
                              aria-label={
                                user.isDisabled
                                  ? t('users.enableFor', { name: user.displayName })
                                  : t('users.disableFor', { name: user.displayName })
                              }
                              onClick={() => toggle(user)}
                            >
                              {user.isDisabled ? t('users.enable') : t('users.disable')}
                            </Button>
                          )}
                          {canResetTwoFactor && user.twoFactorEnabled ? (
                            <Button
                              size="compact-sm"
                              variant="default"
                              ms="xs"
                              loading={resetTwoFactor.isPending && resetTwoFactor.variables === user.id}
                              aria-label={t('twoFactor.resetFor', { name: user.displayName })}
                              onClick={() => {
                                if (!window.confirm(t('twoFactor.resetConfirm', { name: user.displayName }))) return;
                                setNotice(null);
                                resetTwoFactor.mutate(user.id, { onSuccess: () => setNotice(t('twoFactor.resetNotice', { name: user.displayName })) });
                              }}
                            >
                              {t('twoFactor.reset')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {canCreate ? (
        <CreateUserModal
          opened={isCreating}
          onClose={() => setCreating(false)}
          onCreated={(user) => setNotice(t('users.createdNotice', { name: user.displayName }))}
        />
      ) : null}
    </Stack>
  );
}
