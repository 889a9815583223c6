/**
 * @module rich-text
 * Checklist answers are rich text: a small, fixed set of formatting (paragraphs, emphasis,
 * lists, links, quotes, two heading levels) that a Word document and a screen reader both
 * understand. Whatever a browser sends is cut down to that set here, on the server, so the
 * stored HTML is safe to show to every reader; answers typed before rich text existed are
 * plain text and are turned into paragraphs.
 */
import sanitizeHtml from 'sanitize-html';

export const RICH_TEXT_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'] as const;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  // rel and target are always overwritten by the transform below.
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  // Links to the web or to an e-mail address only: no javascript:, data: or relative paths.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script and style content is dropped with its tag, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open outside the app and pass no referrer or window handle.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
  },
};

/** Whether a stored text is already HTML (rich text) rather than plain text from before. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as paragraphs: blank lines separate paragraphs, single line breaks are kept. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escapeText(block).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/** The visible words of an answer, for emptiness checks, search and comparing versions. */
export function richTextToPlain(html: string): string {
  if (!looksLikeHtml(html)) return html;
  const spaced = html.replace(/<(br|\/p|\/li|\/h3|\/h4|\/blockquote)\b[^>]*>/gi, '\n');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The answer as it will be stored: allowed formatting only, and '' when nothing visible
 * remains (an editor's empty paragraph is not an answer).
 * @example toSafeRichText('<p onclick="x()">Yes <script>bad()</script></p>') // '<p>Yes </p>'
 */
export function toSafeRichText(input: string): string {
  const html = looksLikeHtml(input) ? sanitizeHtml(input, OPTIONS) : plainTextToHtml(input);
  return richTextToPlain(html).trim() === '' ? '' : html;
}

/** Stored text as HTML for readers and editors, whether it was saved as rich text or before. */
export function asRichText(stored: string): string {
  return looksLikeHtml(stored) ? stored : plainTextToHtml(stored);
}
