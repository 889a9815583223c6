/**
 * @module crawlers
 * robots.txt and sitemap.xml (docs/OPEN-DATA.md): search engines are pointed at the public
 * pages and the public and open-data API, and kept away from the signed-in workspace (which
 * would only answer "sign in" to them anyway).
 */

/** Public pages that exist once, whatever the data. */
export const PUBLIC_STATIC_PAGES = ['/', '/schedule', '/parties', '/convention', '/draws', '/sessions'] as const;

/** Workspace areas: nothing public there. */
const PRIVATE_PREFIXES = ['/api/', '/reviews/', '/admin/', '/account', '/inbox', '/outbox', '/finance', '/sign-in', '/subscriptions/'];
const PUBLIC_API_PREFIXES = ['/api/public/', '/api/open/'];

export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    ...PUBLIC_API_PREFIXES.map((p) => `Allow: ${p}`),
    ...PRIVATE_PREFIXES.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

export interface SitemapEntry {
  /** Path on this site, starting with "/". */
  path: string;
  /** YYYY-MM-DD of the last change, when known. */
  lastModified?: string | null;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** The sitemaps.org 0.9 format; the protocol allows 50,000 addresses per file. */
export const SITEMAP_LIMIT = 50_000;

export function sitemapXml(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.slice(0, SITEMAP_LIMIT).map((e) => `  <url><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${escapeXml(e.lastModified)}</lastmod>` : ''}</url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}
