import '@mantine/tiptap/styles.css';
import { Box, Text } from '@mantine/core';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useIntersection } from '@mantine/hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RichTextView } from './rich-text-view.tsx';

interface FieldProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  /** The language of the text, when it is not the interface's (an Arabic translation is written right to left). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * A rich text field limited to what the server keeps (paragraphs, bold, italic, underline,
 * strike, lists, quotes, two heading levels, links): what the user sees while typing is
 * what the reviewers will read. The server sanitises again whatever arrives.
 *
 * A checklist has a hundred or more answers and one editor costs tens of milliseconds to
 * start, so each editor starts when its card comes near the screen, or when the user
 * reaches its stand-in by keyboard; until then the answer is shown as it reads.
 */
export function RichTextField(props: FieldProps) {
  const labelId = useId();
  const { ref, entry } = useIntersection<HTMLDivElement>({ rootMargin: '600px 0px' });
  const [started, setStarted] = useState<'no' | 'near' | 'focused'>('no');
  // Once started, an editor stays: scrolling away must not lose the cursor or the undo history.
  if (entry?.isIntersecting && started === 'no') setStarted('near');
  return (
    <Box ref={ref}>
      <Text id={labelId} size="sm" fw={500} mb={4}>
        {props.label}
      </Text>
      {started === 'no' ? (
        <Box
          role="textbox"
          tabIndex={0}
          aria-labelledby={labelId}
          aria-multiline="true"
          onFocus={() => setStarted('focused')}
          lang={props.lang}
          dir={props.dir}
          p="sm"
          mih={96}
          style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <RichTextView html={props.value} empty="" />
        </Box>
      ) : (
        <LiveEditor {...props} labelId={labelId} autofocus={started === 'focused'} />
      )}
    </Box>
  );
}

function LiveEditor({ value, onChange, labelId, autofocus, lang, dir }: FieldProps & { labelId: string; autofocus: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor({
    autofocus: autofocus ? 'end' : false,
    extensions: [StarterKit.configure({ link: false, code: false, codeBlock: false, horizontalRule: false, heading: { levels: [3, 4] } }), Link.configure({ openOnClick: false })],
    content: value,
    shouldRerenderOnTransaction: true,
    // Only the text takes the language and direction: the label and toolbar stay in the interface's.
    editorProps: { attributes: { 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox', ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) } },
    // An empty editor holds "<p></p>": report it as empty, which the server stores as no answer.
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // A value replaced from outside (taking the other version after a conflict) is shown.
  useEffect(() => {
    if (editor && !editor.isFocused && value !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const labels = useMemo<Partial<RichTextEditorLabels>>(
    () => ({
      boldControlLabel: t('richText.bold'),
      italicControlLabel: t('richText.italic'),
      underlineControlLabel: t('richText.underline'),
      strikeControlLabel: t('richText.strike'),
      bulletListControlLabel: t('richText.bulletList'),
      orderedListControlLabel: t('richText.orderedList'),
      blockquoteControlLabel: t('richText.blockquote'),
      h3ControlLabel: t('richText.heading'),
      h4ControlLabel: t('richText.subheading'),
      linkControlLabel: t('richText.link'),
      unlinkControlLabel: t('richText.unlink'),
      linkEditorInputLabel: t('richText.linkAddress'),
      linkEditorInputPlaceholder: 'https://',
      linkEditorSave: t('actions.save'),
      undoControlLabel: t('richText.undo'),
      redoControlLabel: t('richText.redo'),
    }),
    [t],
  );
  return (
    <RichTextEditor editor={editor} labels={labels}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={96} />
    </RichTextEditor>
  );
}
