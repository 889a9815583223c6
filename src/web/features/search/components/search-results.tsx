/**
 * Results: the item's text with the words that matched marked (<mark>). The server sends
 * plain segments, and React escapes each one: a report's text can never become markup here.
 */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import type { SearchResultDto } from '../api/search.ts';
import { kindLabel } from './search-labels.ts';

const KIND_COLOR = { recommendation: 'blue', 'good-practice': 'green', need: 'grape' } as const;

export function SearchResults({ results }: { results: SearchResultDto[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="search-results">
      {results.map((r) => (
        <Card key={`${r.kind}:${r.reference}`} component="li" withBorder padding="sm">
          <Group gap="xs" mb={6} wrap="wrap">
            <Badge color={KIND_COLOR[r.kind]} variant="light">
              {kindLabel(t, r.kind)}
            </Badge>
            {r.needType ? (
              <Badge color="grape" variant="outline">
                {assistanceTypeLabel(t, r.needType)}
              </Badge>
            ) : null}
            <Text size="sm" fw={600}>
              {r.stateName}
            </Text>
            <Text size="sm" c="dimmed">
              {t('search.resultWhere', { cycle: r.cycle, chapter: f.chapter(r.chapter), article: r.article })}
              {r.group ? ` · ${regionalGroupLabel(t, r.group as RegionalGroup)}` : ''}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" dir="ltr">
              {r.reference}
            </Text>
          </Group>
          <Text dir="auto" lang="en" data-testid="search-result-text">
            {r.text.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
