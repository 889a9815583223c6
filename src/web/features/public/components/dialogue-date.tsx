import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dialogueTypeLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import type { PublicDialogue } from '../api/get-public.ts';

/** The day the dialogue was held (with its form), or the indicative day it is due. */
export function DialogueDate({ dialogue }: { dialogue: PublicDialogue | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (!dialogue) return <>{t('publicPages.notYet')}</>;
  if (!dialogue.held) return <>{t('publicPages.dialogueDue', { date: f.date(dialogue.date) })}</>;
  return (
    <>
      {f.date(dialogue.date)}
      {dialogue.type ? (
        <Text size="xs" c="dimmed">
          {dialogueTypeLabel(t, dialogue.type)}
        </Text>
      ) : null}
    </>
  );
}
