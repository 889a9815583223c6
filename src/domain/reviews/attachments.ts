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
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
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
