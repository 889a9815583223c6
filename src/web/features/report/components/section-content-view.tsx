import { Box, List, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import type { SectionContent } from '../api/report.ts';
import { proseFieldLabel } from './report-labels.ts';

export const PROSE_FIELDS = ['summary', 'observations', 'successes', 'challenges'] as const;

export const EMPTY_CONTENT: SectionContent = { summary: '', observations: '', successes: '', challenges: '', recommendations: [], goodPractices: [], needs: [] };

export function isContentEmpty(content: SectionContent): boolean {
  return PROSE_FIELDS.every((f) => content[f] === '') && content.recommendations.length === 0 && content.goodPractices.length === 0 && content.needs.length === 0;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A whole section as one HTML text with a heading per field, for the word-by-word comparison. */
export function sectionAsHtml(t: TFunction, content: SectionContent): string {
  const parts: string[] = [];
  for (const field of PROSE_FIELDS) if (content[field]) parts.push(`<h3>${escapeHtml(proseFieldLabel(t, field))}</h3>${content[field]}`);
  const list = (title: string, items: string[]) => {
    if (items.length > 0) parts.push(`<h3>${escapeHtml(title)}</h3><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
  };
  list(t('report.fields.recommendations'), content.recommendations.map((r) => r.text));
  list(t('report.fields.goodPractices'), content.goodPractices.map((g) => g.text));
  list(t('report.fields.needs'), content.needs.map((n) => `${assistanceTypeLabel(t, n.type)}: ${n.text}`));
  return parts.join('');
}

/**
 * A section as it reads: the prose fields, then the numbered recommendations, the good
 * practices and the assistance needs. Empty fields are left out. Used by the report page
 * (read-only, conflicts) and by the public page of a published report.
 */
export function SectionContentView({
  content,
  headingOrder = 4,
  referenceOf,
}: {
  content: SectionContent;
  headingOrder?: TitleOrder;
  /** The stable reference of the n-th recommendation (1-based), shown before its text when there is one. */
  referenceOf?: (sequence: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (isContentEmpty(content)) {
    return (
      <Text size="sm" c="dimmed">
        {t('report.section.empty')}
      </Text>
    );
  }
  // The headings are interface text: in a document shown in another language they keep the interface's.
  const heading = (text: string) => (
    <Title order={headingOrder} size="h6" mb={4} lang={i18n.resolvedLanguage}>
      {text}
    </Title>
  );
  return (
    <Stack gap="sm">
      {PROSE_FIELDS.filter((field) => content[field]).map((field) => (
        <Box key={field}>
          {heading(proseFieldLabel(t, field))}
          <RichTextView html={content[field]} />
        </Box>
      ))}
      {content.recommendations.length > 0 ? (
        <Box>
          {heading(t('report.fields.recommendations'))}
          <List type="ordered" size="sm" spacing={4}>
            {content.recommendations.map((r, i) => (
              <List.Item key={i}>
                {referenceOf?.(i + 1) ? (
                  <Text span size="sm" c="dimmed" dir="ltr" mr={4}>
                    {referenceOf(i + 1)}
                  </Text>
                ) : null}
                {r.text}
              </List.Item>
            ))}
          </List>
        </Box>
      ) : null}
      {content.goodPractices.length > 0 ? (
        <Box>
          {heading(t('report.fields.goodPractices'))}
          <List size="sm" spacing={4}>
            {content.goodPractices.map((g, i) => (
              <List.Item key={i}>{g.text}</List.Item>
            ))}
          </List>
        </Box>
      ) : null}
      {content.needs.length > 0 ? (
        <Box>
          {heading(t('report.fields.needs'))}
          <List size="sm" spacing={4}>
            {content.needs.map((n, i) => (
              <List.Item key={i}>
                <Text span size="sm" fw={600}>
                  {assistanceTypeLabel(t, n.type)}
                </Text>
                {`: ${n.text}`}
              </List.Item>
            ))}
          </List>
        </Box>
      ) : null}
    </Stack>
  );
}
