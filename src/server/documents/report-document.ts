/**
 * @module report-document
 * The country review report and the executive summary as documents: the input both
 * generators take (`report-docx.ts` for Word, `report-pdf.ts` for PDF) and the one layout
 * they both draw, so the two formats carry the same content in the same order.
 *
 * The layout follows a United Nations document: a title block ("United Nations" and the
 * symbol, a rule, distribution, date and original language, then the title), then the body
 * in **numbered paragraphs** (1., 2., 3. … without restarting, across the whole document),
 * with chapters, articles and the fixed sub-headings of a report section as unnumbered
 * headings, and lists (recommendations, good practices, needs, lists typed in the texts) as
 * lettered or bulleted sub-items.
 *
 * Language. The texts are reproduced in the language they were written in: a summary's body
 * is in the summary's language (Arabic is laid out right to left), a report's sections are
 * as drafted. The labels of the layout are given in the document's language where they are
 * fixed words: "United Nations", the title lines, "Reviewing States", the draft mark and the
 * six sub-headings of a report section. Distribution, date and original language follow UN
 * practice: in French and Spanish documents in that language, in the other four in English.
 * The rest (chapter and article headings, the report's opening paragraph, "No text yet")
 * is English, the working language of the secretariat. The original language of both
 * documents is English (docs/REPORTS.md §2 [A]).
 */
import { answerToBlocks, type Inline, type TextInline } from './checklist-docx.ts';

// ---------------------------------------------------------------------------------------
// Input

export type DocumentLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export type Distribution = 'General' | 'Limited' | 'Restricted';

export interface ReportArticleInput {
  article: number;
  /** Without "Article n.": "Preventive anti-corruption policies and practices". */
  title: string;
  /** Sanitised HTML (the checklist answers' tag set) or plain text, or ''. */
  summary: string;
  observations: string;
  successes: string;
  challenges: string;
  /** In order; `reference` like "2/AUT/5/1". */
  recommendations: { reference: string; text: string }[];
  goodPractices: { text: string }[];
  needs: { typeLabel: string; text: string }[];
}

export interface ReportDocumentInput {
  /** e.g. "CAC/COSP/IRG/II/1/1/Add.4"; '' for a draft without a symbol yet. */
  symbol: string;
  distribution: Distribution;
  /** YYYY-MM-DD, shown as "27 November 2026". */
  date: string;
  language: DocumentLanguage;
  stateName: string;
  cycle: number;
  reviewerNames: [string, string];
  /** A "Draft — confidential" mark in the header. */
  draft: boolean;
  /** chapter "II", "V", … in the Convention's order. */
  chapters: { chapter: string; title: string; articles: ReportArticleInput[] }[];
}

export interface SummaryDocumentInput {
  symbol: string;
  distribution: Distribution;
  date: string;
  language: DocumentLanguage;
  stateName: string;
  cycle: number;
  reviewerNames: [string, string];
  draft: boolean;
  /** Sanitised HTML of the summary in `language`. */
  text: string;
}

// ---------------------------------------------------------------------------------------
// Labels

export type SectionLabel = 'summary' | 'observations' | 'successes' | 'challenges' | 'recommendations' | 'needs';

interface Labels {
  unitedNations: string;
  reviewGroup: string;
  reviewTitle: string;
  countryReport: (state: string) => string;
  executiveSummary: (state: string) => string;
  reviewingStates: (names: readonly [string, string]) => string;
  draft: string;
  sections: Record<SectionLabel, string>;
}

/** The fixed words of the layout, per language (written for Open IRM, after UN usage). */
export const LABELS: Record<DocumentLanguage, Labels> = {
  en: {
    unitedNations: 'United Nations',
    reviewGroup: 'Implementation Review Group',
    reviewTitle: 'Review of implementation of the United Nations Convention against Corruption',
    countryReport: (state) => `Country review report of ${state}`,
    executiveSummary: (state) => `Executive summary: ${state}`,
    reviewingStates: ([a, b]) => `Reviewing States: ${a} and ${b}`,
    draft: 'Draft — confidential',
    sections: {
      summary: 'Summary of implementation',
      observations: 'Observations',
      successes: 'Successes and good practices',
      challenges: 'Challenges and issues',
      recommendations: 'Recommendations',
      needs: 'Technical assistance needs',
    },
  },
  fr: {
    unitedNations: 'Nations Unies',
    reviewGroup: 'Groupe d’examen de l’application',
    reviewTitle: 'Examen de l’application de la Convention des Nations Unies contre la corruption',
    countryReport: (state) => `Rapport d’examen de pays\u00a0: ${state}`,
    executiveSummary: (state) => `Résumé analytique\u00a0: ${state}`,
    reviewingStates: ([a, b]) => `États parties examinateurs\u00a0: ${a} et ${b}`,
    draft: 'Projet — confidentiel',
    sections: {
      summary: 'Résumé de l’application',
      observations: 'Observations',
      successes: 'Succès et bonnes pratiques',
      challenges: 'Difficultés et problèmes',
      recommendations: 'Recommandations',
      needs: 'Besoins d’assistance technique',
    },
  },
  es: {
    unitedNations: 'Naciones Unidas',
    reviewGroup: 'Grupo de Examen de la Aplicación',
    reviewTitle: 'Examen de la aplicación de la Convención de las Naciones Unidas contra la Corrupción',
    countryReport: (state) => `Informe del examen del país: ${state}`,
    executiveSummary: (state) => `Resumen: ${state}`,
    reviewingStates: ([a, b]) => `Estados partes examinadores: ${a} y ${b}`,
    draft: 'Proyecto — confidencial',
    sections: {
      summary: 'Resumen de la aplicación',
      observations: 'Observaciones',
      successes: 'Logros y buenas prácticas',
      challenges: 'Problemas y dificultades',
      recommendations: 'Recomendaciones',
      needs: 'Necesidades de asistencia técnica',
    },
  },
  ru: {
    unitedNations: 'Организация Объединенных Наций',
    reviewGroup: 'Группа по обзору хода осуществления',
    reviewTitle: 'Обзор хода осуществления Конвенции Организации Объединенных Наций против коррупции',
    countryReport: (state) => `Доклад о страновом обзоре: ${state}`,
    executiveSummary: (state) => `Резюме: ${state}`,
    reviewingStates: ([a, b]) => `Государства, проводящие обзор: ${a} и ${b}`,
    draft: 'Проект — конфиденциально',
    sections: {
      summary: 'Краткое изложение хода осуществления',
      observations: 'Замечания',
      successes: 'Успешные результаты и виды практики',
      challenges: 'Трудности и проблемы',
      recommendations: 'Рекомендации',
      needs: 'Потребности в технической помощи',
    },
  },
  zh: {
    unitedNations: '联合国',
    reviewGroup: '实施情况审议组',
    reviewTitle: '《联合国反腐败公约》实施情况审议',
    countryReport: (state) => `国别审议报告：${state}`,
    executiveSummary: (state) => `内容提要：${state}`,
    reviewingStates: ([a, b]) => `审议缔约国：${a}和${b}`,
    draft: '草稿 — 机密',
    sections: {
      summary: '实施情况摘要',
      observations: '意见',
      successes: '成功经验和良好做法',
      challenges: '挑战和问题',
      recommendations: '建议',
      needs: '技术援助需求',
    },
  },
  ar: {
    unitedNations: 'الأمم المتحدة',
    reviewGroup: 'فريق استعراض التنفيذ',
    reviewTitle: 'استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الفساد',
    countryReport: (state) => `تقرير الاستعراض القُطري: ${state}`,
    executiveSummary: (state) => `خلاصة وافية: ${state}`,
    reviewingStates: ([a, b]) => `الدولتان المستعرِضتان: ${a} و${b}`,
    draft: 'مسودة — سرية',
    sections: {
      summary: 'موجز التنفيذ',
      observations: 'الملاحظات',
      successes: 'النجاحات والممارسات الجيدة',
      challenges: 'التحديات والمشاكل',
      recommendations: 'التوصيات',
      needs: 'الاحتياجات من المساعدة التقنية',
    },
  },
};

const LANGUAGE_NAMES: Record<DocumentLanguage, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'Français', ru: 'Russian', es: 'Español' };

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/**
 * The date line of the title block, as UN documents print it.
 * @example formatDocumentDate('2026-11-27', 'en') // '27 November 2026'
 * @example formatDocumentDate('2026-11-27', 'es') // '27 de noviembre de 2026'
 */
export function formatDocumentDate(date: string, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const m = Number(month) - 1;
  if (language === 'fr') return `${Number(day)}${day === '01' ? 'er' : ''} ${MONTHS.fr[m]} ${year}`;
  if (language === 'es') return `${Number(day)} de ${MONTHS.es[m]} de ${year}`;
  return `${Number(day)} ${MONTHS.en[m]} ${year}`;
}

function distributionLine(distribution: Distribution, language: DocumentLanguage): string {
  if (language === 'fr') return `Distr. ${{ General: 'générale', Limited: 'limitée', Restricted: 'restreinte' }[distribution]}`;
  if (language === 'es') return `Distr. ${{ General: 'general', Limited: 'limitada', Restricted: 'reservada' }[distribution]}`;
  return `Distr.: ${distribution}`;
}

function originalLine(language: DocumentLanguage): string {
  if (language === 'fr') return 'Original\u00a0: anglais';
  if (language === 'es') return 'Original: inglés';
  return 'Original: English';
}

// ---------------------------------------------------------------------------------------
// The layout both generators draw

/** Text direction of a document: Arabic right to left, the other five left to right. */
export function directionOf(language: DocumentLanguage): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Letters of the scripts written left to right that the documents use (Latin, Greek, Cyrillic, CJK). */
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/;

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}
export function hasLtr(text: string): boolean {
  return LTR_CHAR.test(text);
}

export interface TitleBlock {
  unitedNations: string;
  symbol: string;
  /** The lines at the top right: distribution, date, the language of this version (if not English), original. */
  meta: string[];
  /** Body title: the group, the subject, the document's title (largest). */
  group: string;
  subject: string;
  title: string;
  reviewingStates: string;
  draftMark: string | null;
}

export type ListMarker = 'letter' | 'bullet';

export type LayoutNode =
  /** 1 chapter, 2 article, 3 a fixed sub-heading of a section, 4 a heading typed in a text. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Inline[] }
  /** A body paragraph: numbered 1., 2., … unless it is a quotation (indented, `quoteDepth` > 0) or a note. */
  | { kind: 'paragraph'; numbered: boolean; quoteDepth: number; italic?: boolean; runs: Inline[] }
  /**
   * A list item: marker (a), (b)… or a bullet; `list` identifies the list (lettering restarts per
   * list), `index` is the item's place in it from 0; `continued` for a later paragraph of the
   * same item (indented, no marker).
   */
  | { kind: 'item'; marker: ListMarker; level: number; list: number; index: number; continued: boolean; runs: Inline[] };

export interface DocumentLayout {
  language: DocumentLanguage;
  direction: 'rtl' | 'ltr';
  title: TitleBlock;
  nodes: LayoutNode[];
  /** For the document's properties. */
  documentTitle: string;
  /** The symbol shown in the running header ('' → none). */
  symbol: string;
}

/** "(a)" … "(z)", "(aa)" … for list item `index` from 0; lower roman "(i)" at odd nesting levels. */
export function listMarkerText(marker: ListMarker, level: number, index: number): string {
  if (marker === 'bullet') return ['•', '◦', '▪'][level % 3]!;
  if (level % 2 === 1) return `(${toRoman(index + 1).toLowerCase()})`;
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `(${letters})`;
}

function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}

/** "II and V", "I, II and III". */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function titleBlock(input: ReportDocumentInput | SummaryDocumentInput, title: string): TitleBlock {
  const labels = LABELS[input.language];
  const meta = [distributionLine(input.distribution, input.language), formatDocumentDate(input.date, input.language)];
  if (input.language !== 'en') meta.push(LANGUAGE_NAMES[input.language]);
  meta.push(originalLine(input.language));
  return {
    unitedNations: labels.unitedNations,
    symbol: input.symbol,
    meta,
    group: labels.reviewGroup,
    subject: labels.reviewTitle,
    title,
    reviewingStates: labels.reviewingStates(input.reviewerNames),
    draftMark: input.draft ? labels.draft : null,
  };
}

/** Builds nodes, numbering lists so that each list (of a text, or of recommendations) is its own. */
class NodeBuilder {
  readonly nodes: LayoutNode[] = [];
  private nextList = 1;

  heading(level: 1 | 2 | 3 | 4, text: string): void {
    this.nodes.push({ kind: 'heading', level, runs: [{ text }] });
  }

  paragraph(runs: Inline[], options: { numbered?: boolean; italic?: boolean } = {}): void {
    this.nodes.push({ kind: 'paragraph', numbered: options.numbered ?? true, quoteDepth: 0, runs, ...(options.italic ? { italic: true } : {}) });
  }

  /** A rich text (HTML or plain): paragraphs numbered, quotations and list items not. */
  richText(html: string): void {
    const lists = new Map<number, { list: number; count: number }>();
    for (const block of answerToBlocks(html)) {
      if (block.kind !== 'paragraph') {
        this.nodes.push({ kind: 'heading', level: 4, runs: block.runs });
        continue;
      }
      if (block.list) {
        let list = lists.get(block.list.instance);
        if (!list) {
          list = { list: this.nextList++, count: 0 };
          lists.set(block.list.instance, list);
        }
        const index = block.list.continued ? list.count - 1 : list.count++;
        this.nodes.push({
          kind: 'item',
          marker: block.list.ordered ? 'letter' : 'bullet',
          level: block.list.level,
          list: list.list,
          index: Math.max(index, 0),
          continued: block.list.continued,
          runs: block.runs,
        });
        continue;
      }
      this.nodes.push({ kind: 'paragraph', numbered: block.quoteDepth === 0, quoteDepth: block.quoteDepth, runs: block.runs });
    }
  }

  /** One list, one item per entry; an entry's text may hold several lines (joined by line breaks). */
  list(marker: ListMarker, entries: Inline[][]): void {
    const list = this.nextList++;
    entries.forEach((runs, index) => this.nodes.push({ kind: 'item', marker, level: 0, list, index, continued: false, runs }));
  }
}

/** The runs of a short structured text (a recommendation, a need): its paragraphs joined by line breaks. */
function inlineRuns(text: string): Inline[] {
  const runs: Inline[] = [];
  for (const block of answerToBlocks(text)) {
    if (runs.length > 0) runs.push({ lineBreak: true });
    runs.push(...block.runs);
  }
  return runs;
}

function isBlank(html: string): boolean {
  return answerToBlocks(html).length === 0;
}

/** The country review report, laid out. */
export function reportLayout(input: ReportDocumentInput): DocumentLayout {
  const labels = LABELS[input.language];
  const title = titleBlock(input, labels.countryReport(input.stateName));
  const b = new NodeBuilder();
  const chapters = input.chapters.map((c) => `${c.chapter} (${c.title.charAt(0).toUpperCase()}${c.title.slice(1)})`);
  b.paragraph([
    {
      text:
        `The review of the implementation by ${input.stateName} of chapter${input.chapters.length === 1 ? '' : 's'} ${joinAnd(chapters)} ` +
        `of the United Nations Convention against Corruption was carried out by ${input.reviewerNames[0]} and ${input.reviewerNames[1]} ` +
        `in the ${ordinal(input.cycle)} cycle of the Mechanism for the Review of Implementation of the Convention.`,
    },
  ]);
  for (const chapter of input.chapters) {
    b.heading(1, `Chapter ${chapter.chapter}. ${chapter.title}`);
    for (const article of chapter.articles) {
      b.heading(2, `Article ${article.article}. ${article.title}`);
      let wrote = false;
      const prose = (label: SectionLabel, html: string) => {
        if (isBlank(html)) return;
        b.heading(3, labels.sections[label]);
        b.richText(html);
        wrote = true;
      };
      prose('summary', article.summary);
      prose('observations', article.observations);
      const practices = article.goodPractices.filter((p) => !isBlank(p.text));
      if (!isBlank(article.successes) || practices.length > 0) {
        b.heading(3, labels.sections.successes);
        if (!isBlank(article.successes)) b.richText(article.successes);
        if (practices.length > 0) b.list('bullet', practices.map((p) => inlineRuns(p.text)));
        wrote = true;
      }
      prose('challenges', article.challenges);
      const recommendations = article.recommendations.filter((r) => !isBlank(r.text));
      if (recommendations.length > 0) {
        b.heading(3, labels.sections.recommendations);
        b.list(
          'letter',
          recommendations.map((r) => [...inlineRuns(r.text), ...(r.reference ? [{ text: ` [${r.reference}]`, italic: true } satisfies TextInline] : [])]),
        );
        wrote = true;
      }
      const needs = article.needs.filter((n) => n.typeLabel.trim() !== '' || !isBlank(n.text));
      if (needs.length > 0) {
        b.heading(3, labels.sections.needs);
        b.list(
          'bullet',
          needs.map((n) => {
            const text = inlineRuns(n.text);
            return [{ text: text.length > 0 ? `${n.typeLabel}: ` : n.typeLabel, bold: true }, ...text];
          }),
        );
        wrote = true;
      }
      if (!wrote) b.paragraph([{ text: 'No text yet.' }], { numbered: false, italic: true });
    }
  }
  return {
    language: input.language,
    direction: directionOf(input.language),
    title,
    nodes: b.nodes,
    documentTitle: title.title,
    symbol: input.symbol,
  };
}

/** The executive summary in one language, laid out: the title block, then its text in numbered paragraphs. */
export function summaryLayout(input: SummaryDocumentInput): DocumentLayout {
  const title = titleBlock(input, LABELS[input.language].executiveSummary(input.stateName));
  const b = new NodeBuilder();
  b.richText(input.text);
  return {
    language: input.language,
    direction: directionOf(input.language),
    title,
    nodes: b.nodes,
    documentTitle: title.title,
    symbol: input.symbol,
  };
}

/** Plain text of runs (line breaks as newlines). */
export function runsText(runs: readonly Inline[]): string {
  return runs.map((r) => ('text' in r ? r.text : '\n')).join('');
}
