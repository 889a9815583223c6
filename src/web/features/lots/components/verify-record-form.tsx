import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useVerifyRecord } from '../api/verify-record.ts';

/** Upload or paste a draw record; the server re-runs it and checks every rule. */
export function VerifyRecordForm() {
  const { t } = useTranslation();
  const f = useFormatters();
  const verify = useVerifyRecord();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);

  async function chooseFile(chosen: File | null) {
    setFile(chosen);
    verify.reset();
    if (chosen) setText(await chosen.text());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.reset();
    if (text.trim() === '') {
      setInputError(t('lots.verify.empty'));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setInputError(t('lots.verify.notJson'));
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setInputError(t('lots.verify.notObject'));
      return;
    }
    setInputError(null);
    verify.mutate(parsed as Record<string, unknown>);
  }

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FileInput
              label={t('lots.verify.file')}
              description={t('lots.verify.fileHint')}
              placeholder={t('lots.verify.filePlaceholder')}
              accept="application/json,.json"
              value={file}
              onChange={(chosen) => void chooseFile(chosen)}
              clearable
              clearButtonProps={{ 'aria-label': t('lots.verify.clearFile') }}
            />
            <Textarea
              label={t('lots.verify.paste')}
              description={t('lots.verify.pasteHint')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setInputError(null);
                verify.reset();
              }}
              error={inputError}
              autosize
              minRows={6}
              maxRows={16}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', direction: 'ltr', textAlign: 'left' } }}
              spellCheck={false}
            />
            <Group>
              <Button type="submit" loading={verify.isPending}>
                {t('lots.verify.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <div aria-live="polite">
        {verify.isError ? <ProblemAlert error={verify.error} /> : null}
        {verify.data?.valid ? (
          <Alert color="#1e6b30" variant="filled" title={t('lots.verify.validTitle')} role="status">
            <Text size="md">{t('lots.verify.validBody')}</Text>
          </Alert>
        ) : null}
        {verify.data && !verify.data.valid ? (
          <Alert color="red" variant="light" title={t('lots.verify.invalidTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('lots.verify.invalidBody', { formatted: f.number(verify.data.problems.length) })}</Text>
              <List size="sm" spacing={4}>
                {verify.data.problems.map((p, i) => (
                  <List.Item key={i} lang="en">
                    {p}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
