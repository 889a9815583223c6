import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { answerToBlocks, buildChecklistDocx, formatSize, NOT_ANSWERED_YET, type ChecklistDocxInput } from './checklist-docx.ts';

describe('answerToBlocks: answer HTML → paragraphs of runs', () => {
  it('keeps bold, italic, underline and strike runs, merging neighbours of the same style', () => {
    expect(answerToBlocks('<p>The <strong>Act of 2012</strong> and <em>its <u>rules</u></em> <s>old</s>.</p>')).toEqual([
      {
        kind: 'paragraph',
        quoteDepth: 0,
        runs: [
          { text: 'The ' },
          { text: 'Act of 2012', bold: true },
          { text: ' and ' },
          { text: 'its ', italic: true },
          { text: 'rules', italic: true, underline: true },
          { text: ' ' },
          { text: 'old', strike: true },
          { text: '.' },
        ],
      },
    ]);
    expect(answerToBlocks('<p><b>a</b><strong>b</strong><i>c</i></p>')[0]!.runs).toEqual([{ text: 'ab', bold: true }, { text: 'c', italic: true }]);
  });

  it('turns paragraphs, line breaks and headings into blocks, collapsing HTML whitespace and decoding entities', () => {
    expect(answerToBlocks('<h3>Legislation</h3>\n<p>  First\n line<br>second &amp; last  </p><h4>Practice</h4><p></p>')).toEqual([
      { kind: 'heading3', quoteDepth: 0, runs: [{ text: 'Legislation' }] },
      { kind: 'paragraph', quoteDepth: 0, runs: [{ text: 'First line' }, { lineBreak: true }, { text: 'second & last' }] },
      { kind: 'heading4', quoteDepth: 0, runs: [{ text: 'Practice' }] },
    ]);
  });

  it('numbers each list on its own and nests levels; a second paragraph of an item has no bullet', () => {
    const blocks = answerToBlocks('<ol><li><p>one</p><ul><li>sub</li></ul></li><li>two<p>more on two</p></li></ol><p>between</p><ol><li>again one</li></ol>');
    expect(blocks.map((b) => [b.runs.map((r) => ('text' in r ? r.text : '\n')).join(''), b.list])).toEqual([
      ['one', { ordered: true, level: 0, instance: 1, continued: false }],
      ['sub', { ordered: false, level: 1, instance: 2, continued: false }],
      ['two', { ordered: true, level: 0, instance: 1, continued: false }],
      ['more on two', { ordered: true, level: 0, instance: 1, continued: true }],
      ['between', undefined],
      ['again one', { ordered: true, level: 0, instance: 3, continued: false }],
    ]);
  });

  it('keeps http(s) and mailto links, and only the text of other links; indents quotes', () => {
    const blocks = answerToBlocks('<p>See <a href="https://example.org/law">the <strong>law</strong></a> or <a href="javascript:alert(1)">this</a>.</p><blockquote><p>Quoted</p></blockquote>');
    expect(blocks[0]!.runs).toEqual([
      { text: 'See ' },
      { text: 'the ', href: 'https://example.org/law' },
      { text: 'law', bold: true, href: 'https://example.org/law' },
      { text: ' or this.' },
    ]);
    expect(blocks[1]).toEqual({ kind: 'paragraph', quoteDepth: 1, runs: [{ text: 'Quoted' }] });
  });

  it('reads older plain-text answers as one paragraph per line, characters as written', () => {
    expect(answerToBlocks('Line one: a < b & c\n\nLine two')).toEqual([
      { kind: 'paragraph', quoteDepth: 0, runs: [{ text: 'Line one: a < b & c' }] },
      { kind: 'paragraph', quoteDepth: 0, runs: [{ text: 'Line two' }] },
    ]);
    expect(answerToBlocks('')).toEqual([]);
  });

  it('drops the content of script and style elements, should any get through', () => {
    expect(answerToBlocks('<p>kept</p><script>alert(1)</script><style>p{}</style>')).toEqual([{ kind: 'paragraph', quoteDepth: 0, runs: [{ text: 'kept' }] }]);
  });
});

describe('buildChecklistDocx', () => {
  const input: ChecklistDocxInput = {
    state: { iso3: 'AUT', name: 'Austria' },
    cycle: { number: 1, title: 'First review cycle' },
    chapters: [{ number: 'III', title: 'Criminalization and law enforcement' }],
    cohortYear: 2,
    reviewers: [{ iso3: 'DEU', name: 'Germany' }, { iso3: 'KEN', name: 'Kenya' }],
    format: 'structured',
    view: { kind: 'submitted', submission: { number: 2, submittedAt: '2016-03-03T10:00:00.000Z' } },
    generatedAt: new Date('2026-01-05T08:30:00Z'),
    sections: [
      {
        article: 15,
        title: 'Bribery of national public officials',
        chapter: 'III',
        provisions: [
          {
            id: '15(a)',
            label: 'article 15 (a)',
            obligation: 'mandatory',
            answer: {
              compliance: 'partially',
              text: '<p>Section 304 of the <strong>Criminal Code</strong>.</p><ul><li>first point</li></ul><p><a href="https://www.ris.bka.gv.at/">RIS</a></p>',
              assistanceNeeds: { types: ['legal-advice'], text: 'Training of judges' },
              version: 3,
              updatedAt: '2016-03-01T09:00:00.000Z',
            },
            attachments: [{ filename: 'criminal-code.pdf', sizeBytes: 2_500_000 }],
          },
          { id: '15(b)', label: 'article 15 (b)', obligation: 'mandatory', answer: null },
        ],
      },
    ],
  };

  it('writes a DOCX that a parser reads back: title block, headings, answers, formatting, lists and links', async () => {
    const bytes = await buildChecklistDocx(input);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    for (const expected of [
      'Self-assessment checklist — Austria — Review cycle 1 (chapters III)',
      'Submitted version 2 of 3 March 2016',
      'Germany and Kenya',
      'Chapter III. Criminalization and law enforcement',
      'Article 15. Bribery of national public officials',
      'Article 15 (a)',
      'Compliance: Partially',
      'Section 304 of the Criminal Code.',
      'Technical assistance needed: Legal advice',
      'Training of judges',
      'criminal-code.pdf (2.4 MB)',
      NOT_ANSWERED_YET,
      'Confidential.',
    ]) {
      expect(text).toContain(expected);
    }
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<strong>Criminal Code</strong>');
    expect(html).toMatch(/<ul><li>first point<\/li><\/ul>/);
    expect(html).toContain('<a href="https://www.ris.bka.gv.at/">RIS</a>');
    expect(html).toContain('<h2>Article 15. Bribery of national public officials</h2>');
  });

  it('shows the working view and a reviewer view before any submission', async () => {
    const working = (await mammoth.extractRawText({ buffer: await buildChecklistDocx({ ...input, view: { kind: 'working' } }) })).value;
    expect(working).toContain('Working version');
    const none = (await mammoth.extractRawText({ buffer: await buildChecklistDocx({ ...input, view: { kind: 'submitted', submission: null } }) })).value;
    expect(none).toContain('has not submitted its checklist yet');
  });

  it('formats sizes', () => {
    expect([formatSize(820), formatSize(14_000), formatSize(2_621_440)]).toEqual(['820 bytes', '14 KB', '2.5 MB']);
  });
});
