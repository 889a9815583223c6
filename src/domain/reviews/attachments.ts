/**
 * @module attachments
 * What may be attached to a checklist answer: the documents a State cites (laws, cases,
 * statistics) in formats every party can open. The type is the one found in the file's
 * bytes, never the name or the browser's claim, so a renamed program or web page is refused.
 */
import { DomainError } from '../errors.ts';

/** Accepted types, by the MIME type detected from the bytes, with the extension they are served under. */
export const ALLOWED_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  // Word 97–2003 and Excel 97–2003 share one container format.
  'application/x-cfb': 'doc',
  'application/rtf': 'rtf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/** Text has no signature: a .txt or .csv name is believed only when the bytes are text. */
const TEXT_EXTENSIONS: Readonly<Record<string, string>> = { txt: 'text/plain', csv: 'text/csv' };

export interface DetectedFile {
  filename: string;
  sizeBytes: number;
  /** The MIME type found in the bytes (undefined when no signature matched). */
  detectedType: string | undefined;
  /** Whether the bytes are valid UTF-8 without control characters other than tab and line breaks. */
  isText: boolean;
}

/** A file name safe to show and to put in a download header: no folders, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg".
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

/**
 * Bytes that may be kept as a .txt or .csv file: valid UTF-8, no control characters but tab,
 * line breaks and form feed, and not markup. A web page or an SVG image renamed .txt would
 * be harmless as served (text/plain, nosniff, sandboxed), but has no place among a State's
 * documents and would become active if ever served otherwise.
 */
export function isPlainDocumentText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !/^\s*<[!?a-z]/i.test(text.replace(/^\ufeff/, '')) && !/<(script|svg|html|iframe|object|embed)\b/i.test(text);
}

/**
 * Decides whether a file may be attached and under which type.
 * @example checkAttachment({ filename: 'law.pdf', sizeBytes: 10, detectedType: 'application/pdf', isText: false }, 1e6) // { contentType: 'application/pdf', … }
 */
export function checkAttachment(file: DetectedFile, maxBytes: number): { contentType: string; filename: string } {
  if (file.sizeBytes > maxBytes) {
    throw new DomainError('attachment.tooLarge', `The file is larger than the limit of ${formatBytes(maxBytes)}.`);
  }
  if (file.sizeBytes === 0) throw new DomainError('request.invalid', 'The file is empty.');
  const filename = cleanFilename(file.filename);
  const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  if (file.detectedType && ALLOWED_ATTACHMENT_TYPES[file.detectedType]) return { contentType: file.detectedType, filename };
  if (!file.detectedType && file.isText && TEXT_EXTENSIONS[extension]) return { contentType: TEXT_EXTENSIONS[extension], filename };
  const found = file.detectedType ? `its content is ${file.detectedType}` : file.isText ? `a text file must be named .txt or .csv` : 'its content is of no known document type';
  throw new DomainError('attachment.forbiddenType', `"${filename}" cannot be attached: ${found}. Accepted: PDF, Word, Excel, PowerPoint, OpenDocument, RTF, PNG, JPEG, TIFF, plain text and CSV.`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
