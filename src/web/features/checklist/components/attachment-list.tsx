import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { attachmentHref, useRemoveAttachment, useUploadAttachment, type AttachmentDto } from '../api/checklist.ts';

/** What the file picker offers; the server decides from the bytes whatever is picked. */
const ACCEPT = '.pdf,.doc,.docx,.xlsx,.pptx,.odt,.ods,.rtf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.csv';

function sizeLabel(bytes: number, number: (n: number) => string): string {
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The files cited by one answer: download for every reader; attach and remove for its authors. */
export function AttachmentList({ reviewId, provisionId, attachments, editable }: { reviewId: string; provisionId: string; attachments: AttachmentDto[]; editable: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const upload = useUploadAttachment(reviewId, provisionId);
  const remove = useRemoveAttachment(reviewId, provisionId);
  if (!editable && attachments.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('checklist.attachments.title', { provision: provisionId })}>
      <Text size="sm" fw={600}>
        {t('checklist.attachments.heading')}
      </Text>
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('checklist.attachments.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {attachments.map((a) => (
            <Group component="li" key={a.id} gap="xs" wrap="nowrap">
              <Anchor href={attachmentHref(reviewId, a.id)} size="sm" download={a.filename}>
                {a.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {sizeLabel(a.sizeBytes, f.number)}
              </Text>
              {editable ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('checklist.attachments.remove', { name: a.filename })}
                  loading={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {editable ? (
        <Group gap="xs">
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={upload.isPending} aria-label={t('checklist.attachments.addTo', { provision: provisionId })}>
                {t('checklist.attachments.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('checklist.attachments.hint')}
          </Text>
        </Group>
      ) : null}
      {upload.isError ? <ProblemAlert error={upload.error} /> : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
    </Stack>
  );
}
