import { Button, Group, Modal, NativeSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/accounts/password-policy.ts';
import { ROLES, roleNeedsState, type Role } from '../../../../domain/accounts/roles.ts';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useCreateUser } from '../api/create-user.ts';
import type { UserDto } from '../api/get-users.ts';

type Field = 'email' | 'displayName' | 'role' | 'stateIso3' | 'password';

const EMPTY = { email: '', displayName: '', role: 'delegate' as Role, stateIso3: '', password: '' };

export function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (user: UserDto) => void }) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const { parties, language } = usePartyNames();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const needsState = roleNeedsState(form.role);

  const stateOptions = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    return (parties.data?.parties ?? [])
      .filter((p) => p.kind === 'state')
      .map((p) => ({ value: p.iso3, label: p.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [parties.data, language]);

  // Field errors from the server (422 `errors[].path`) are shown on the field they name.
  const serverErrors: Partial<Record<Field, string>> = {};
  if (isApiError(createUser.error)) {
    for (const e of createUser.error.problem.errors ?? []) {
      const field = e.path.replace(/^\/?(body[./])?/, '') as Field;
      if (field in EMPTY && !serverErrors[field]) serverErrors[field] = e.message;
    }
  }
  const errorOf = (field: Field) => errors[field] ?? serverErrors[field];

  function set<K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function close() {
    setForm(EMPTY);
    setErrors({});
    createUser.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) next.email = t('users.create.emailInvalid');
    if (!form.displayName.trim()) next.displayName = t('users.create.displayNameRequired');
    if (needsState && !form.stateIso3) next.stateIso3 = t('users.create.stateRequired');
    if (form.password.length < PASSWORD_MIN_LENGTH) next.password = t('users.create.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    createUser.mutate(
      {
        email: form.email.trim(),
        displayName: form.displayName.trim(),
        role: form.role,
        password: form.password,
        ...(needsState ? { stateIso3: form.stateIso3 } : {}),
      },
      {
        onSuccess: ({ user }) => {
          onCreated(user);
          close();
        },
      },
    );
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': t('actions.close') }} opened={opened} onClose={close} title={t('users.create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {createUser.isError ? <ProblemAlert error={createUser.error} title={t('users.create.failedTitle')} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('users.create.email')}
              type="email"
              dir="ltr"
              autoComplete="off"
              required
              value={form.email}
              error={errorOf('email')}
              onChange={(e) => set('email', e.currentTarget.value)}
              data-autofocus
            />
            <TextInput
              label={t('users.create.displayName')}
              required
              value={form.displayName}
              error={errorOf('displayName')}
              onChange={(e) => set('displayName', e.currentTarget.value)}
            />
            <NativeSelect
              label={t('users.create.role')}
              required
              value={form.role}
              error={errorOf('role')}
              onChange={(e) => set('role', e.currentTarget.value as Role)}
              data={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            />
            {needsState ? (
              <Select
                label={t('users.create.state')}
                description={t('users.create.stateHint')}
                required
                searchable
                data={stateOptions}
                value={form.stateIso3 || null}
                error={errorOf('stateIso3')}
                onChange={(value) => set('stateIso3', value ?? '')}
                nothingFoundMessage={t('cycles.edit.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
          </SimpleGrid>
          <PasswordInput
            label={t('users.create.password')}
            description={t('users.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={form.password}
            error={errorOf('password')}
            onChange={(e) => set('password', e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              {t('users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
