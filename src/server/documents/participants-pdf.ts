/**
 * @module participants-pdf
 * The list of participants of a session as PDF (docs/SESSIONS.md §11): in English, grouped
 * as the UN lists them (States parties, signatories, the European Union, observers by
 * category), each delegation with its participants and their titles. Drawn with pdfmake and
 * the fonts of the report PDF (report-pdf.ts): Roboto, Noto Naskh Arabic and Noto Sans Hans,
 * so a participant's name typed in Arabic or Chinese prints.
 *
 * Names are short and set on one line each, so a name in Arabic is put in visual order here
 * simply by reversing its words (fontkit shapes and reverses the letters of each word); the
 * report PDF's full bidirectional layout is not needed for one-line names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParticipantsList } from '../use-cases/session-attendance.ts';
import { PDF_FONT_FILES } from './report-pdf.ts';

const require = createRequire(import.meta.url);

type Family = keyof typeof PDF_FONT_FILES;
interface Text {
  text: string | Text[];
  font?: Family;
  bold?: boolean;
  fontSize?: number;
  color?: string;
  margin?: [number, number, number, number];
  noWrap?: boolean;
  alignment?: 'left' | 'center' | 'right';
  headlineLevel?: number;
}
type Content = Text | { stack: Content[]; unbreakable?: boolean; margin?: [number, number, number, number] };
interface PdfKitInternals {
  fontCache?: Record<string, Record<string, { unicode?: number[][] }>>;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  end(): void;
}
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  createPdf(definition: unknown): { getStream(): Promise<unknown> };
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
}
const pdfmake = require('pdfmake') as PdfMake;
const ALLOWED_FILES = new Set(Object.values(PDF_FONT_FILES).flatMap((variants) => Object.values(variants).map((f) => path.resolve(f))));

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

function familyOf(char: string): Family {
  if (ARABIC.test(char)) return 'Naskh';
  if (CJK.test(char)) return 'Hans';
  return 'Roboto';
}

/** Splits a line into runs of one font; a line with Arabic letters gets its words in visual order. */
function runs(line: string, style: Omit<Text, 'text'> = {}): Text {
  const visual = ARABIC.test(line) && !/[A-Za-z]/.test(line) ? line.split(' ').reverse().join(' ') : line;
  if (!ARABIC.test(visual) && !CJK.test(visual)) return { text: visual, ...style };
  const parts: { text: string; font: Family }[] = [];
  let current: Family | null = null;
  for (const char of visual) {
    // Spaces and punctuation stay with the run they are in.
    const family: Family = /[\s\p{P}]/u.test(char) && current ? current : familyOf(char);
    const last = parts[parts.length - 1];
    if (last && family === current) last.text += char;
    else parts.push({ text: char, font: family });
    current = family;
  }
  return { text: parts, ...style };
}

function fontDictionary(used: ReadonlySet<Family>) {
  const key = (file: string) => {
    const name = `openirm-fonts/${path.basename(file)}`;
    if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, readFileSync(file));
    return name;
  };
  // A family the list does not use stays a path on disk, which pdfmake never opens.
  return Object.fromEntries(
    (Object.keys(PDF_FONT_FILES) as Family[]).map((f) => [f, used.has(f) ? Object.fromEntries(Object.entries(PDF_FONT_FILES[f]).map(([v, file]) => [v, key(file)])) : PDF_FONT_FILES[f]]),
  );
}

export async function buildParticipantsPdf(list: ParticipantsList): Promise<Buffer> {
  const allText = list.groups.flatMap((g) => g.delegations.flatMap((d) => [d.name, ...d.participants.flatMap((p) => [p.name, p.title])])).join('\n');
  const used = new Set<Family>(['Roboto']);
  if (ARABIC.test(allText)) used.add('Naskh');
  if (CJK.test(allText)) used.add('Hans');
  const total = list.groups.reduce((n, g) => n + g.delegations.reduce((m, d) => m + d.participants.length, 0), 0);

  const content: Content[] = [
    { text: 'List of participants', fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    runs(list.sessionName, { fontSize: 11, margin: [0, 0, 0, 2] }),
    { text: `${total} participants; generated ${list.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, fontSize: 8, color: '#555555', margin: [0, 0, 0, 10] },
  ];
  for (const group of list.groups) {
    content.push({ text: group.title, fontSize: 12, bold: true, margin: [0, 10, 0, 4], headlineLevel: 1 });
    for (const delegation of group.delegations) {
      content.push({
        // A delegation is kept on one page unless it is longer than a page.
        unbreakable: delegation.participants.length < 40,
        margin: [0, 0, 0, 6],
        stack: [
          runs(delegation.name, { bold: true, margin: [0, 0, 0, 1] }),
          // "Name, title" on one line as in the UN's lists; one text node per participant.
          ...delegation.participants.map((p): Text => ({
            text: [runs(p.name), ...(p.title ? [runs(`, ${p.title}`, { color: '#444444' })] : [])],
            margin: [14, 0, 0, 1],
          })),
        ],
      });
    }
  }
  const definition = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: 'en',
    info: { title: `List of participants — ${list.sessionName}`, author: 'Open IRM', creator: 'Open IRM', subject: 'List of participants' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    footer: (page: number, pages: number): Content => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content,
  };
  pdfmake.setFonts(fontDictionary(used));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => ALLOWED_FILES.has(path.resolve(file)));
  const doc = (await pdfmake.createPdf(definition).getStream()) as PdfKitInternals;
  // As in report-pdf.ts: ligature glyphs map back to their letters in reverse, so that
  // extractors that reverse right-to-left text give the Arabic back as typed.
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
