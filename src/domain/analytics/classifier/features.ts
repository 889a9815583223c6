/**
 * @module classifier/features
 * Words of a free-text need as the classifier sees them: lower case, accents removed,
 * common words dropped, each word cut to a crude stem so "train", "training" and "trainers"
 * meet, plus every pair of neighbouring stems ("asset recoveri", "action plan"), which
 * carry more meaning in this vocabulary than the words alone.
 */

const STOP_WORDS = new Set(
  ('a an and or the of in on for to with by from at as is are be been being this that these those its it their there which who whom ' +
    'into onto within about also such other than any all each both per via including include includes regarding concerning ' +
    'state states party parties country countries national need needs needed assistance support help technical provision provide ' +
    'would will shall should could may might can wish wishes welcome requested request requests').split(' '),
);

// Longest first, so "ations" is cut before "s". Stems keep at least three letters.
const SUFFIXES = ['izations', 'ization', 'isations', 'isation', 'ational', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'ities', 'ity', 'ings', 'ing', 'ers', 'er', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'e', 'y'];

/** A crude suffix-stripping stem: consistent, not linguistic. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      // "recovery" and "recoveries" both become "recoveri".
      return suffix === 'ies' || suffix === 'ied' || suffix === 'y' ? `${base}i` : base;
    }
  }
  return word;
}

export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/** The distinct features of a text: stems and "stem stem" pairs of neighbours. */
export function features(text: string): string[] {
  const stems = words(text).map(stem);
  const found = new Set(stems);
  for (let i = 0; i + 1 < stems.length; i++) found.add(`${stems[i]} ${stems[i + 1]}`);
  return [...found];
}
