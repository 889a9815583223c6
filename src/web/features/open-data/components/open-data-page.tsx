/**
 * The open-data page (docs/OPEN-DATA.md): every public data set with its JSON and CSV
 * downloads and its fields, the bulk ZIP, the feeds and the API's address. Data-set titles and
 * field descriptions are the dictionary's (English, the API's language); the page around them
 * is in the interface language.
 */
import { Accordion, Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { OPEN_DATA_INDEX, sitePath, useOpenDataDictionary, useOpenDataIndex } from '../api/open-data.ts';

function FieldTable({ fields }: { fields: readonly { name: string; type: string; nullable?: boolean; description: string }[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('openData.field')}</Table.Th>
            <Table.Th scope="col">{t('openData.type')}</Table.Th>
            <Table.Th scope="col">{t('openData.meaning')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Th scope="row">
                <Code dir="ltr">{f.name}</Code>
              </Table.Th>
              <Table.Td>
                {f.type}
                {f.nullable ? ` (${t('openData.mayBeEmpty')})` : ''}
              </Table.Td>
              <Table.Td dir="auto">{f.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OpenDataPage() {
  const { t } = useTranslation();
  const index = useOpenDataIndex();
  const dictionary = useOpenDataDictionary();
  if (index.isPending) return <Loading />;
  if (index.error) return <ProblemAlert error={index.error} />;
  const fieldsOf = (name: string) => dictionary.data?.datasets.find((d) => d.name === name)?.fields ?? [];
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="open-data-bulk">
        <Stack gap="sm">
          <Title order={2} size="h4" id="open-data-bulk">
            {t('openData.bulkTitle')}
          </Title>
          <Text size="sm">{t('openData.bulkText')}</Text>
          <Group>
            <Button component="a" href={sitePath(index.data.bulk)} download>
              {t('openData.downloadBulk')}
            </Button>
            <Anchor href={sitePath(index.data.dictionary)}>{t('openData.dictionary')}</Anchor>
            {index.data.feeds.map((feed) => (
              <Anchor key={feed} href={sitePath(feed)} type="application/atom+xml">
                {t('openData.feed')}
              </Anchor>
            ))}
          </Group>
          <Text size="sm">
            {t('openData.apiText', { version: index.data.version })} <Code dir="ltr">{OPEN_DATA_INDEX}</Code> ·{' '}
            <Anchor href={sitePath(index.data.documentation)}>{t('openData.apiDocs')}</Anchor>
          </Text>
          <Text size="sm" c="dimmed">
            {t('openData.scope')}
          </Text>
        </Stack>
      </Paper>
      <section aria-labelledby="open-data-sets">
        <Title order={2} size="h4" id="open-data-sets" mb="sm">
          {t('openData.datasetsTitle')}
        </Title>
        {dictionary.error ? <ProblemAlert error={dictionary.error} /> : null}
        <Accordion variant="separated" multiple>
          {index.data.datasets.map((d) => (
            <Accordion.Item key={d.name} value={d.name}>
              <Accordion.Control>
                <Text fw={600} dir="auto">
                  {d.title}
                </Text>
                <Text size="sm" c="dimmed" dir="auto">
                  {d.description}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Group>
                    <Button size="xs" variant="light" component="a" href={sitePath(d.csv)} download aria-label={`${t('openData.csv')}: ${d.title}`}>
                      {t('openData.csv')}
                    </Button>
                    <Button size="xs" variant="light" component="a" href={sitePath(d.json)} aria-label={`${t('openData.json')}: ${d.title}`}>
                      {t('openData.json')}
                    </Button>
                  </Group>
                  {fieldsOf(d.name).length > 0 ? <FieldTable fields={fieldsOf(d.name)} /> : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>
    </Stack>
  );
}
