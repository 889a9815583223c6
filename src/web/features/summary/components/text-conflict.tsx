import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VersionConflict } from '../../../components/ui/version-conflict.tsx';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { textDirection } from '../../publication/components/publication-labels.ts';

/**
 * A text saved by someone else meanwhile (409): both versions side by side, as for a
 * checklist answer; the user's own stays on screen until they choose.
 */
export function TextConflict({
  mine,
  theirs,
  language,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: string;
  theirs: { text: string; updatedBy: string | null; updatedAt: string | null } | null;
  language: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const dir = textDirection(language);
  const view = (html: string) => (
    <Box dir={dir} lang={language}>
      <RichTextView html={html} />
    </Box>
  );
  return (
    <VersionConflict
      words={{
        title: t('summary.conflict.title'),
        explain: t('summary.conflict.explain'),
        mine: t('summary.conflict.mine'),
        theirs: t('summary.conflict.theirs'),
        none: t('report.conflict.none'),
        keepMine: t('report.conflict.keepMine'),
        takeTheirs: t('report.conflict.takeTheirs'),
        savedBy: (who, at) => t('report.savedBy', { who, at }),
      }}
      mine={view(mine)}
      theirs={theirs ? { ...theirs, content: view(theirs.text) } : null}
      onKeepMine={onKeepMine}
      onTakeTheirs={onTakeTheirs}
    />
  );
}
