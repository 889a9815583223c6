import { Button, Code, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../domain/accounts/roles.ts';
import { roleLabel } from '../../../i18n/labels.ts';

/** The accounts of the fictitious demonstration data set (listed only when the server says demo: true). */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role }> = [
  { email: 'secretariat@demo.test', role: 'secretariat' },
  { email: 'focal.point@demo.test', role: 'focal-point' },
  { email: 'expert@demo.test', role: 'expert' },
  { email: 'delegate@demo.test', role: 'delegate' },
];
export const DEMO_PASSWORD = 'open-irm-demo';

export function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="demo-accounts-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="demo-accounts-title">
          {t('signIn.demoTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('signIn.demoBody')}{' '}
          <Code>{DEMO_PASSWORD}</Code>
        </Text>
        <Table withRowBorders verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signIn.demoEmail')}</Table.Th>
              <Table.Th scope="col">{t('signIn.demoRole')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('signIn.demoActions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {DEMO_ACCOUNTS.map((account) => (
              <Table.Tr key={account.email}>
                <Table.Td>
                  {/* On a phone the whole address would push the table out of its card: it breaks after the @ first. */}
                  <Text component="span" size="sm" ff="monospace" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                    {account.email.split('@')[0]}@<wbr />
                    {account.email.split('@')[1]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{roleLabel(t, account.role)}</Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('signIn.demoUseFor', { email: account.email })}
                    onClick={() => onUse(account.email, DEMO_PASSWORD)}
                  >
                    {t('signIn.demoUse')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
