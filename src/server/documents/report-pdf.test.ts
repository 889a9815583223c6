/**
 * The report and the executive summary as PDF, read back with poppler as a user's tools
 * would: pdftotext for the text (Latin, Cyrillic, Arabic, Chinese), pdftotext -bbox for where
 * the words stand (right to left), pdffonts for the embedded fonts, and pdftoppm for a
 * picture of page 1 that must not be blank.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentLanguage, SummaryDocumentInput } from './report-document.ts';
import { buildReportPdf, buildSummaryPdf } from './report-pdf.ts';
import { SAMPLE_NUMBERED, SAMPLE_REPORT } from './report-sample.ts';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------
// Fixtures

const report = SAMPLE_REPORT;

const NUMBERED = SAMPLE_NUMBERED;

/** With a lam-alef ligature (الا), a number inside the sentence and a full stop at its end. */
const ARABIC_SENTENCE = 'تلتزم الدولة بمكافحة الفساد وفقا للمادة 5 من الاتفاقية.';
/** Long enough to wrap onto a second line; Latin in parentheses inside it. */
const ARABIC_LONG =
  'اعتمدت النمسا في عام 2018 استراتيجية وطنية لمكافحة الفساد (CAC/COSP/2018) تشمل جميع مستويات الحكم، ويتولى تنسيقها المكتب الاتحادي لمكافحة الفساد، وتقيم كل سنتين من خلال تقرير يقدم إلى البرلمان الاتحادي وإلى مجالس الولايات التسع.';
const CHINESE_SENTENCE = '奥地利于2018年通过了国家反腐败战略，由联邦反腐败局负责协调。';

const summary = (language: DocumentLanguage, text: string, stateName: string): SummaryDocumentInput => ({
  symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
  distribution: 'General',
  date: '2026-11-27',
  language,
  stateName,
  cycle: 2,
  reviewerNames: ['Germany', 'Kenya'],
  draft: false,
  text,
});

const summaryAr = summary('ar', `<h3>الفصل الثاني: التدابير الوقائية</h3><p>${ARABIC_SENTENCE}</p><p>${ARABIC_LONG}</p><ul><li>الوقاية</li></ul>`, 'النمسا');

// ---------------------------------------------------------------------------------------
// poppler

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}
const HAS_POPPLER = onPath('pdftotext') && onPath('pdftoppm') && onPath('pdffonts');
// CI installs poppler-utils (.ci/run): there a missing tool fails the tests instead of skipping them.
const RUN_POPPLER = HAS_POPPLER || process.env.CI === 'true';

const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function save(bytes: Buffer): string {
  const file = path.join(dir, `doc-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
async function pdftotext(file: string, ...args: string[]): Promise<string> {
  return (await run('pdftotext', [...args, file, '-'], { timeout: 30_000, maxBuffer: 32 * 1024 * 1024 })).stdout;
}
/** Text as pdftotext gives it, without the direction marks it adds around right-to-left runs and with single spaces. */
const plain = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}
/** Words with their boxes (pdftotext -bbox); a right-to-left word comes in visual order and is turned back to logical. */
async function words(file: string): Promise<Word[]> {
  const html = await pdftotext(file, '-bbox', '-f', '1', '-l', '1');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => {
    const raw = m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    return { text: /[\u0600-\u06ff]/.test(raw) ? [...raw].reverse().join('') : raw, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) };
  });
}

/**
 * Reads a binary PGM (pdftoppm -gray): a three-line text header (P5, width height, maximum
 * grey) then one byte per pixel, so no image library is needed.
 */
function pgmGreys(file: string): { width: number; height: number; grey: Uint8Array } {
  const pgm = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64));
  expect(header, 'a binary PGM header').not.toBeNull();
  const [whole, width, height, max] = header!;
  expect(Number(max), 'maximum grey').toBe(255);
  const grey = new Uint8Array(pgm.subarray(whole.length, whole.length + Number(width) * Number(height)));
  expect(grey.length).toBe(Number(width) * Number(height));
  return { width: Number(width), height: Number(height), grey };
}

/** Page 1 rendered at 50 dpi: how much of it is ink, and how much the grey levels vary. */
async function inkOfPage1(file: string): Promise<{ ink: number; stdDev: number; width: number }> {
  const prefix = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, prefix], { timeout: 30_000 });
  const { width, grey } = pgmGreys(`${prefix}.pgm`);
  const mean = grey.reduce((s, v) => s + v, 0) / grey.length;
  const stdDev = Math.sqrt(grey.reduce((s, v) => s + (v - mean) ** 2, 0) / grey.length);
  return { ink: grey.filter((v) => v < 160).length / grey.length, stdDev, width };
}

// ---------------------------------------------------------------------------------------

describe.runIf(RUN_POPPLER)('report and summary as PDF, read with poppler', () => {
  it('has the tools', () => {
    expect(HAS_POPPLER, 'pdftotext, pdftoppm and pdffonts must be installed (poppler-utils; .ci/run installs it)').toBe(true);
  });

  it('reports: title block, headings, numbered paragraphs 1. to 7. in order, recommendations with references, needs', async () => {
    const bytes = await buildReportPdf(report);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = save(bytes);
    const text = await pdftotext(file, '-layout');
    const flat = plain(text);
    for (const expected of [
      'United Nations',
      'CAC/COSP/IRG/II/1/1/Add.4',
      'Distr.: General',
      '27 November 2026',
      'Country review report of Austria',
      'Reviewing States: Germany and Kenya',
      'Draft — confidential',
      'Chapter II. Preventive measures',
      'Article 5. Preventive anti-corruption policies and practices',
      'Summary of implementation',
      'Technical assistance needs',
      '(a) Evaluate the impact of the national strategy regularly. [2/AUT/5/1]',
      '(b) Provide sufficient resources to regional bodies. [2/AUT/5/2]',
      '(a) Extend enhanced scrutiny to domestic politically exposed persons. [2/AUT/52/1]',
      'Capacity-building: Training for regional staff.',
    ]) {
      expect(flat).toContain(expected);
    }
    const numbers = [...text.matchAll(/^\s*(\d+)\.\s+(\S.*)$/gm)].map((m) => [Number(m[1]), m[2]!.trim()] as const);
    expect(numbers.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    NUMBERED.forEach((start, i) => expect(numbers[i]![1].slice(0, 20)).toBe(start.slice(0, 20)));

    const fonts = (await run('pdffonts', [file])).stdout;
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).not.toContain('NotoSansHans'); // the Chinese font is not embedded where it is not used

    const page = await inkOfPage1(file);
    expect(page.width).toBeGreaterThan(400); // A4 at 50 dpi: 413 pixels
    expect(page.ink).toBeGreaterThan(0.01);
    expect(page.ink).toBeLessThan(0.4);
    expect(page.stdDev).toBeGreaterThan(15);
  });

  it('Arabic summary: the text comes back as typed, lam-alef included, with its words right to left and lines aligned right', async () => {
    const file = save(await buildSummaryPdf(summaryAr));
    // pdftotext puts the spaces next to digits and punctuation of right-to-left text in odd places
    // (it does the same with LibreOffice's PDFs): compare the letters here, the words' places below.
    const letters = (text: string) => plain(text).replace(/ /g, '');
    const flat = letters(await pdftotext(file));
    for (const expected of [ARABIC_SENTENCE, 'خلاصة وافية: النمسا', 'الأمم المتحدة', 'فريق استعراض التنفيذ', 'الوقاية']) {
      expect(flat).toContain(letters(expected));
    }
    // The long paragraph wraps; its lines come back in order, the Latin in parentheses with them.
    const [before, after] = letters(ARABIC_LONG).split('(CAC/COSP/2018)');
    expect(flat).toContain(before);
    expect(flat).toContain(after);
    expect(flat).toContain('CAC/COSP/2018');

    // Where the words stand: the first word of the sentence rightmost, the last one leftmost.
    const all = await words(file);
    const first = all.find((w) => w.text === 'تلتزم')!;
    expect(first).toBeDefined();
    const line = all.filter((w) => Math.abs(w.yMin - first.yMin) < 2 && w.xMax < first.xMax + 1 && !/^\d+\.$|^\.\d+$/.test(w.text));
    const rightToLeft = [...line].sort((a, b) => b.xMax - a.xMax).map((w) => w.text);
    expect(rightToLeft.join(' ')).toBe(ARABIC_SENTENCE);
    // Aligned right: the sentence ends at the right edge of the text column, far from the left margin.
    const pageWidth = 595.28;
    expect(first.xMax).toBeGreaterThan(pageWidth - 65 - 28.35 - 2);
    expect(Math.min(...line.map((w) => w.xMin))).toBeGreaterThan(200);
    // The paragraph number stands right of the text, in the margin column.
    const number = all.find((w) => Math.abs(w.yMin - first.yMin) < 2 && /^\.?1\.?$/.test(w.text))!;
    expect(number).toBeDefined();
    expect(number.xMin).toBeGreaterThan(first.xMax);
    // Latin in parentheses inside Arabic: left to right, the parentheses mirrored into place.
    expect(all.map((w) => w.text)).toContain('(CAC/COSP/2018)');
    // The symbol, Latin script, stays left to right at the top left.
    const symbol = all.find((w) => w.text === 'CAC/COSP/IRG/II/1/1/Add.4')!;
    expect(symbol.xMin).toBeLessThan(100);

    const fonts = (await run('pdffonts', [file])).stdout;
    expect(fonts).toContain('NotoNaskhArabic');
    const page = await inkOfPage1(file);
    expect(page.ink).toBeGreaterThan(0.005);
    expect(page.stdDev).toBeGreaterThan(10);
  });

  it('Chinese, Russian, French and Spanish summaries: their text and labels come back', async () => {
    const zh = save(await buildSummaryPdf(summary('zh', `<p>${CHINESE_SENTENCE}</p><p>${'该战略每两年评估一次，并向议会提交报告。'.repeat(6)}</p>`, '奥地利')));
    const zhText = plain(await pdftotext(zh)).replace(/ /g, '');
    expect(zhText).toContain(CHINESE_SENTENCE);
    expect(zhText).toContain('内容提要：奥地利');
    expect(zhText).toContain('联合国');
    // The long paragraph wraps between ideographs, without losing any.
    expect(zhText).toContain('该战略每两年评估一次，并向议会提交报告。'.repeat(6));
    expect((await run('pdffonts', [zh])).stdout).toContain('NotoSansHans-Regular');

    const ru = save(await buildSummaryPdf(summary('ru', '<p>Австрия приняла национальную стратегию борьбы с коррупцией в 2018 году.</p>', 'Австрия')));
    const ruText = plain(await pdftotext(ru));
    expect(ruText).toContain('Австрия приняла национальную стратегию борьбы с коррупцией в 2018 году.');
    expect(ruText).toContain('Резюме: Австрия');
    expect(ruText).toContain('Организация Объединенных Наций');

    const fr = plain(await pdftotext(save(await buildSummaryPdf(summary('fr', '<p>L’Autriche a adopté une stratégie nationale.</p>', 'Autriche')))));
    expect(fr).toContain('Résumé analytique : Autriche');
    expect(fr).toContain('27 novembre 2026');
    const es = plain(await pdftotext(save(await buildSummaryPdf(summary('es', '<p>Austria aprobó una estrategia nacional.</p>', 'Austria')))));
    expect(es).toContain('Resumen: Austria');
    expect(es).toContain('27 de noviembre de 2026');
  });

  it('an English report quoting Arabic keeps the quoted words in right-to-left order inside the English line', async () => {
    const quoted = { ...report, draft: false, chapters: [{ ...report.chapters[1]!, articles: [{ ...report.chapters[1]!.articles[0]!, summary: `<p>The law is called ${'قانون مكافحة الفساد'} in Arabic.</p>` }] }] };
    const file = save(await buildReportPdf(quoted));
    const all = await words(file);
    const start = all.find((w) => w.text === 'called')!;
    const arabic = all.filter((w) => Math.abs(w.yMin - start.yMin) < 2 && /[\u0600-\u06ff]/.test(w.text)).sort((a, b) => b.xMax - a.xMax);
    expect(arabic.map((w) => w.text)).toEqual(['قانون', 'مكافحة', 'الفساد']);
    expect(arabic.every((w) => w.xMin > start.xMax)).toBe(true);
    expect(all.find((w) => w.text === 'in')!.xMin).toBeGreaterThan(Math.max(...arabic.map((w) => w.xMax)));
  });
});
