/**
 * @module report-pdf
 * The country review report and the executive summary as PDF, with the same layout and
 * content as the Word versions (`report-document.ts`), drawn with pdfmake 0.3 (pure
 * JavaScript over pdfkit and fontkit: no LibreOffice or other program at run time).
 *
 * Fonts, all from npm packages and embedded as subsets:
 * - Roboto (shipped inside pdfmake): Latin and Cyrillic; its Medium weight serves as bold.
 * - Noto Naskh Arabic (`@embedpdf/fonts-arabic`): Arabic.
 * - Noto Sans Hans (`@embedpdf/fonts-sc`, the Simplified Chinese region of Noto Sans CJK:
 *   20,945 of the 20,992 CJK Unified Ideographs and all of GB 2312 but 5 characters).
 * Each character goes to the font of its script; digits, spaces and punctuation stay with
 * the font of the text around them when that font has them. Nothing falls back to a font
 * outside this list: a character none of them has (emoji, say) prints as a missing glyph.
 *
 * Right to left. pdfmake lays text out left to right only; fontkit shapes Arabic (joining
 * forms, lam-alef and other ligatures, marks) and reverses the glyphs of a right-to-left
 * run, but nothing orders the words of a line. So a paragraph that holds right-to-left
 * letters, or any paragraph of an Arabic document, is laid out here: the Unicode
 * Bidirectional Algorithm (bidi-js) gives each character its level, the paragraph is cut
 * into runs of one level, font and style (never across a space), lines are filled with
 * fontkit's widths, and each line's runs are put in visual order (rule L2) and handed to
 * pdfmake as one unwrapped line. Runs of neutral characters at a right-to-left level are
 * reversed and mirrored ("(" ↔ ")") here; Arabic runs are left in logical order for fontkit
 * to shape and reverse. Those lines are aligned right (not justified).
 *
 * Text extraction: a ligature glyph maps back to its letters through the font's ToUnicode
 * table. Readers such as poppler (pdftotext) reverse right-to-left text character by
 * character, which would turn the lam-alef of "الاتفاقية" into "ال"; so the letters of the
 * Arabic font's ligatures are written in reverse order in that table, and pdftotext gives
 * the words back as typed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import bidiModule from 'bidi-js';
import * as fontkit from 'fontkit';
import type { Inline, TextInline } from './checklist-docx.ts';
import {
  listMarkerText,
  reportLayout,
  summaryLayout,
  type DocumentLayout,
  type LayoutNode,
  type ReportDocumentInput,
  type SummaryDocumentInput,
} from './report-document.ts';

export type { ReportDocumentInput, SummaryDocumentInput } from './report-document.ts';

// ---------------------------------------------------------------------------------------
// Fonts

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------
// pdfmake, typed here: the part of its document definition this module writes. (@types/pdfmake
// is not used: it pulls the DOM library into the server's type-checking.)

type Margin = [number, number, number, number];
interface ContentText {
  text: string | ContentText[];
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  decoration?: 'underline' | 'lineThrough';
  link?: string;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  noWrap?: boolean;
  margin?: Margin;
}
type Content =
  | ContentText
  | { stack: Content[]; margin?: Margin; unbreakable?: boolean }
  | { columns: ({ width: number | '*' } & Content)[]; columnGap?: number; margin?: Margin }
  | { canvas: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number }[]; margin?: Margin };
interface DocumentDefinition {
  pageSize: 'A4';
  pageMargins: Margin;
  language: string;
  info: { title: string; author: string; subject: string; creator: string };
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  header: (currentPage: number) => Content;
  footer: (currentPage: number) => Content;
  content: Content[];
}
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  /** getStream: the pdfkit document, laid out and drawn, not yet ended. */
  createPdf(definition: DocumentDefinition): { getStream(): Promise<unknown> };
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
}
const pdfmake = require('pdfmake') as PdfMake;
const ROBOTO = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const NASKH = path.join(path.dirname(require.resolve('@embedpdf/fonts-arabic')), '..', 'fonts');
const HANS = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

type Family = 'Roboto' | 'Naskh' | 'Hans';
type Variant = 'normal' | 'bold' | 'italics' | 'bolditalics';

const FONT_FILES: Record<Family, Record<Variant, string>> = {
  Roboto: {
    normal: path.join(ROBOTO, 'Roboto-Regular.ttf'),
    bold: path.join(ROBOTO, 'Roboto-Medium.ttf'),
    italics: path.join(ROBOTO, 'Roboto-Italic.ttf'),
    bolditalics: path.join(ROBOTO, 'Roboto-MediumItalic.ttf'),
  },
  // No italic Arabic or Chinese: the upright face serves.
  Naskh: {
    normal: path.join(NASKH, 'NotoNaskhArabic-Regular.ttf'),
    bold: path.join(NASKH, 'NotoNaskhArabic-Bold.ttf'),
    italics: path.join(NASKH, 'NotoNaskhArabic-Regular.ttf'),
    bolditalics: path.join(NASKH, 'NotoNaskhArabic-Bold.ttf'),
  },
  Hans: {
    normal: path.join(HANS, 'NotoSansHans-Regular.otf'),
    bold: path.join(HANS, 'NotoSansHans-Bold.otf'),
    italics: path.join(HANS, 'NotoSansHans-Regular.otf'),
    bolditalics: path.join(HANS, 'NotoSansHans-Bold.otf'),
  },
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES).flatMap((variants) => Object.values(variants)));

/** The font files, as paths, for anyone who needs to check or measure them. */
export const PDF_FONT_FILES = FONT_FILES;

/**
 * The bytes of each font file, read once per process into pdfmake's virtual file system:
 * pdfmake would otherwise read them again for every document (17 MB for the two Chinese
 * faces), and that garbage, more than the fonts, raised the peak memory of a process making
 * documents one after another.
 */
const virtualFs = pdfmake.virtualfs;

function fontDictionary(used: ReadonlySet<Family>): Record<Family, Record<Variant, string>> {
  const name = (file: string) => {
    const key = `openirm-fonts/${path.basename(file)}`;
    if (!virtualFs.existsSync(key)) virtualFs.writeFileSync(key, readFileSync(file));
    return key;
  };
  // A family the document does not use stays a path on disk, which pdfmake never opens.
  const family = (f: Family) =>
    used.has(f) ? (Object.fromEntries(Object.entries(FONT_FILES[f]).map(([variant, file]) => [variant, name(file)])) as Record<Variant, string>) : FONT_FILES[f];
  return { Roboto: family('Roboto'), Naskh: family('Naskh'), Hans: family('Hans') };
}

/** The font families a layout's text needs. */
function familiesOf(layout: DocumentLayout): Set<Family> {
  const texts = [
    ...Object.values(layout.title).flatMap((v: string | string[] | null) => v ?? []),
    ...layout.nodes.flatMap((n) => n.runs.map((r) => ('text' in r ? r.text : ''))),
  ].join('\n');
  const used = new Set<Family>(['Roboto']);
  if (ARABIC.test(texts)) used.add('Naskh');
  if (CJK.test(texts)) used.add('Hans');
  return used;
}

function variantOf(bold: boolean | undefined, italic: boolean | undefined): Variant {
  return bold ? (italic ? 'bolditalics' : 'bold') : italic ? 'italics' : 'normal';
}

/** fontkit faces for measuring (the same files pdfmake embeds), opened on first use. */
const measureFonts = new Map<string, fontkit.Font>();
function measureFont(family: Family, variant: Variant): fontkit.Font {
  const file = FONT_FILES[family][variant];
  let font = measureFonts.get(file);
  if (!font) {
    font = fontkit.openSync(file) as fontkit.Font;
    measureFonts.set(file, font);
  }
  return font;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/;
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
const NEUTRAL = /[\s\p{P}\p{S}\p{N}]/u;
/** Characters that belong to the character before them: combining marks and joiners. */
const ATTACHED = /[\p{M}\u200C\u200D]/u;

function covers(family: Family, char: string): boolean {
  const cp = char.codePointAt(0)!;
  if (family === 'Roboto') return true;
  // Noto Sans CJK has Latin-1 and general punctuation; asking fontkit would parse its 8 MB for nothing.
  if (family === 'Hans') return cp < 0x250 || (cp >= 0x2000 && cp <= 0x206f);
  return measureFont(family, 'normal').hasGlyphForCodePoint(cp);
}

/** The font of one character, given the font of the one before (null at the start). */
function familyOf(char: string, previous: Family | null): Family {
  if (ARABIC.test(char)) return 'Naskh';
  if (CJK.test(char)) return 'Hans';
  if (ATTACHED.test(char)) return previous ?? 'Roboto';
  if (previous && previous !== 'Roboto' && NEUTRAL.test(char) && covers(previous, char)) return previous;
  return 'Roboto';
}

// ---------------------------------------------------------------------------------------
// Page geometry and type (points)

const PAGE_WIDTH = 595.28;
const MARGIN = { left: 65, right: 65, top: 72, bottom: 62 };
const TEXT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
/** Body text starts 1 cm in; the paragraph number hangs in that space. */
const BODY_INDENT = 28.35;
const STEP = 28.35;
const BODY_SIZE = 10;
const HEADING_SIZES = { 1: 13, 2: 11.5, 3: BODY_SIZE, 4: BODY_SIZE } as const;

// ---------------------------------------------------------------------------------------
// Text → pdfmake

interface TextStyle {
  fontSize: number;
  /** The font of digits and punctuation at the start of the text (otherwise Roboto), e.g. a paragraph number in a Chinese document. */
  family?: Family;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

interface Piece {
  text: string;
  family: Family;
  run: TextInline;
}

function decoration(run: TextInline): ContentText['decoration'] | undefined {
  if (run.underline || run.href) return 'underline';
  if (run.strike) return 'lineThrough';
  return undefined;
}

function pieceInline(piece: Piece, style: TextStyle): ContentText {
  return {
    text: piece.text,
    font: piece.family,
    bold: piece.run.bold ?? style.bold ?? false,
    italics: piece.run.italic ?? style.italic ?? false,
    ...(decoration(piece.run) ? { decoration: decoration(piece.run) } : {}),
    ...(piece.run.href ? { link: piece.run.href, color: '#0563C1' } : {}),
  };
}

/** Splits a run's text where the font changes. */
function splitByFont(run: TextInline, previous: Family | null): Piece[] {
  const pieces: Piece[] = [];
  let family = previous;
  for (const char of run.text) {
    const next = familyOf(char, family);
    const last = pieces.at(-1);
    if (last && last.family === next) last.text += char;
    else pieces.push({ text: char, family: next, run });
    family = next;
  }
  return pieces;
}

const hasRightToLeft = (runs: readonly Inline[]) => runs.some((r) => 'text' in r && (ARABIC.test(r.text) || HEBREW.test(r.text)));

const plainStyle = (run: TextInline) => !run.href && !run.underline && !run.strike;
const sameLook = (a: Piece, b: Piece) =>
  a.family === b.family && !!a.run.bold === !!b.run.bold && !!a.run.italic === !!b.run.italic && !!a.run.underline === !!b.run.underline && !!a.run.strike === !!b.run.strike && a.run.href === b.run.href;
/** Longer "words" (web addresses, say) may still break inside, so that they never run past the margin. */
const LONGEST_UNBROKEN_WORD = 50;

/**
 * Left-to-right text without right-to-left letters: pdfmake wraps and justifies it.
 *
 * pdfmake justifies by spreading the spare room over every gap between its pieces of text,
 * and it breaks words after hyphens, so "two-year" would get a gap after "two-" and a bold
 * word a gap before the comma that follows it. So the text is handed over word by word,
 * each word (with the spaces after it) one piece that pdfmake does not break; punctuation
 * glued to an emphasised word takes the word's emphasis; Chinese is left to pdfmake's
 * breaking, between any two characters.
 */
function ltrText(runs: readonly Inline[], style: TextStyle, alignment: 'left' | 'right' | 'justify' | 'center'): ContentText {
  const inlines: ContentText[] = [];
  let word: Piece[] = [];
  let breaksInsideWords = false;
  const flush = () => {
    if (word.length === 0) return;
    // Punctuation alone between emphasis and a space takes the emphasis of its neighbour.
    word.forEach((piece, i) => {
      const neighbour = word[i - 1] ?? word[i + 1];
      if (neighbour && !/[\p{L}\p{N}]/u.test(piece.text) && neighbour.family === piece.family && plainStyle(piece.run) && plainStyle(neighbour.run)) {
        piece.run = { ...piece.run, bold: neighbour.run.bold, italic: neighbour.run.italic };
      }
    });
    const merged: Piece[] = [];
    for (const piece of word) {
      const last = merged.at(-1);
      if (last && sameLook(last, piece)) last.text += piece.text;
      else merged.push({ ...piece });
    }
    const latin = merged.every((p) => p.family !== 'Hans');
    const unbroken = latin && merged.reduce((n, p) => n + p.text.length, 0) <= LONGEST_UNBROKEN_WORD;
    if (latin && !unbroken) breaksInsideWords = true;
    for (const piece of merged) inlines.push({ ...pieceInline(piece, style), ...(unbroken ? { noWrap: true } : {}) });
    word = [];
  };
  let previous: Family | null = style.family ?? null;
  for (const r of runs) {
    if (!('text' in r)) {
      flush();
      inlines.push({ text: '\n' });
      continue;
    }
    for (const piece of splitByFont(r, previous)) {
      previous = piece.family;
      // A word ends after the spaces that follow it.
      for (const token of piece.text.match(/\S+\s*|\s+/g) ?? []) {
        word.push({ ...piece, text: token });
        if (/\s$/.test(token)) flush();
      }
    }
  }
  flush();
  // A long address broken at its slashes would get a gap at each break of a justified line: align such a paragraph left.
  const align = alignment === 'justify' && breaksInsideWords ? 'left' : alignment;
  return { text: inlines, fontSize: style.fontSize, alignment: align, ...(style.color ? { color: style.color } : {}) };
}

// bidi-js is CommonJS with ES-style typings: at run time the default import is the factory itself.
type BidiFactory = typeof bidiModule.default;
const bidiFactory = ((bidiModule as unknown as { default?: BidiFactory }).default ?? bidiModule) as unknown as BidiFactory;
const bidi = bidiFactory();

type AtomKind = 'space' | 'rtl' | 'other';
interface Atom {
  text: string;
  family: Family;
  run: TextInline;
  kind: AtomKind;
  level: number;
  width: number;
}

function atomKind(char: string): AtomKind {
  if (/\s/.test(char)) return 'space';
  if (ARABIC.test(char) || HEBREW.test(char)) return 'rtl';
  return 'other';
}

function measure(text: string, family: Family, run: TextInline, style: TextStyle): number {
  const font = measureFont(family, variantOf(run.bold ?? style.bold, run.italic ?? style.italic));
  return (font.layout(text).advanceWidth * style.fontSize) / font.unitsPerEm;
}

/** One line of a paragraph (no line breaks inside) cut into atoms of one level, font, style and kind. */
function atomsOf(runs: readonly TextInline[], base: 'ltr' | 'rtl', style: TextStyle): Atom[] {
  const text = runs.map((r) => r.text).join('');
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const atoms: Atom[] = [];
  let offset = 0;
  let family: Family | null = style.family ?? null;
  for (const run of runs) {
    for (const char of run.text) {
      const level = levels[offset] ?? (base === 'rtl' ? 1 : 0);
      offset += char.length;
      const current = atoms.at(-1);
      if (current && ATTACHED.test(char)) {
        current.text += char;
        continue;
      }
      const kind = atomKind(char);
      const charFamily = familyOf(char, family);
      family = charFamily;
      if (current && current.run === run && current.kind === kind && current.level === level && current.family === charFamily && kind !== 'space') {
        current.text += char;
      } else {
        atoms.push({ text: char, family: charFamily, run, kind, level, width: 0 });
      }
    }
  }
  for (const atom of atoms) atom.width = measure(atom.text, atom.family, atom.run, style);
  return atoms;
}

/** Rule L2 of the bidi algorithm on atoms: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function visualOrder(line: Atom[]): Atom[] {
  const out = [...line];
  const max = Math.max(0, ...out.map((a) => a.level));
  const minOdd = Math.min(...out.map((a) => (a.level % 2 === 1 ? a.level : Infinity)));
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/** What an atom hands to pdfmake: neutrals at a right-to-left level reversed and mirrored here; Arabic is reversed by fontkit. */
function atomText(atom: Atom): string {
  if (atom.level % 2 === 0 || atom.kind === 'rtl') return atom.text;
  return [...atom.text]
    .reverse()
    .map((c) => bidi.getMirroredCharacter(c) ?? c)
    .join('');
}

/**
 * Bidirectional text, laid out here (see the module comment): lines of at most `width`
 * points, each one an unwrapped pdfmake line with its runs in visual order.
 */
function bidiLines(runs: readonly Inline[], width: number, base: 'ltr' | 'rtl', style: TextStyle): ContentText[] {
  const hardLines: TextInline[][] = [[]];
  for (const r of runs) {
    if ('text' in r) hardLines.at(-1)!.push(r);
    else hardLines.push([]);
  }
  const out: ContentText[] = [];
  const limit = width - 1; // pdfmake must never need to wrap a line again
  for (const hardLine of hardLines) {
    const atoms = atomsOf(hardLine, base, style);
    const lines: Atom[][] = [];
    let line: Atom[] = [];
    let lineWidth = 0;
    let i = 0;
    while (i < atoms.length) {
      // The next word: the atoms up to the next space, and the spaces after it.
      let j = i;
      while (j < atoms.length && atoms[j]!.kind !== 'space') j++;
      const wordWidth = atoms.slice(i, j).reduce((sum, a) => sum + a.width, 0);
      let k = j;
      while (k < atoms.length && atoms[k]!.kind === 'space') k++;
      if (line.length > 0 && lineWidth + wordWidth > limit) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      line.push(...atoms.slice(i, k));
      lineWidth += atoms.slice(i, k).reduce((sum, a) => sum + a.width, 0);
      i = k;
    }
    lines.push(line);
    for (const logical of lines) {
      // Spaces at either end of a line take no room (rule L1 puts them at the paragraph's level, at its end).
      const trimmed = [...logical];
      while (trimmed.length > 0 && trimmed.at(-1)!.kind === 'space') trimmed.pop();
      while (trimmed.length > 0 && trimmed[0]!.kind === 'space') trimmed.shift();
      const visual = visualOrder(trimmed);
      out.push({
        text: visual.length > 0 ? visual.map((a) => pieceInline({ text: atomText(a), family: a.family, run: a.run }, style)) : ' ',
        noWrap: true,
        fontSize: style.fontSize,
        alignment: base === 'rtl' ? 'right' : 'left',
        ...(style.color ? { color: style.color } : {}),
      });
    }
  }
  return out;
}

interface Ctx {
  rtl: boolean;
  /** The font of the document's language, for paragraph numbers and list markers: they then sit on the text's baseline. */
  base: Family;
}

/** A block of text `width` points wide: pdfmake's own layout for left-to-right text, ours for anything right to left. */
function textBlock(ctx: Ctx, runs: readonly Inline[], width: number, style: TextStyle, options: { justify?: boolean; forceLtr?: boolean } = {}): Content {
  if (!options.forceLtr && (ctx.rtl || hasRightToLeft(runs))) {
    return { stack: bidiLines(runs, width, ctx.rtl && !options.forceLtr ? 'rtl' : 'ltr', style) };
  }
  return ltrText(runs, style, options.justify ? 'justify' : 'left');
}

/** Two columns, the first one on the start side: swapped in a right-to-left document. */
function startColumns(ctx: Ctx, start: { width: number | '*'; content: Content }, rest: { width: number | '*'; content: Content }): Content {
  const a = { width: start.width, stack: [start.content] };
  const b = { width: rest.width, stack: [rest.content] };
  return { columns: ctx.rtl ? [b, a] : [a, b], columnGap: 0 };
}

// ---------------------------------------------------------------------------------------
// The document

function rule(weight: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: weight }], margin: [0, 2, 0, 2] };
}

function titleBlock(ctx: Ctx, layout: DocumentLayout): Content[] {
  const t = layout.title;
  const unWidth = 190;
  const metaWidth = 170;
  const latin = (text: string, fontSize: number, alignment: 'left' | 'right'): ContentText => ltrText([{ text }], { fontSize }, alignment);
  return [
    startColumns(
      ctx,
      { width: unWidth, content: { ...asStack(textBlock(ctx, [{ text: t.unitedNations }], unWidth, { fontSize: 14, bold: true })), margin: [0, 8, 0, 0] } },
      { width: '*', content: latin(t.symbol, 18, ctx.rtl ? 'left' : 'right') },
    ),
    rule(1.5),
    startColumns(ctx, { width: '*', content: { text: '' } }, { width: metaWidth, content: { stack: t.meta.map((line) => latin(line, 9, 'left')), margin: [0, 4, 0, 6] } }),
    rule(1.5),
    { ...asStack(textBlock(ctx, [{ text: t.group }], TEXT_WIDTH, { fontSize: 10, bold: true })), margin: [0, 18, 0, 10] },
    { ...asStack(textBlock(ctx, [{ text: t.subject }], TEXT_WIDTH, { fontSize: 14, bold: true })), margin: [0, 0, 0, 6] },
    { ...asStack(textBlock(ctx, [{ text: t.title }], TEXT_WIDTH, { fontSize: 16, bold: true })), margin: [0, 0, 0, 10] },
    { ...asStack(textBlock(ctx, [{ text: t.reviewingStates }], TEXT_WIDTH, { fontSize: BODY_SIZE, italic: true })), margin: [0, 0, 0, 18] },
  ];
}

function asStack(content: Content): { stack: Content[] } {
  return { stack: [content] };
}

/** Margin on the start side (left, or right in a right-to-left document). */
function startMargin(ctx: Ctx, start: number, top: number, bottom: number): [number, number, number, number] {
  return ctx.rtl ? [0, top, start, bottom] : [start, top, 0, bottom];
}

function bodyNodes(ctx: Ctx, nodes: readonly LayoutNode[]): Content[] {
  const out: Content[] = [];
  let paragraphNumber = 0;
  let pendingHeadings: Content[] = [];
  const push = (content: Content) => {
    if (pendingHeadings.length > 0) {
      // A heading stays on the page of what follows it.
      out.push({ stack: [...pendingHeadings, content], unbreakable: true });
      pendingHeadings = [];
    } else {
      out.push(content);
    }
  };
  const body = (runs: readonly Inline[], width: number, italic?: boolean) => textBlock(ctx, runs, width, { fontSize: BODY_SIZE, italic }, { justify: true });

  for (const node of nodes) {
    switch (node.kind) {
      case 'heading': {
        const indent = node.level >= 3 ? BODY_INDENT : 0;
        const style = { fontSize: HEADING_SIZES[node.level], bold: true, italic: node.level === 4 };
        const space = { 1: [14, 8], 2: [10, 6], 3: [6, 3], 4: [4, 2] }[node.level];
        pendingHeadings.push({ stack: [textBlock(ctx, node.runs, TEXT_WIDTH - indent, style)], margin: startMargin(ctx, indent, space[0]!, space[1]!) });
        break;
      }
      case 'paragraph': {
        if (node.numbered) {
          paragraphNumber += 1;
          push({
            ...asStack(
              startColumns(
                ctx,
                { width: BODY_INDENT, content: textBlock(ctx, [{ text: `${paragraphNumber}.` }], BODY_INDENT, { fontSize: BODY_SIZE, family: ctx.base }) },
                { width: '*', content: body(node.runs, TEXT_WIDTH - BODY_INDENT, node.italic) },
              ),
            ),
            margin: [0, 0, 0, 6],
          });
        } else {
          const indent = BODY_INDENT + STEP * node.quoteDepth;
          push({ stack: [body(node.runs, TEXT_WIDTH - indent, node.italic)], margin: startMargin(ctx, indent, 0, 6) });
        }
        break;
      }
      case 'item': {
        const indent = BODY_INDENT + STEP * node.level;
        const textWidth = TEXT_WIDTH - indent - STEP;
        if (node.continued) {
          push({ stack: [body(node.runs, textWidth)], margin: startMargin(ctx, indent + STEP, 0, 4) });
          break;
        }
        const marker = listMarkerText(node.marker, node.level, node.index);
        push({
          ...asStack(
            startColumns(
              ctx,
              { width: STEP, content: textBlock(ctx, [{ text: marker }], STEP, { fontSize: BODY_SIZE, family: ctx.base }) },
              { width: '*', content: body(node.runs, textWidth) },
            ),
          ),
          margin: startMargin(ctx, indent, 0, 4),
        });
        break;
      }
    }
  }
  if (pendingHeadings.length > 0) out.push({ stack: pendingHeadings });
  return out;
}

/** The pdfmake document definition of a layout. */
function pdfDefinition(layout: DocumentLayout): DocumentDefinition {
  const ctx: Ctx = { rtl: layout.direction === 'rtl', base: layout.language === 'ar' ? 'Naskh' : layout.language === 'zh' ? 'Hans' : 'Roboto' };
  const draft = layout.title.draftMark;
  const headerWidth = TEXT_WIDTH;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    language: layout.language,
    info: { title: layout.documentTitle, author: 'Open IRM', subject: layout.symbol, creator: 'Open IRM' },
    defaultStyle: { font: 'Roboto', fontSize: BODY_SIZE, lineHeight: 1.15 },
    header: (currentPage: number): Content => ({
      margin: [MARGIN.left, 28, MARGIN.right, 0],
      stack: [
        ...(draft ? [textBlock(ctx, [{ text: draft }], headerWidth, { fontSize: 8, bold: true, color: '#C00000' })] : []),
        ...(currentPage > 1 && layout.symbol
          ? [ltrText([{ text: layout.symbol }], { fontSize: 9, bold: true }, ctx.rtl ? 'left' : 'right'), { canvas: [{ type: 'line' as const, x1: 0, y1: 2, x2: headerWidth, y2: 2, lineWidth: 0.5 }] }]
          : []),
      ],
    }),
    footer: (currentPage: number): Content => ({ text: String(currentPage), alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
    content: [...titleBlock(ctx, layout), ...bodyNodes(ctx, layout.nodes)],
  };
}

interface EmbeddedFontInternals {
  unicode?: number[][];
}
interface PdfKitInternals {
  fontCache?: Record<string, Record<string, EmbeddedFontInternals>>;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  end(): void;
}

/** Renders a definition with our fonts; see the module comment for the Arabic ToUnicode fix. */
async function render(layout: DocumentLayout): Promise<Buffer> {
  const definition = pdfDefinition(layout);
  pdfmake.setFonts(fontDictionary(familiesOf(layout)));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => ALLOWED_FILES.has(path.resolve(file)));
  const doc = (await pdfmake.createPdf(definition).getStream()) as PdfKitInternals;
  // One face may stand for several variants (no italic Arabic): reverse each face once.
  for (const face of new Set(Object.values(doc.fontCache?.Naskh ?? {}))) {
    face.unicode?.forEach((codePoints, gid) => {
      if (Array.isArray(codePoints) && codePoints.length > 1) face.unicode![gid] = [...codePoints].reverse();
    });
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (error) => reject(error ?? new Error('PDF generation failed')));
    doc.end();
  });
}

/** The country review report as PDF bytes. */
export async function buildReportPdf(input: ReportDocumentInput): Promise<Buffer> {
  return render(reportLayout(input));
}

/** The executive summary, in `input.language`, as PDF bytes. */
export async function buildSummaryPdf(input: SummaryDocumentInput): Promise<Buffer> {
  return render(summaryLayout(input));
}
