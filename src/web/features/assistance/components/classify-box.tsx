/**
 * Try the classifier on one need; the secretariat ticks the right types and saves them as a
 * correction, which the classifier uses from the next classification on.
 */
import { Badge, Button, Checkbox, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import { useClassifyNeed, useCorrectNeed } from '../api/assistance.ts';
import { needTypeLabel, NEED_TYPE_IDS } from './type-label.ts';

export function ClassifyBox({ canCorrect }: { canCorrect: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const percent = (n: number) => new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 0 }).format(n);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const classify = useClassifyNeed();
  const correct = useCorrectNeed();
  const result = classify.data?.types;
  return (
    <Stack gap="sm" component="section" aria-labelledby="classify-title">
      <Title order={2} size="h3" id="classify-title">
        {t('assistance.classifyTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('assistance.classifyIntro')}
      </Text>
      <Textarea label={t('assistance.needText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} dir="auto" data-testid="classify-text" />
      <Group>
        <Button
          onClick={() =>
            classify.mutate(text, {
              onSuccess: (data) => {
                setChosen(data.types.map((s) => s.type));
                correct.reset();
              },
            })
          }
          loading={classify.isPending}
          disabled={text.trim() === ''}
        >
          {t('assistance.classify')}
        </Button>
      </Group>
      {classify.isError ? <ProblemAlert error={classify.error} /> : null}
      {result ? (
        <Table withTableBorder data-testid="classify-result">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assistance.type')}</Table.Th>
              <Table.Th scope="col">{t('assistance.confidence')}</Table.Th>
              <Table.Th scope="col">{t('assistance.evidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.map((s) => (
              <Table.Tr key={s.type}>
                <Table.Th scope="row" fw={400}>
                  {needTypeLabel(t, s.type)}
                </Table.Th>
                <Table.Td>
                  <Badge variant="light" color={s.confidence >= 0.7 ? 'green.9' : 'orange.9'}>
                    {percent(s.confidence)}
                  </Badge>
                </Table.Td>
                <Table.Td dir="ltr">{s.evidence.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {result && canCorrect ? (
        <Stack gap="xs">
          <Checkbox.Group label={t('assistance.rightTypes')} value={chosen} onChange={setChosen}>
            <Group gap="md" mt="xs">
              {NEED_TYPE_IDS.map((type) => (
                <Checkbox key={type} value={type} label={needTypeLabel(t, type)} size="sm" />
              ))}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button variant="light" onClick={() => correct.mutate({ text, types: chosen })} loading={correct.isPending} disabled={chosen.length === 0} data-testid="save-correction">
              {t('assistance.saveCorrection')}
            </Button>
            {correct.isSuccess ? (
              <Text size="sm" fw={600} role="status">
                {t('assistance.correctionSaved', { count: correct.data.corrections })}
              </Text>
            ) : null}
          </Group>
          {correct.isError ? <ProblemAlert error={correct.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
