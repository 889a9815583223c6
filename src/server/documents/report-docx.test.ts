/**
 * The report and the executive summary as DOCX, opened as a user's tools would: the Word XML
 * read back by mammoth and by an XML parser (paragraph numbering, right to left), and the
 * file converted to PDF by LibreOffice and read with pdftotext.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildReportDocx, buildSummaryDocx } from './report-docx.ts';
import { SAMPLE_NUMBERED, SAMPLE_REPORT } from './report-sample.ts';
import type { ReportDocumentInput, SummaryDocumentInput } from './report-document.ts';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------
// Fixtures

// The sample report with an empty article 6 added: an article nobody has written yet.
const [prevention, recovery] = SAMPLE_REPORT.chapters as [ReportDocumentInput['chapters'][number], ReportDocumentInput['chapters'][number]];
const report: ReportDocumentInput = {
  ...SAMPLE_REPORT,
  chapters: [
    {
      ...prevention,
      articles: [...prevention.articles, { article: 6, title: 'Preventive anti-corruption body or bodies', summary: '', observations: '', successes: '', challenges: '', recommendations: [], goodPractices: [], needs: [] }],
    },
    recovery,
  ],
};

const NUMBERED = SAMPLE_NUMBERED;

// No vowel marks and no lam-alef in the sentence read back from LibreOffice's PDF: pdftotext
// splits marks off and reverses the two letters of a lam-alef ligature in LibreOffice's PDFs.
const ARABIC_SENTENCE = 'تعمل النمسا على تعزيز النزاهة في القطاع العام.';
const ARABIC_WITH_LAM_ALEF = 'تلتزم الدولة بمكافحة الفساد وفقا للمادة 5 من الاتفاقية.';

const summaryAr: SummaryDocumentInput = {
  symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
  distribution: 'General',
  date: '2026-11-27',
  language: 'ar',
  stateName: 'النمسا',
  cycle: 2,
  reviewerNames: ['ألمانيا', 'كينيا'],
  draft: false,
  text: `<h3>الفصل الثاني: التدابير الوقائية</h3><p>${ARABIC_SENTENCE}</p><p>${ARABIC_WITH_LAM_ALEF}</p><ul><li>الوقاية</li></ul>`,
};

// ---------------------------------------------------------------------------------------
// Reading the DOCX package

/** One file of the DOCX package (a zip archive), read with JSZip as Word would unpack it. */
async function readZipEntry(zip: Buffer, name: string): Promise<string> {
  const entry = (await JSZip.loadAsync(zip)).file(name);
  if (!entry) throw new Error(`${name} is not in the archive`);
  return entry.async('string');
}

type XmlNode = Record<string, unknown>;
const xml = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false });

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;
const kids = (node: XmlNode) => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as XmlNode[]) : []);
const attr = (node: XmlNode, name: string) => (node[':@'] as Record<string, string> | undefined)?.[`@_${name}`];
function* descendants(nodes: XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    yield node;
    yield* descendants(kids(node));
  }
}
const find = (node: XmlNode, tag: string) => kids(node).find((k) => tagOf(k) === tag);
const textOf = (node: XmlNode) => [...descendants(kids(node))].filter((n) => tagOf(n) === 'w:t').map((t) => kids(t).map((x) => (typeof x['#text'] === 'string' ? x['#text'] : '')).join('')).join('');

interface WordParagraph {
  text: string;
  numId: string | undefined;
  bidi: boolean;
  jc: string | undefined;
  runs: { text: string; rtl: boolean }[];
}

/** The paragraphs of word/document.xml in order, with their numbering, direction and runs. */
async function wordParagraphs(docx: Buffer): Promise<WordParagraph[]> {
  const tree = xml.parse(await readZipEntry(docx, 'word/document.xml')) as XmlNode[];
  return [...descendants(tree)]
    .filter((n) => tagOf(n) === 'w:p')
    .map((p) => {
      const pPr = find(p, 'w:pPr');
      const numPr = pPr && find(pPr, 'w:numPr');
      const numIdNode = numPr && find(numPr, 'w:numId');
      const jcNode = pPr && find(pPr, 'w:jc');
      return {
        text: textOf(p),
        numId: numIdNode && attr(numIdNode, 'w:val'),
        bidi: pPr !== undefined && find(pPr, 'w:bidi') !== undefined,
        jc: jcNode && attr(jcNode, 'w:val'),
        runs: kids(p)
          .filter((r) => tagOf(r) === 'w:r')
          .map((r) => {
            const rPr = find(r, 'w:rPr');
            return { text: textOf(r), rtl: rPr !== undefined && find(rPr, 'w:rtl') !== undefined };
          }),
      };
    });
}

/** numId → the format and text of its level 0 ("decimal", "%1."), from word/numbering.xml. */
async function numberingFormats(docx: Buffer): Promise<Map<string, { format: string; text: string }>> {
  const tree = xml.parse(await readZipEntry(docx, 'word/numbering.xml')) as XmlNode[];
  const nodes = [...descendants(tree)];
  const abstract = new Map<string, { format: string; text: string }>();
  for (const node of nodes.filter((n) => tagOf(n) === 'w:abstractNum')) {
    const level0 = kids(node).find((k) => tagOf(k) === 'w:lvl' && attr(k, 'w:ilvl') === '0')!;
    abstract.set(attr(node, 'w:abstractNumId')!, { format: attr(find(level0, 'w:numFmt')!, 'w:val')!, text: attr(find(level0, 'w:lvlText')!, 'w:val')! });
  }
  const out = new Map<string, { format: string; text: string }>();
  for (const num of nodes.filter((n) => tagOf(n) === 'w:num')) {
    out.set(attr(num, 'w:numId')!, abstract.get(attr(find(num, 'w:abstractNumId')!, 'w:val')!)!);
  }
  return out;
}

/** The text of the page headers (word/header1.xml, header2.xml: first page and the others). */
async function headerText(docx: Buffer): Promise<string> {
  const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((name) => readZipEntry(docx, name)));
  return headers.map((header) => textOf({ root: xml.parse(header) as XmlNode[] })).join('\n');
}

interface MammothParagraph {
  text: string;
  numbering: { isOrdered: boolean; level: string } | null;
}

/** The paragraphs as mammoth's document model has them (text and list membership). */
async function mammothParagraphs(docx: Buffer): Promise<MammothParagraph[]> {
  const out: MammothParagraph[] = [];
  type Element = { type?: string; value?: string; children?: Element[]; numbering?: { isOrdered: boolean; level: string } | null };
  const text = (e: Element): string => (e.type === 'text' ? (e.value ?? '') : (e.children ?? []).map(text).join(''));
  const walk = (e: Element) => {
    if (e.type === 'paragraph') out.push({ text: text(e), numbering: e.numbering ?? null });
    (e.children ?? []).forEach(walk);
  };
  await mammoth.convertToHtml({ buffer: docx }, { transformDocument: (document: Element) => (walk(document), document) });
  return out;
}

// ---------------------------------------------------------------------------------------
// LibreOffice

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}
const HAS_OFFICE = onPath('soffice') && onPath('pdftotext');
// CI installs LibreOffice and poppler (.ci/run): there a missing tool fails the test instead of skipping it.
const RUN_OFFICE = HAS_OFFICE || process.env.CI === 'true';

/** Converts DOCX files to PDF with LibreOffice (a private profile per call) and returns each PDF's text. */
async function officeText(files: Record<string, Buffer>): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-docx-'));
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, `${name}.docx`);
      writeFileSync(file, bytes);
      return file;
    });
    const profile = pathToFileURL(path.join(tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2)}`)).href;
    try {
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 150_000 });
    } finally {
      rmSync(new URL(profile), { recursive: true, force: true });
    }
    const out: Record<string, string> = {};
    for (const name of Object.keys(files)) {
      const pdf = path.join(dir, `${name}.pdf`);
      expect(existsSync(pdf), `LibreOffice wrote no PDF for ${name}`).toBe(true);
      out[name] = (await run('pdftotext', ['-layout', pdf, '-'], { timeout: 30_000, maxBuffer: 32 * 1024 * 1024 })).stdout;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text as pdftotext gives it, without the direction marks it adds around right-to-left runs and with single spaces. */
const plain = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');

// ---------------------------------------------------------------------------------------

describe('buildReportDocx', () => {
  it('writes the title block, headings, sub-headings, recommendations with their references and needs', async () => {
    const docx = await buildReportDocx(report);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    for (const expected of [
      'United Nations',
      'CAC/COSP/IRG/II/1/1/Add.4',
      'Distr.: General',
      '27 November 2026',
      'Original: English',
      'Implementation Review Group',
      'Review of implementation of the United Nations Convention against Corruption',
      'Country review report of Austria',
      'Reviewing States: Germany and Kenya',
      'Chapter II. Preventive measures',
      'Article 5. Preventive anti-corruption policies and practices',
      'Summary of implementation',
      'Observations',
      'Successes and good practices',
      'Challenges and issues',
      'Recommendations',
      'Technical assistance needs',
      'Evaluate the impact of the national strategy regularly. [2/AUT/5/1]',
      'Extend enhanced scrutiny to domestic politically exposed persons. [2/AUT/52/1]',
      'Monthly coordination meetings of all ministries.',
      'Capacity-building: Training for regional staff.',
      'Article 6. Preventive anti-corruption body or bodies',
      'No text yet.',
      'Chapter V. Asset recovery',
    ]) {
      expect(text).toContain(expected);
    }
    // Headers: the draft mark on every page, the symbol from page 2 on.
    expect(await headerText(docx)).toContain('Draft — confidential');
    expect(await headerText(docx)).toContain('CAC/COSP/IRG/II/1/1/Add.4');
    expect(await headerText(await buildReportDocx({ ...report, draft: false }))).not.toContain('Draft');
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    expect(html).toContain('<strong>national anti-corruption strategy</strong>');
    expect(html).toContain('<h2>Article 52. Prevention and detection of transfers of proceeds of crime</h2>');
  });

  it('numbers the body paragraphs with one Word numbering, never restarted; lists are lettered or bulleted apart from it', async () => {
    const docx = await buildReportDocx(report);
    const paragraphs = await wordParagraphs(docx);
    const formats = await numberingFormats(docx);
    const numbered = paragraphs.filter((p) => p.numId !== undefined && formats.get(p.numId)?.format === 'decimal');
    expect(numbered.map((p) => p.text.slice(0, NUMBERED[0]!.length))).toEqual(NUMBERED.map((t) => t.slice(0, NUMBERED[0]!.length)));
    // One numbering instance for all of them: Word counts 1, 2, 3 … across headings and chapters.
    expect(new Set(numbered.map((p) => p.numId)).size).toBe(1);
    expect(formats.get(numbered[0]!.numId!)).toEqual({ format: 'decimal', text: '%1.' });

    // Recommendations: lettered (a), (b), restarting per article (another numbering instance each).
    const recommendations = paragraphs.filter((p) => p.text.includes('[2/AUT/'));
    expect(recommendations.map((p) => formats.get(p.numId!))).toEqual(Array(3).fill({ format: 'lowerLetter', text: '(%1)' }));
    expect(recommendations[0]!.numId).toBe(recommendations[1]!.numId);
    expect(recommendations[2]!.numId).not.toBe(recommendations[0]!.numId);
    expect(formats.get(paragraphs.find((p) => p.text === 'prevention')!.numId!)?.format).toBe('bullet');

    // mammoth reads the same: the numbered paragraphs are ordered list items at level 0, headings are not in a list.
    const model = await mammothParagraphs(docx);
    for (const start of NUMBERED) expect(model.find((p) => p.text.startsWith(start))?.numbering).toMatchObject({ isOrdered: true, level: '0' });
    expect(model.find((p) => p.text === 'Summary of implementation')?.numbering).toBeNull();
    expect(model.find((p) => p.text === 'prevention')?.numbering).toMatchObject({ isOrdered: false });
    // Not Arabic: no paragraph is right to left.
    expect(paragraphs.some((p) => p.bidi)).toBe(false);
  });

  it.runIf(RUN_OFFICE)(
    'opens in LibreOffice: symbol, State, recommendations and the paragraph numbers 1. to 7. in order',
    async () => {
      expect(HAS_OFFICE, 'soffice and pdftotext must be installed (LibreOffice writer and poppler-utils; .ci/run installs them)').toBe(true);
      const text = (await officeText({ report: await buildReportDocx(report) })).report!;
      const flat = plain(text);
      for (const expected of ['CAC/COSP/IRG/II/1/1/Add.4', 'Country review report of Austria', 'Evaluate the impact of the national strategy regularly. [2/AUT/5/1]', 'Draft — confidential']) {
        expect(flat).toContain(expected);
      }
      // Word numbering, as LibreOffice lays it out: "1." before the first paragraph, and so on, in order.
      const numbers = [...text.matchAll(/^\s*(\d+)\.\s+(\S.*)$/gm)].map((m) => [Number(m[1]), m[2]!.trim()] as const);
      expect(numbers.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      NUMBERED.forEach((start, i) => expect(numbers[i]![1].slice(0, 20)).toBe(start.slice(0, 20)));
      expect(flat).toMatch(/\(a\) Evaluate the impact/);
      expect(flat).toMatch(/\(b\) Provide sufficient resources/);
    },
    180_000,
  );
});

describe('buildSummaryDocx', () => {
  it('writes an Arabic summary right to left: bidirectional paragraphs, right-to-left runs, aligned to the start (the right)', async () => {
    const docx = await buildSummaryDocx(summaryAr);
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    for (const expected of [ARABIC_SENTENCE, ARABIC_WITH_LAM_ALEF, 'خلاصة وافية: النمسا', 'الأمم المتحدة', 'CAC/COSP/IRG/II/1/1/Add.4', 'Distr.: General', 'Arabic', 'Original: English']) {
      expect(text).toContain(expected);
    }
    const paragraphs = await wordParagraphs(docx);
    const arabic = paragraphs.filter((p) => /[\u0600-\u06ff]/.test(p.text));
    expect(arabic.length).toBeGreaterThanOrEqual(7);
    for (const p of arabic) {
      expect(p.bidi, p.text).toBe(true);
      // Start alignment (no w:jc, or start/right): never left or justified.
      expect([undefined, 'start', 'right']).toContain(p.jc);
      for (const r of p.runs.filter((x) => /[\u0600-\u06ff]/.test(x.text))) expect(r.rtl, r.text).toBe(true);
    }
    // The symbol and the distribution lines are Latin script: left to right.
    expect(paragraphs.find((p) => p.text === 'Distr.: General')?.runs.every((r) => !r.rtl)).toBe(true);
    // Body paragraphs numbered by the one numbering, as in the other languages.
    const formats = await numberingFormats(docx);
    const numbered = paragraphs.filter((p) => p.numId !== undefined && formats.get(p.numId)?.format === 'decimal');
    expect(numbered.map((p) => p.text)).toEqual([ARABIC_SENTENCE, ARABIC_WITH_LAM_ALEF]);
  });

  it('gives the layout labels in the summary language', async () => {
    const text = async (input: SummaryDocumentInput) => (await mammoth.extractRawText({ buffer: await buildSummaryDocx(input) })).value;
    const fr = await text({ ...summaryAr, language: 'fr', stateName: 'Autriche', reviewerNames: ['Allemagne', 'Kenya'], text: '<p>L’Autriche a adopté une stratégie.</p>', draft: true });
    expect(fr).toContain('Résumé analytique\u00a0: Autriche');
    expect(fr).toContain('Distr. générale');
    expect(fr).toContain('27 novembre 2026');
    expect(await headerText(await buildSummaryDocx({ ...summaryAr, language: 'fr', draft: true }))).toContain('Projet — confidentiel');
    const ru = await text({ ...summaryAr, language: 'ru', stateName: 'Австрия', text: '<p>Австрия приняла стратегию.</p>' });
    expect(ru).toContain('Резюме: Австрия');
    expect(ru).toContain('Организация Объединенных Наций');
  });

  it.runIf(RUN_OFFICE)(
    'opens in LibreOffice: the Arabic text comes back from the converted PDF',
    async () => {
      expect(HAS_OFFICE, 'soffice and pdftotext must be installed').toBe(true);
      const flat = plain((await officeText({ summary: await buildSummaryDocx(summaryAr) })).summary!);
      expect(flat).toContain(ARABIC_SENTENCE);
      expect(flat).toContain('CAC/COSP/IRG/II/1/1/Add.4');
      expect(flat).toContain('النمسا');
    },
    180_000,
  );
});
