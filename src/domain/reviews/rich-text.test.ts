import { describe, expect, it } from 'vitest';
import { asRichText, looksLikeHtml, plainTextToHtml, richTextToPlain, toSafeRichText } from './rich-text.ts';

describe('toSafeRichText', () => {
  it('keeps the allowed formatting', () => {
    const html = '<p>The <strong>law</strong> of <em>2019</em> <u>applies</u> <s>not</s></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><h3>H</h3>';
    expect(toSafeRichText(html)).toBe(html);
  });

  it('drops scripts, event handlers, styles and unknown tags but keeps their text where it is text', () => {
    const out = toSafeRichText('<p onclick="steal()" style="color:red">Yes <script>steal()</script><img src=x onerror=alert(1)><span>kept</span></p><iframe src="https://x"></iframe>');
    expect(out).toBe('<p>Yes kept</p>');
  });

  it('allows web and mail links only, opening outside the app', () => {
    expect(toSafeRichText('<p><a href="https://example.org/law">law</a></p>')).toBe('<p><a href="https://example.org/law" rel="noopener noreferrer nofollow" target="_blank">law</a></p>');
    expect(toSafeRichText('<p><a href="javascript:alert(1)">x</a></p>')).toBe('<p><a rel="noopener noreferrer nofollow" target="_blank">x</a></p>');
    expect(toSafeRichText('<p><a href="data:text/html,evil">x</a></p>')).not.toContain('data:');
  });

  it('turns big headings into the two allowed levels', () => {
    expect(toSafeRichText('<h1>A</h1><h6>B</h6>')).toBe('<h3>A</h3><h4>B</h4>');
  });

  it('stores nothing for an empty editor', () => {
    expect(toSafeRichText('<p></p>')).toBe('');
    expect(toSafeRichText('<p> <br></p>')).toBe('');
    expect(toSafeRichText('   ')).toBe('');
  });

  it('turns plain text into escaped paragraphs', () => {
    expect(toSafeRichText('a < b\nsecond line\n\nnext & last')).toBe('<p>a &lt; b<br />second line</p><p>next &amp; last</p>');
  });
});

describe('plain text and rich text', () => {
  it('tells HTML from plain text', () => {
    expect(looksLikeHtml('<p>x</p>')).toBe(true);
    expect(looksLikeHtml('if a < b and c > d')).toBe(false);
  });

  it('reads back the visible words', () => {
    expect(richTextToPlain('<p>One &amp; <strong>two</strong></p><ul><li>three</li></ul>')).toBe('One & two\nthree');
    expect(richTextToPlain('plain as before')).toBe('plain as before');
  });

  it('shows old plain answers as paragraphs', () => {
    expect(asRichText('line')).toBe('<p>line</p>');
    expect(asRichText('<p>x</p>')).toBe('<p>x</p>');
    expect(plainTextToHtml('')).toBe('');
  });
});
