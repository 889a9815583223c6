/**
 * @module checklist-docx
 * The self-assessment checklist as a Word document (DOCX), laid out like a UN working
 * document: a title block, a confidentiality note, then chapter by chapter and article by
 * article each provision with its level of obligation and the State's answer.
 *
 * Pure apart from the zip writer: the input is a plain object, the output the file's bytes.
 * Answer texts are sanitised HTML (p, br, strong, b, em, i, u, s, ul, ol, li, a, blockquote,
 * h3, h4) or, for older answers, plain text; `answerToBlocks` turns either into paragraphs
 * of styled runs, parsed with htmlparser2 (never with regular expressions).
 *
 * The document's own labels are in English (the working language of the secretariat's
 * documents); answers are reproduced as written.
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
  TabStopType,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { Parser } from 'htmlparser2';
import { ASSISTANCE_TYPE_NAMES, type ChecklistFormat } from '../../domain/reviews/checklist.ts';

// ---------------------------------------------------------------------------------------
// Input

export interface ChecklistDocxAttachment {
  filename: string;
  sizeBytes: number;
}

export interface ChecklistDocxAnswer {
  compliance: string | null;
  text: string;
  assistanceNeeds: { types: string[]; text: string };
  version?: number;
  updatedAt?: string;
}

export interface ChecklistDocxProvision {
  id: string;
  label: string;
  obligation: string;
  answer: ChecklistDocxAnswer | null;
  /** Files attached to the answer; listed by name under it. */
  attachments?: readonly ChecklistDocxAttachment[];
}

export interface ChecklistDocxSection {
  article: number;
  title: string;
  chapter: string;
  provisions: readonly ChecklistDocxProvision[];
}

export type ChecklistDocxView = { kind: 'working' } | { kind: 'submitted'; submission: { number: number; submittedAt: string } | null };

export interface ChecklistDocxInput {
  state: { iso3: string; name: string };
  cycle: { number: number; title: string };
  /** The chapters under review in this cycle, in order, with their titles. */
  chapters: readonly { number: string; title: string }[];
  cohortYear?: number;
  reviewers: readonly { iso3: string; name: string }[];
  format: ChecklistFormat;
  view: ChecklistDocxView;
  generatedAt: Date;
  sections: readonly ChecklistDocxSection[];
}

// ---------------------------------------------------------------------------------------
// English labels

const OBLIGATION_LABELS: Record<string, string> = {
  mandatory: 'Mandatory',
  consider: 'Shall consider',
  optional: 'Optional',
  definition: 'Definition or other',
};

const COMPLIANCE_LABELS: Record<string, string> = { yes: 'Yes', partially: 'Partially', no: 'No' };

const ASSISTANCE_LABELS: Record<string, string> = ASSISTANCE_TYPE_NAMES;

export const NOT_ANSWERED_YET = 'Not answered yet';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "3 March 2016" (UTC). */
export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

function formatDateTime(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${dateFormat.format(d)}, ${timeFormat.format(d)} UTC`;
}

/** "820 bytes", "14 KB", "2.5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "II and V", "I, II and III". */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

// ---------------------------------------------------------------------------------------
// Answer text (sanitised HTML or plain text) → blocks of runs

export interface TextInline {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  /** The link target (http, https or mailto only); other links keep their text only. */
  href?: string;
}
export type Inline = TextInline | { lineBreak: true };

export interface Block {
  kind: 'paragraph' | 'heading3' | 'heading4';
  runs: Inline[];
  /** How many blockquotes the paragraph is in. */
  quoteDepth: number;
  /** In a list item: the list kind, nesting level (0 = top), which list (numbering restarts per list), and whether this is a later paragraph of the same item (no bullet). */
  list?: { ordered: boolean; level: number; instance: number; continued: boolean };
}

/** The tags the answer sanitiser lets through; text with none of them is plain text. */
const ANSWER_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4']);
const MARKS = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', strike: 'strike', del: 'strike' } as const;
type Mark = (typeof MARKS)[keyof typeof MARKS];

function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isText(inline: Inline | undefined): inline is TextInline {
  return inline !== undefined && 'text' in inline;
}

function sameStyle(a: TextInline, b: TextInline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.href === b.href;
}

function plainTextBlocks(text: string): Block[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph' as const, runs: [{ text: line }], quoteDepth: 0 }));
}

/**
 * Paragraphs and runs of an answer. HTML when it holds at least one of the answer tags;
 * otherwise plain text, one paragraph per line.
 * @example answerToBlocks('<p>A <strong>law</strong></p>') // [{ kind: 'paragraph', runs: [{ text: 'A ' }, { text: 'law', bold: true }], quoteDepth: 0 }]
 */
export function answerToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let sawAnswerTag = false;
  let quoteDepth = 0;
  let skipDepth = 0;
  let nextListInstance = 1;
  const marks: Record<Mark, number> = { bold: 0, italic: 0, underline: 0, strike: 0 };
  const links: (string | undefined)[] = [];
  const lists: { ordered: boolean; instance: number }[] = [];
  const items: { ordered: boolean; level: number; instance: number; used: boolean }[] = [];

  const closeBlock = () => {
    if (!current) return;
    const runs = current.runs;
    while (runs.length > 0 && !isText(runs.at(-1))) runs.pop();
    const last = runs.at(-1);
    if (isText(last)) {
      last.text = last.text.replace(/\s+$/, '');
      if (last.text === '') runs.pop();
    }
    if (runs.some((r) => isText(r) && r.text !== '')) blocks.push(current);
    current = null;
  };
  const openBlock = (kind: Block['kind']): Block => {
    const item = items.at(-1);
    const block: Block = { kind, runs: [], quoteDepth };
    if (item) {
      block.list = { ordered: item.ordered, level: item.level, instance: item.instance, continued: item.used };
      item.used = true;
    }
    current = block;
    return block;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (ANSWER_TAGS.has(name)) sawAnswerTag = true;
        if (name === 'script' || name === 'style') skipDepth += 1;
        if (skipDepth > 0) return;
        if (name in MARKS) marks[MARKS[name as keyof typeof MARKS]] += 1;
        switch (name) {
          case 'p':
          case 'div':
            closeBlock();
            break;
          case 'h1':
          case 'h2':
          case 'h3':
            closeBlock();
            openBlock('heading3');
            break;
          case 'h4':
          case 'h5':
          case 'h6':
            closeBlock();
            openBlock('heading4');
            break;
          case 'ul':
          case 'ol':
            closeBlock();
            lists.push({ ordered: name === 'ol', instance: nextListInstance++ });
            break;
          case 'li': {
            closeBlock();
            const list = lists.at(-1) ?? { ordered: false, instance: 0 };
            items.push({ ordered: list.ordered, level: Math.min(Math.max(lists.length - 1, 0), 8), instance: list.instance, used: false });
            break;
          }
          case 'blockquote':
            closeBlock();
            quoteDepth += 1;
            break;
          case 'br':
            (current ?? openBlock('paragraph')).runs.push({ lineBreak: true });
            break;
          case 'a':
            links.push(safeHref(attributes.href));
            break;
        }
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name in MARKS) marks[MARKS[name as keyof typeof MARKS]] = Math.max(0, marks[MARKS[name as keyof typeof MARKS]] - 1);
        switch (name) {
          case 'p':
          case 'div':
          case 'h1':
          case 'h2':
          case 'h3':
          case 'h4':
          case 'h5':
          case 'h6':
            closeBlock();
            break;
          case 'ul':
          case 'ol':
            closeBlock();
            lists.pop();
            break;
          case 'li':
            closeBlock();
            items.pop();
            break;
          case 'blockquote':
            closeBlock();
            quoteDepth = Math.max(0, quoteDepth - 1);
            break;
          case 'a':
            links.pop();
            break;
        }
      },
      ontext(raw) {
        if (skipDepth > 0) return;
        let value = raw.replace(/\s+/g, ' ');
        const atStart = !current || current.runs.length === 0 || !isText(current.runs.at(-1)) || /\s$/.test((current.runs.at(-1) as TextInline).text);
        if (atStart) value = value.replace(/^ /, '');
        if (value === '') return;
        const block = current ?? openBlock('paragraph');
        const run: TextInline = { text: value };
        if (marks.bold > 0) run.bold = true;
        if (marks.italic > 0) run.italic = true;
        if (marks.underline > 0) run.underline = true;
        if (marks.strike > 0) run.strike = true;
        const href = links.at(-1);
        if (href) run.href = href;
        const last = block.runs.at(-1);
        if (isText(last) && sameStyle(last, run)) last.text += run.text;
        else block.runs.push(run);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  closeBlock();
  return sawAnswerTag ? blocks : plainTextBlocks(text);
}

// ---------------------------------------------------------------------------------------
// Blocks → Word paragraphs

const FONT = 'Times New Roman';
const BULLETS = 'checklist-bullets';
const NUMBERS = 'checklist-numbers';
const INDENT = 720; // twips: half an inch per level

function listLevels(ordered: boolean): ILevelsOptions[] {
  const bulletChars = ['•', '◦', '▪'];
  const numberFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? numberFormats[level % 3]! : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : bulletChars[level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
  }));
}

function runsToChildren(runs: readonly Inline[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    if (!isText(run)) {
      children.push(new TextRun({ break: 1 }));
      i += 1;
      continue;
    }
    if (run.href) {
      const linked: TextRun[] = [];
      const href = run.href;
      while (i < runs.length && isText(runs[i]) && (runs[i] as TextInline).href === href) {
        linked.push(textRun(runs[i] as TextInline));
        i += 1;
      }
      children.push(new ExternalHyperlink({ link: href, children: linked }));
      continue;
    }
    children.push(textRun(run));
    i += 1;
  }
  return children;
}

function textRun(run: TextInline): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    strike: run.strike,
    ...(run.underline || run.href ? { underline: {} } : {}),
    ...(run.href ? { style: 'Hyperlink' } : {}),
  });
}

/** Word paragraphs for an answer's text (HTML or plain). */
export function answerParagraphs(text: string): Paragraph[] {
  return answerToBlocks(text).map((block) => {
    const quoteIndent = block.quoteDepth * INDENT;
    const border = block.quoteDepth > 0 ? { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } : undefined;
    const heading = block.kind === 'heading3' ? HeadingLevel.HEADING_4 : block.kind === 'heading4' ? HeadingLevel.HEADING_5 : undefined;
    const list = block.list;
    if (list && !list.continued) {
      return new Paragraph({
        children: runsToChildren(block.runs),
        heading,
        border,
        numbering: { reference: list.ordered ? NUMBERS : BULLETS, level: list.level, instance: list.instance },
        ...(quoteIndent > 0 ? { indent: { left: quoteIndent + INDENT * (list.level + 1), hanging: 360 } } : {}),
      });
    }
    const left = quoteIndent + (list ? INDENT * (list.level + 1) : 0);
    return new Paragraph({ children: runsToChildren(block.runs), heading, border, ...(left > 0 ? { indent: { left } } : {}) });
  });
}

// ---------------------------------------------------------------------------------------
// The document

function labelled(label: string, value: string, options: { italicValue?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: value, italics: options.italicValue })],
  });
}

function viewText(view: ChecklistDocxView): string {
  if (view.kind === 'working') return 'Working version: the answers as saved by the State under review, including changes not yet submitted';
  if (!view.submission) return 'Submitted version: the State under review has not submitted its checklist yet';
  return `Submitted version ${view.submission.number} of ${formatDate(view.submission.submittedAt)}`;
}

function titleBlock(input: ChecklistDocxInput): Paragraph[] {
  const chapters = input.chapters.map((c) => c.number);
  const title = `Self-assessment checklist — ${input.state.name} — Review cycle ${input.cycle.number}${chapters.length > 0 ? ` (chapters ${joinAnd(chapters)})` : ''}`;
  const provisions = input.sections.flatMap((s) => s.provisions);
  const answered = provisions.filter((p) => isAnswered(p.answer)).length;
  return [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { after: 120 },
      children: [new TextRun({ text: 'United Nations Convention against Corruption — Mechanism for the Review of Implementation', smallCaps: true, size: 20 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    labelled('State under review', `${input.state.name} (${input.state.iso3})`),
    labelled('Review cycle', `${input.cycle.title}${input.cohortYear !== undefined ? `, year ${input.cohortYear} of the cycle` : ''}`),
    labelled('Chapters under review', input.chapters.map((c) => `${c.number}. ${c.title}`).join('; ') || '—'),
    labelled('Reviewing States', input.reviewers.length > 0 ? joinAnd(input.reviewers.map((r) => r.name)) : '—'),
    labelled('Format', input.format === 'structured' ? 'Structured: a compliance answer (yes, partially, no) and the types of technical assistance needed' : 'Free text: a narrative answer per provision'),
    labelled('Version', viewText(input.view)),
    labelled('Answered', `${answered} of ${provisions.length} provisions`),
    labelled('Generated', `${formatDateTime(input.generatedAt)}, by Open IRM`),
    new Paragraph({
      spacing: { before: 240, after: 240 },
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
        left: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
        right: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
      },
      children: [
        new TextRun({ text: 'Confidential. ', bold: true }),
        new TextRun(
          `This document contains the self-assessment of ${input.state.name} in its review under the Mechanism. ` +
            'It is confidential to the State under review, its reviewing States and the secretariat, and is not to be circulated beyond them ' +
            'without the consent of the State under review. ',
        ),
        new TextRun({ text: 'The labels of this document are in English; the answers are reproduced as written.', italics: true }),
      ],
    }),
  ];
}

function isAnswered(answer: ChecklistDocxAnswer | null): boolean {
  return answer !== null && (answer.compliance !== null || answer.text.trim() !== '');
}

function provisionParagraphs(p: ChecklistDocxProvision, format: ChecklistFormat): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(capitalise(p.label))] }),
    labelled('Level of obligation', OBLIGATION_LABELS[p.obligation] ?? p.obligation),
  ];
  const a = p.answer;
  if (!a || !isAnswered(a)) {
    out.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: NOT_ANSWERED_YET, italics: true, color: '595959' })] }));
  } else {
    if (format === 'structured') out.push(labelled('Compliance', a.compliance ? (COMPLIANCE_LABELS[a.compliance] ?? a.compliance) : 'Not answered'));
    if (a.text.trim() !== '') {
      out.push(new Paragraph({ keepNext: true, spacing: { after: 60 }, children: [new TextRun({ text: 'Answer:', bold: true })] }));
      out.push(...answerParagraphs(a.text));
    }
  }
  const needs = a?.assistanceNeeds;
  if (needs && needs.types.length > 0) {
    out.push(labelled('Technical assistance needed', needs.types.map((t) => ASSISTANCE_LABELS[t] ?? t).join('; ')));
  }
  if (needs && needs.text.trim() !== '') {
    out.push(new Paragraph({ keepNext: true, spacing: { after: 60 }, children: [new TextRun({ text: 'Technical assistance needs:', bold: true })] }));
    out.push(...answerParagraphs(needs.text));
  }
  if (p.attachments && p.attachments.length > 0) {
    out.push(new Paragraph({ keepNext: true, spacing: { before: 60, after: 60 }, children: [new TextRun({ text: 'Attachments:', bold: true })] }));
    for (const file of p.attachments) {
      out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(file.filename), new TextRun({ text: ` (${formatSize(file.sizeBytes)})`, color: '595959' })] }));
    }
  }
  if (a && isAnswered(a) && a.updatedAt) {
    out.push(
      new Paragraph({
        spacing: { before: 60 },
        children: [new TextRun({ text: `Answer version ${a.version ?? 1}, last saved ${formatDate(a.updatedAt)}.`, size: 18, color: '595959' })],
      }),
    );
  }
  return out;
}

/** The whole checklist as DOCX bytes. */
export async function buildChecklistDocx(input: ChecklistDocxInput): Promise<Buffer> {
  const chapterTitle = new Map(input.chapters.map((c) => [c.number, c.title]));
  const body: Paragraph[] = [...titleBlock(input)];
  const titleLength = body.length;
  let chapter: string | null = null;
  for (const section of input.sections) {
    if (section.chapter !== chapter) {
      chapter = section.chapter;
      const title = chapterTitle.get(chapter);
      // Each chapter after the first starts on a new page, as in the Convention's printed text.
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: body.length > titleLength, children: [new TextRun(`Chapter ${chapter}${title ? `. ${title}` : ''}`)] }));
    }
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(`Article ${section.article}. ${section.title}`)] }));
    for (const p of section.provisions) body.push(...provisionParagraphs(p, input.format));
  }
  const running = `${input.state.name} — self-assessment checklist, cycle ${input.cycle.number}`;
  const doc = new Document({
    creator: 'Open IRM',
    title: `Self-assessment checklist — ${input.state.name} — cycle ${input.cycle.number}`,
    description: 'Confidential to the State under review, its reviewing States and the secretariat.',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 } } },
        heading5: { run: { font: FONT, size: 22, italics: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 } } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: listLevels(false) },
        { reference: NUMBERS, levels: listLevels(true) },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1304, right: 1304, header: 708, footer: 708 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9298 }],
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } },
                children: [new TextRun({ text: 'CONFIDENTIAL', bold: true, size: 18 }), new TextRun({ text: `\t${running}`, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
