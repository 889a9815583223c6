import { Typography } from '@mantine/core';

/**
 * An answer as the server stored it. The HTML was cut down on the server to a few
 * formatting tags (src/domain/reviews/rich-text.ts) before it was saved, which is what
 * makes showing it as HTML safe.
 */
export function RichTextView({ html, empty = '—' }: { html: string; empty?: string }) {
  if (!html) return <>{empty}</>;
  return (
    <Typography fz="sm" className="rich-text-view">
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
