/**
 * Folds text for searching: case-insensitive and accent-insensitive, so "cote d'ivoire"
 * finds "Côte d’Ivoire" and "turkiye" finds "Türkiye". Decomposing to NFD and dropping
 * combining marks also folds Arabic hamza and vowel marks.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLocaleLowerCase('en')
    .trim();
}
