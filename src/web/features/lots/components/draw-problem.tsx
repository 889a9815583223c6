import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, useErrorMessage } from '../../../components/ui/problem-message.tsx';
import { lotsRuleLabel } from '../../../i18n/labels.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';

/**
 * A refused draw step, shown in place. For an impossible draw ("lots.infeasible") the
 * server names the rule (in the error's path) and the States concerned (its message).
 */
export function DrawProblem({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { nameOf } = usePartyNames();
  if (!isApiError(error) || error.code !== 'lots.infeasible') return <ProblemAlert error={error} title={title} />;
  const details = error.problem.errors ?? [];
  return (
    <Alert color="red" variant="light" title={t('lots.infeasibleTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message(error)}</Text>
        {details.length > 0 ? (
          <List size="sm" spacing={4}>
            {details.map((d, i) => (
              <List.Item key={`${d.path}-${i}`}>
                <Text span fw={600} size="sm">
                  {t('lots.infeasibleRule', { rule: lotsRuleLabel(t, d.path) })}
                </Text>{' '}
                <Text span size="sm">
                  {t('lots.infeasibleStates', {
                    states: d.message
                      .split(/\s*,\s*/)
                      .filter(Boolean)
                      .map((iso3) => (/^[A-Z]{3}$/.test(iso3) ? `${nameOf(iso3)} (${iso3})` : iso3))
                      .join(', '),
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
