/**
 * @module needs-groups
 * Groups of related articles whose needs the secretariat counts together. The Group's
 * report of November 2020 (CAC/COSP/IRG/2020/…, para. 39) adds article 14 (measures to
 * prevent money-laundering) to article 52 (prevention and detection of transfers of
 * proceeds of crime) "taking into consideration the interconnected nature" of the two.
 * The other defaults follow the same reasoning for pairs the Convention itself ties
 * together; they are the project's choice, not the secretariat's, and every request may
 * replace them (docs: "Technical-assistance needs").
 */
import { DomainError } from '../errors.ts';

export interface ArticleGroup {
  /** "14+52": the articles joined by '+', the form the API takes and gives. */
  id: string;
  articles: number[];
}

/** 14+52 from the reference; 5+6 (policies and the bodies that carry them out), 53+56+57 (direct recovery, special cooperation, return). */
export const DEFAULT_ARTICLE_GROUPS: readonly ArticleGroup[] = [
  { id: '14+52', articles: [14, 52] },
  { id: '5+6', articles: [5, 6] },
  { id: '53+56+57', articles: [53, 56, 57] },
];

/**
 * Reads groups written "14+52;5+6". Each group needs two articles or more, each article
 * one the convention has; an article may sit in several groups (each group is its own sum).
 * @throws DomainError request.invalid naming the bad group.
 */
export function parseArticleGroups(text: string, knownArticle: (n: number) => boolean): ArticleGroup[] {
  const groups: ArticleGroup[] = [];
  for (const raw of text.split(/[;,]/).map((g) => g.trim()).filter((g) => g !== '')) {
    const parts = raw.split('+').map((p) => p.trim());
    if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p))) {
      throw new DomainError('request.invalid', `"${raw}" is not a group of articles; write two article numbers or more joined by '+', such as 14+52.`);
    }
    const articles = [...new Set(parts.map(Number))].sort((a, b) => a - b);
    const unknown = articles.filter((a) => !knownArticle(a));
    if (unknown.length > 0) throw new DomainError('request.invalid', `The group ${raw} names article(s) the convention does not have: ${unknown.join(', ')}.`);
    groups.push({ id: articles.join('+'), articles });
  }
  return groups;
}
