import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFilename } from './attachments.ts';

const pdf = { filename: 'law.pdf', sizeBytes: 1000, detectedType: 'application/pdf', isText: false };

describe('checkAttachment', () => {
  it('accepts documents by the type found in their bytes', () => {
    expect(checkAttachment(pdf, 2000)).toEqual({ contentType: 'application/pdf', filename: 'law.pdf' });
    // The name does not matter when the bytes say PDF.
    expect(checkAttachment({ ...pdf, filename: 'law.txt' }, 2000).contentType).toBe('application/pdf');
  });

  it('refuses a file over the limit, and an empty one', () => {
    expect(() => checkAttachment(pdf, 999)).toThrow(expect.objectContaining({ code: 'attachment.tooLarge' }));
    expect(() => checkAttachment({ ...pdf, sizeBytes: 0 }, 999)).toThrow(/empty/);
  });

  it('refuses programs and web pages whatever their name', () => {
    expect(() => checkAttachment({ filename: 'law.pdf', sizeBytes: 10, detectedType: 'application/x-msdownload', isText: false }, 100)).toThrow(expect.objectContaining({ code: 'attachment.forbiddenType' }));
    expect(() => checkAttachment({ filename: 'page.html', sizeBytes: 10, detectedType: undefined, isText: true }, 100)).toThrow(/\.txt or \.csv/);
    expect(() => checkAttachment({ filename: 'law.pdf', sizeBytes: 10, detectedType: undefined, isText: false }, 100)).toThrow(/no known document type/);
  });

  it('believes a .txt or .csv name only for text bytes', () => {
    expect(checkAttachment({ filename: 'stats.CSV', sizeBytes: 10, detectedType: undefined, isText: true }, 100).contentType).toBe('text/csv');
    expect(() => checkAttachment({ filename: 'stats.csv', sizeBytes: 10, detectedType: undefined, isText: false }, 100)).toThrow(expect.objectContaining({ code: 'attachment.forbiddenType' }));
  });
});

describe('cleanFilename', () => {
  it('keeps the base name only, without control characters or quotes', () => {
    expect(cleanFilename('C:\\Users\\x\\Loi n°12.pdf')).toBe('Loi n°12.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a"b\u0000.pdf')).toBe('ab.pdf');
    expect(cleanFilename('..')).toBe('attachment');
  });
});
