/**
 * @module report-docx
 * The country review report and the executive summary as Word documents (DOCX), laid out
 * like a United Nations document (see `report-document.ts` for the layout and the language of
 * its labels): a title block, then the body in paragraphs numbered by a Word numbering
 * definition — one list for the whole document, so Word itself numbers 1., 2., 3. … across
 * chapters and headings, and renumbers when someone edits the file.
 *
 * Arabic: every paragraph is bidirectional (`w:bidi`), the runs holding Arabic (or no
 * left-to-right letters) are right to left (`w:rtl`), and paragraphs are aligned to their
 * start, which is the right in a bidirectional paragraph; the title block's table is mirrored.
 *
 * Pure apart from the zip writer: the input is a plain object, the output the file's bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Inline, TextInline } from './checklist-docx.ts';
import {
  hasLtr,
  hasRtl,
  reportLayout,
  summaryLayout,
  type DocumentLayout,
  type LayoutNode,
  type ReportDocumentInput,
  type SummaryDocumentInput,
  type TitleBlock,
} from './report-document.ts';

export type { ReportDocumentInput, SummaryDocumentInput } from './report-document.ts';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
const LANGUAGE_TAGS = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' } as const;

/** The one numbering definition of the body paragraphs: never restarted. */
const PARAGRAPHS = 'un-paragraphs';
const LETTERS = 'un-letters';
const BULLETS = 'un-bullets';

// A4, margins of 2.3 cm left and right: 16.4 cm of text.
const PAGE = { width: 11906, height: 16838, margin: { top: 1417, bottom: 1417, left: 1304, right: 1304, header: 708, footer: 708 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Body text starts 1 cm in; the paragraph number hangs in that space. */
const BODY_INDENT = 567;
const STEP = 567;

interface Context {
  rtl: boolean;
}

function run(ctx: Context, text: string, style: Omit<TextInline, 'text' | 'href'> & { size?: number; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italic,
    strike: style.strike,
    size: style.size,
    sizeComplexScript: style.size,
    boldComplexScript: style.bold,
    italicsComplexScript: style.italic,
    color: style.color,
    ...(style.underline ? { underline: {} } : {}),
    // A run is right to left when it holds Arabic, or, in an Arabic document, no left-to-right letters (digits, punctuation).
    ...(hasRtl(text) || (ctx.rtl && !hasLtr(text)) ? { rightToLeft: true } : {}),
  });
}

function runsToChildren(ctx: Context, runs: readonly Inline[], base: { bold?: boolean; italic?: boolean; size?: number } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const r of runs) {
    if (!('text' in r)) {
      children.push(new TextRun({ break: 1 }));
      continue;
    }
    const style = { ...r, bold: r.bold ?? (base.bold ? true : undefined), italic: r.italic ?? (base.italic ? true : undefined), size: base.size };
    if (r.href) {
      const textRun = new TextRun({ text: r.text, bold: style.bold, italics: style.italic, style: 'Hyperlink', underline: {}, ...(hasRtl(r.text) ? { rightToLeft: true } : {}) });
      children.push(new ExternalHyperlink({ link: r.href, children: [textRun] }));
    } else {
      children.push(run(ctx, r.text, style));
    }
  }
  return children;
}

/** Paragraph options shared by every paragraph: bidirectional in an Arabic document. */
function para(ctx: Context, options: IParagraphOptions): Paragraph {
  return new Paragraph({ ...options, ...(ctx.rtl ? { bidirectional: true } : {}) });
}

function levels(kind: 'letters' | 'bullets'): ILevelsOptions[] {
  const bulletChars = ['•', '◦', '▪'];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullets' ? LevelFormat.BULLET : level % 2 === 1 ? LevelFormat.LOWER_ROMAN : LevelFormat.LOWER_LETTER,
    text: kind === 'bullets' ? bulletChars[level % 3]! : `(%${level + 1})`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { start: BODY_INDENT + STEP * (level + 1), hanging: STEP } } },
  }));
}

// ---------------------------------------------------------------------------------------
// Title block

const NO_BORDERS = TableBorders.NONE;
const RULE = { style: BorderStyle.SINGLE, size: 18, color: '000000', space: 1 } as const;

function titleBlock(ctx: Context, title: TitleBlock): (Paragraph | Table)[] {
  const left = 3800;
  const right = TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[], borders?: { bottom?: typeof RULE }) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, children, borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: borders?.bottom ?? { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } } });
  // The symbol is Latin script: a left-to-right paragraph, at the outer edge (the left in an Arabic document).
  const symbol = new Paragraph({
    alignment: ctx.rtl ? AlignmentType.LEFT : AlignmentType.RIGHT,
    children: [new TextRun({ text: title.symbol, size: 36 })],
  });
  const heading = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
    rows: [
      new TableRow({
        children: [
          cell(left, [para(ctx, { spacing: { before: 120 }, children: [run(ctx, title.unitedNations, { bold: true, size: 28 })] })], { bottom: RULE }),
          cell(right, [symbol], { bottom: RULE }),
        ],
      }),
      new TableRow({
        children: [
          cell(left, [new Paragraph({ children: [] })], { bottom: RULE }),
          cell(
            right,
            title.meta.map(
              (line, i) =>
                new Paragraph({
                  // Latin script in every language (UN practice): left to right, at the start of its column.
                  indent: { left: ctx.rtl ? 0 : right - 3000 },
                  spacing: { before: i === 0 ? 120 : 0, after: i === title.meta.length - 1 ? 160 : 0 },
                  children: [new TextRun({ text: line, size: 20 })],
                }),
            ),
            { bottom: RULE },
          ),
        ],
      }),
    ],
  });
  const lines: (Paragraph | Table)[] = [heading];
  lines.push(para(ctx, { spacing: { before: 360, after: 60 }, children: [run(ctx, title.group, { bold: true, size: 20 })] }));
  lines.push(para(ctx, { spacing: { before: 240, after: 120 }, keepNext: true, children: [run(ctx, title.subject, { bold: true, size: 28 })] }));
  lines.push(para(ctx, { heading: HeadingLevel.TITLE, spacing: { before: 120, after: 240 }, children: [run(ctx, title.title)] }));
  lines.push(para(ctx, { spacing: { after: 360 }, children: [run(ctx, title.reviewingStates, { italic: true })] }));
  return lines;
}

// ---------------------------------------------------------------------------------------
// Body

function nodeParagraph(ctx: Context, node: LayoutNode): Paragraph {
  // Justified, except right to left: LibreOffice justifies Arabic with kashidas that its PDFs then map to stray letters.
  const alignment = ctx.rtl ? undefined : AlignmentType.BOTH;
  switch (node.kind) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][node.level - 1];
      return para(ctx, { heading, keepNext: true, keepLines: true, ...(node.level >= 3 ? { indent: { start: BODY_INDENT } } : {}), children: runsToChildren(ctx, node.runs) });
    }
    case 'paragraph': {
      const children = runsToChildren(ctx, node.runs, { italic: node.italic });
      if (node.numbered) return para(ctx, { alignment, numbering: { reference: PARAGRAPHS, level: 0 }, children });
      return para(ctx, { alignment, indent: { start: BODY_INDENT + STEP * node.quoteDepth }, children });
    }
    case 'item': {
      const children = runsToChildren(ctx, node.runs);
      if (node.continued) return para(ctx, { alignment, indent: { start: BODY_INDENT + STEP * (node.level + 1) }, children });
      return para(ctx, {
        alignment,
        numbering: { reference: node.marker === 'letter' ? LETTERS : BULLETS, level: Math.min(node.level, 8), instance: node.list },
        children,
      });
    }
  }
}

async function buildDocx(layout: DocumentLayout): Promise<Buffer> {
  const ctx: Context = { rtl: layout.direction === 'rtl' };
  const body: (Paragraph | Table)[] = [...titleBlock(ctx, layout.title), ...layout.nodes.map((node) => nodeParagraph(ctx, node))];
  const draft = layout.title.draftMark;
  const headerLines = (withSymbol: boolean): Paragraph[] => [
    ...(draft ? [para(ctx, { alignment: AlignmentType.START, children: [run(ctx, draft, { bold: true, size: 18, color: 'C00000' })] })] : []),
    ...(withSymbol && layout.symbol
      ? [new Paragraph({ alignment: ctx.rtl ? AlignmentType.LEFT : AlignmentType.RIGHT, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } }, children: [new TextRun({ text: layout.symbol, bold: true, size: 18 })] })]
      : []),
  ];
  const footer = () =>
    new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] });
  const doc = new Document({
    creator: 'Open IRM',
    title: layout.documentTitle,
    description: layout.symbol,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20, sizeComplexScript: 22, language: { value: LANGUAGE_TAGS[layout.language], eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
          paragraph: { spacing: { after: 120, line: 240 } },
        },
        title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 180 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 140 } } },
        heading3: { run: { font: FONT, size: 20, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 } } },
        heading4: { run: { font: FONT, size: 20, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: PARAGRAPHS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { start: BODY_INDENT, hanging: BODY_INDENT } } },
            },
          ],
        },
        { reference: LETTERS, levels: levels('letters') },
        { reference: BULLETS, levels: levels('bullets') },
      ],
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: { first: new Header({ children: headerLines(false) }), default: new Header({ children: headerLines(true) }) },
        footers: { first: footer(), default: footer() },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The country review report as DOCX bytes. */
export async function buildReportDocx(input: ReportDocumentInput): Promise<Buffer> {
  return buildDocx(reportLayout(input));
}

/** The executive summary, in `input.language`, as DOCX bytes. */
export async function buildSummaryDocx(input: SummaryDocumentInput): Promise<Buffer> {
  return buildDocx(summaryLayout(input));
}
