/**
 * `npm run bench:documents`: the country review report as DOCX and as PDF, generated for a
 * full report (every article of chapters II and V of the UNCAC, 60 recommendations, texts of
 * realistic length), and the executive summary as PDF in Arabic and Chinese (the two
 * languages with their own fonts). Each case runs in a fresh child process, so the peak
 * memory (VmHWM of /proc/self/status) of one does not inflate another; the baseline, in the
 * same run, is the checklist DOCX generator on the same texts (and JSON.stringify of the
 * input, for the floor). Targets: median under 2 s and peak RSS under 300 MB per document.
 * Measurements, not assertions: targets print PASS/MISS and the exit code is 0.
 *
 *   npm run bench:documents             15 runs per case
 *   npm run bench:documents -- --quick  3 runs per case
 *   npm run bench:documents -- --out /tmp/docs   also writes each document there, to look at
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildChecklistDocx, type ChecklistDocxInput } from '../src/server/documents/checklist-docx.ts';
import { buildReportDocx, buildSummaryDocx } from '../src/server/documents/report-docx.ts';
import type { ReportArticleInput, ReportDocumentInput, SummaryDocumentInput } from '../src/server/documents/report-document.ts';
import { buildReportPdf, buildSummaryPdf } from '../src/server/documents/report-pdf.ts';

const TARGET_MS = 2_000;
const TARGET_MB = 300;

// ---------------------------------------------------------------------------------------
// The data: a full report

interface ConventionFile {
  chapters: { number: string; title: string; articles: { number: number; title: string }[] }[];
}
const convention = JSON.parse(readFileSync(new URL('../data/reference/convention.json', import.meta.url), 'utf8')) as ConventionFile;

/** A small deterministic generator, so every run writes the same texts. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The State under review reported that the relevant provisions are set out in the Criminal Code and in the Act on the Federal Bureau of Anti-Corruption, as amended in 2018.',
  'The reviewing experts noted that the legislation applies to all public officials, including members of parliament, judges and employees of State-owned enterprises.',
  'Statistics on investigations, prosecutions and convictions for the period 2019–2024 were provided during the country visit, together with examples of cases.',
  'A national anti-corruption strategy was adopted by the Council of Ministers and is implemented through two-year action plans with measurable indicators.',
  'The coordinating body meets every month and reports annually to parliament on the implementation of the strategy and the action plans.',
  'Public procurement above the threshold values is carried out through an electronic platform, and award decisions can be challenged before an independent review body.',
  'Asset declarations are filed by senior officials upon taking office and annually thereafter; they are verified on a risk basis and published in part.',
  'The reviewers were informed that training on integrity and conflicts of interest is mandatory for new civil servants and is repeated every three years.',
  'Financial institutions apply customer due diligence measures, including the identification of beneficial owners, and report suspicious transactions to the financial intelligence unit.',
  'Enhanced scrutiny of politically exposed persons applies to foreign officials; domestic politically exposed persons are covered on a risk-sensitive basis only.',
  'The financial intelligence unit is an administrative unit within the Ministry of the Interior with operational independence and its own budget line.',
  'Mutual legal assistance for the purposes of confiscation can be provided without a treaty, on the basis of reciprocity, and dual criminality is not required for non-coercive measures.',
  'Confiscated assets are returned to requesting States in accordance with article 57 of the Convention, after deduction of reasonable expenses where agreed.',
  'Civil society organizations take part in the consultations on draft legislation, and the results of the consultations are published online.',
  'The reviewers recognized the efforts made to improve the coordination between law enforcement agencies and the prosecution service.',
  'Nevertheless, the resources of the regional anti-corruption offices remain limited, and several positions were vacant at the time of the country visit.',
  'Rules on the acceptance of gifts and hospitality exist for the federal administration but differ between the provinces, which may lead to inconsistent application.',
  'Whistle-blowers in the public sector are protected against dismissal, but the protection does not extend to employees of private companies.',
];

function paragraphs(rand: () => number, count: number, sentences: [number, number] = [3, 6]): string {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const n = sentences[0] + Math.floor(rand() * (sentences[1] - sentences[0] + 1));
    const text = Array.from({ length: n }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!).join(' ');
    out.push(`<p>${p === 0 ? text.replace('reported', 'reported, <strong>in its self-assessment</strong>,') : text}</p>`);
  }
  return out.join('');
}

const NEEDS = ['Capacity-building', 'Legislative assistance', 'Institution-building', 'Research and data collection', 'Facilitation of international cooperation'];

function fullReport(): ReportDocumentInput {
  const rand = random(2026);
  const chapters = convention.chapters.filter((c) => c.number === 'II' || c.number === 'V');
  const articles = chapters.flatMap((c) => c.articles);
  let recommendation = 0;
  const perArticle = new Map<number, number>();
  for (let i = 0; i < 60; i++) perArticle.set(articles[i % articles.length]!.number, (perArticle.get(articles[i % articles.length]!.number) ?? 0) + 1);
  const article = (a: { number: number; title: string }): ReportArticleInput => {
    const count = perArticle.get(a.number) ?? 0;
    return {
      article: a.number,
      title: a.title,
      summary: paragraphs(rand, 3) + '<ul><li>legislative measures in force;</li><li>institutional arrangements;</li><li>statistics and cases.</li></ul>',
      observations: paragraphs(rand, 2),
      successes: paragraphs(rand, 1),
      challenges: paragraphs(rand, 2, [2, 4]),
      recommendations: Array.from({ length: count }, (_, i) => {
        recommendation += 1;
        return { reference: `2/AUT/${a.number}/${i + 1}`, text: `${SENTENCES[recommendation % SENTENCES.length]!.replace(/\.$/, '')} (recommendation ${recommendation}).` };
      }),
      goodPractices: [{ text: SENTENCES[(a.number * 7) % SENTENCES.length]! }],
      needs: [{ typeLabel: NEEDS[a.number % NEEDS.length]!, text: 'Training of the staff of the competent authorities and exchange of experience with other States parties.' }],
    };
  };
  return {
    symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
    distribution: 'General',
    date: '2026-11-27',
    language: 'en',
    stateName: 'Austria',
    cycle: 2,
    reviewerNames: ['Germany', 'Kenya'],
    draft: true,
    chapters: chapters.map((c) => ({ chapter: c.number, title: c.title, articles: c.articles.map(article) })),
  };
}

/** The same texts as a checklist (one provision per text, recommendations as a list): the baseline. */
function checklistOf(report: ReportDocumentInput): ChecklistDocxInput {
  return {
    state: { iso3: 'AUT', name: report.stateName },
    cycle: { number: report.cycle, title: 'Second review cycle' },
    chapters: report.chapters.map((c) => ({ number: c.chapter, title: c.title })),
    reviewers: [{ iso3: 'DEU', name: report.reviewerNames[0] }, { iso3: 'KEN', name: report.reviewerNames[1] }],
    format: 'free-text',
    view: { kind: 'working' },
    generatedAt: new Date('2026-11-27T00:00:00Z'),
    sections: report.chapters.flatMap((c) =>
      c.articles.map((a) => ({
        article: a.article,
        title: a.title,
        chapter: c.chapter,
        provisions: [
          ['summary', a.summary],
          ['observations', a.observations],
          ['successes', a.successes + `<ul>${a.goodPractices.map((p) => `<li>${p.text}</li>`).join('')}</ul>`],
          ['challenges', a.challenges],
          ['recommendations', `<ol>${a.recommendations.map((r) => `<li>${r.text} [${r.reference}]</li>`).join('')}</ol>`],
          ['needs', `<ul>${a.needs.map((n) => `<li>${n.typeLabel}: ${n.text}</li>`).join('')}</ul>`],
        ].map(([id, text]) => ({ id: `${a.article}.${id}`, label: `article ${a.article}, ${id}`, obligation: 'mandatory', answer: { compliance: null, text: text!, assistanceNeeds: { types: [], text: '' } } })),
      })),
    ),
  };
}

const ARABIC = [
  'تلتزم الدولة بمكافحة الفساد وفقا للمادة 5 من الاتفاقية، وقد اعتمدت استراتيجية وطنية في عام 2018 تشمل جميع مستويات الحكم.',
  'ويتولى المكتب الاتحادي لمكافحة الفساد تنسيق تنفيذ الاستراتيجية، ويقدم تقريرا سنويا إلى البرلمان عن التقدم المحرز.',
  'وتطبق المؤسسات المالية تدابير العناية الواجبة تجاه العملاء، بما في ذلك التحقق من هوية المالكين المنتفعين.',
  'ولاحظ الخبراء المستعرضون أن الموارد المتاحة للمكاتب الإقليمية لا تزال محدودة، وأن عدة وظائف كانت شاغرة وقت الزيارة القطرية.',
  'ويجوز تقديم المساعدة القانونية المتبادلة لأغراض المصادرة دون معاهدة، على أساس المعاملة بالمثل (المادة 55).',
];
const CHINESE = [
  '奥地利于2018年通过了国家反腐败战略，涵盖各级政府，并由联邦反腐败局负责协调。',
  '协调机构每月召开会议，每年向议会报告战略和行动计划的执行情况。',
  '金融机构采取客户尽职调查措施，包括识别受益所有人，并向金融情报机构报告可疑交易。',
  '审议专家注意到，地区反腐败办公室的资源仍然有限，国别访问时有若干职位空缺。',
  '为没收目的提供的司法协助可以在没有条约的情况下根据互惠原则提供（第55条）。',
];

/** An executive summary of about three pages: headings, paragraphs and lists, in `language`. */
function summaryIn(language: 'ar' | 'zh'): SummaryDocumentInput {
  const sentences = language === 'ar' ? ARABIC : CHINESE;
  const rand = random(language === 'ar' ? 1 : 2);
  const para = () => `<p>${Array.from({ length: 3 }, () => sentences[Math.floor(rand() * sentences.length)]!).join(' ')}</p>`;
  const headings = language === 'ar' ? ['الفصل الثاني: التدابير الوقائية', 'الفصل الخامس: استرداد الموجودات'] : ['第二章：预防措施', '第五章：资产追回'];
  const text = headings.map((h) => `<h3>${h}</h3>${Array.from({ length: 7 }, para).join('')}<ul><li>${sentences[0]}</li><li>${sentences[2]}</li></ul>`).join('');
  return {
    symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
    distribution: 'General',
    date: '2026-11-27',
    language,
    stateName: language === 'ar' ? 'النمسا' : '奥地利',
    cycle: 2,
    reviewerNames: language === 'ar' ? ['ألمانيا', 'كينيا'] : ['德国', '肯尼亚'],
    draft: false,
    text,
  };
}

// ---------------------------------------------------------------------------------------
// One case, in a child process

const CASES = {
  'baseline: JSON.stringify(report input)': async () => Buffer.from(JSON.stringify(fullReport())),
  'baseline: checklist DOCX, same texts': () => buildChecklistDocx(checklistOf(fullReport())),
  'report DOCX': () => buildReportDocx(fullReport()),
  'report PDF': () => buildReportPdf(fullReport()),
  'summary DOCX, Arabic': () => buildSummaryDocx(summaryIn('ar')),
  'summary PDF, Arabic': () => buildSummaryPdf(summaryIn('ar')),
  'summary PDF, Chinese': () => buildSummaryPdf(summaryIn('zh')),
} satisfies Record<string, () => Promise<Buffer>>;
type CaseName = keyof typeof CASES;

interface CaseResult {
  times: number[];
  firstMs: number;
  /** VmHWM after the first document, and after all of them. */
  firstHwmMb: number;
  hwmMb: number;
  bytes: number;
  pages: number | null;
}

function vmHwmMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

async function child(name: CaseName, runs: number, out: string | undefined): Promise<void> {
  const build = CASES[name];
  let started = performance.now();
  let bytes = await build(); // the first run also loads fonts and warms the JIT: reported apart
  const firstMs = performance.now() - started;
  const firstHwmMb = vmHwmMb();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    bytes = await build();
    times.push(performance.now() - started);
  }
  const isPdf = bytes.subarray(0, 5).toString() === '%PDF-';
  const pages = isPdf ? (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length : null;
  if (out) writeFileSync(path.join(out, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.${isPdf ? 'pdf' : bytes.subarray(0, 2).toString() === 'PK' ? 'docx' : 'json'}`), bytes);
  const result: CaseResult = { times, firstMs, firstHwmMb, hwmMb: vmHwmMb(), bytes: bytes.length, pages };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------
// The parent: one child per case, then the table

const run = promisify(execFile);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) {
    await child(process.argv[childIndex + 1] as CaseName, Number(process.argv[childIndex + 2]), process.argv[childIndex + 3]);
    return;
  }
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const runs = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 15));
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1]!) : undefined;
  if (out) mkdirSync(out, { recursive: true });
  const report = fullReport();
  const articles = report.chapters.flatMap((c) => c.articles);
  const words = JSON.stringify(report).replace(/<[^>]+>/g, ' ').split(/\s+/).length;
  const lines = [
    `Open IRM report documents bench, ${new Date().toISOString()}, Node ${process.version}, ${runs} runs per case after one first run, each case in its own process`,
    `Report: chapters ${report.chapters.map((c) => c.chapter).join(' and ')}, ${articles.length} articles, ${articles.reduce((s, a) => s + a.recommendations.length, 0)} recommendations, about ${fmt(words)} words`,
    '',
  ];
  const header = `${'case'.padEnd(40)} ${'median ms'.padStart(9)} ${'min'.padStart(6)} ${'max'.padStart(6)} ${'first ms'.padStart(8)} ${'MB 1 doc'.padStart(8)} ${`MB ${runs + 1} docs`.padStart(11)} ${'size KB'.padStart(7)} ${'pages'.padStart(5)} ${'x checklist'.padStart(11)}  target: ms, MB 1 doc, MB ${runs + 1} docs`;
  lines.push(header, '-'.repeat(header.length));
  const results = new Map<CaseName, CaseResult>();
  for (const name of Object.keys(CASES) as CaseName[]) {
    process.stderr.write(`… ${name}\n`);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, String(runs), ...(out ? [out] : [])], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      maxBuffer: 16 * 1024 * 1024,
      timeout: 20 * 60_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as CaseResult;
    results.set(name, result);
    const baseline = results.get('baseline: checklist DOCX, same texts');
    const ms = median(result.times);
    const isBaseline = name.startsWith('baseline');
    const ratio = baseline && !isBaseline ? `${fmt(ms / median(baseline.times), 1)}x` : '-';
    const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    const verdict = isBaseline ? '-' : `${pass(ms < TARGET_MS)} ${pass(result.firstHwmMb < TARGET_MB)} ${pass(result.hwmMb < TARGET_MB)}`;
    lines.push(
      `${name.padEnd(40)} ${fmt(ms).padStart(9)} ${fmt(Math.min(...result.times)).padStart(6)} ${fmt(Math.max(...result.times)).padStart(6)} ${fmt(result.firstMs).padStart(8)} ${fmt(result.firstHwmMb, 1).padStart(8)} ${fmt(result.hwmMb, 1).padStart(11)} ${fmt(result.bytes / 1024).padStart(7)} ${String(result.pages ?? '-').padStart(5)} ${ratio.padStart(11)}  ${verdict}`,
    );
  }
  lines.push(
    '',
    'median/min/max: the runs after the first; first ms: the first run of the process (fonts loaded, JIT cold).',
    `MB: VmHWM (peak RSS) of the child process after its first document and after all ${runs + 1}, the tsx loader included (as in the baseline rows).`,
    'Between the two, V8 lets the garbage of earlier documents pile up before a full collection (with a gc() after each document the',
    'peak stays at the first one); the targets are each: median < 2,000 ms, peak < 300 MB.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
