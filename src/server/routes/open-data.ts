/**
 * Open data (docs/OPEN-DATA.md): the versioned public API of everything public — the data
 * sets in JSON and CSV, streamed; one ZIP of all of them with the data dictionary; stable links
 * to recommendations — and robots.txt and sitemap.xml. No account needed; the data are read as
 * the anonymous public whoever asks. Thin: the use cases read, open-data-stream writes.
 */
import { z } from 'zod';
import { DATASETS, OPEN_DATA_VERSION, type DatasetName } from '../../domain/open-data/datasets.ts';
import { robotsTxt, sitemapXml } from '../../domain/open-data/crawlers.ts';
import { bulkZip, csvStream, dictionaryDocument, jsonStream } from '../open-data-stream.ts';
import { openDataset, openRecommendation, sitemapEntries } from '../use-cases/open-data.ts';
import { contextOf, problemSchema, publicBaseUrl, type App, type RouteDeps } from './route-context.ts';

const PREFIX = `/api/open/v${OPEN_DATA_VERSION}`;
/** Open data change when a review moves or something is published; five minutes is fresh enough for a copy elsewhere. */
const CACHE = 'public, max-age=300';
const CSV = 'text/csv; charset=utf-8';

export function registerOpenDataRoutes(app: App, deps: RouteDeps): void {
  const versionHeader = { 'x-open-data-version': String(OPEN_DATA_VERSION), 'cache-control': CACHE };

  app.get(
    PREFIX,
    { config: { action: 'public.read' }, schema: { tags: ['open data'], summary: 'The open-data API: its version, data sets with their JSON and CSV addresses, the bulk download and the data dictionary' } },
    async (request, reply) => {
      const base = publicBaseUrl(request, deps);
      reply.headers(versionHeader);
      return {
        version: OPEN_DATA_VERSION,
        documentation: `${base}/api/docs`,
        dictionary: `${base}${PREFIX}/dictionary`,
        bulk: `${base}${PREFIX}/bulk.zip`,
        feeds: [`${base}/api/public/feed.atom`],
        datasets: DATASETS.map((d) => ({ name: d.name, title: d.title, description: d.description, key: d.key, json: `${base}${PREFIX}/${d.name}.json`, csv: `${base}${PREFIX}/${d.name}.csv` })),
      };
    },
  );

  app.get(
    `${PREFIX}/dictionary`,
    { config: { action: 'public.read' }, schema: { tags: ['open data'], summary: 'The data dictionary: every field of every data set with its type and meaning' } },
    async (_request, reply) => {
      reply.headers(versionHeader);
      return dictionaryDocument();
    },
  );

  for (const dataset of DATASETS) {
    const name: DatasetName = dataset.name;
    app.get(
      `${PREFIX}/${name}.json`,
      { config: { action: 'public.read' }, schema: { tags: ['open data'], summary: `${dataset.title} (JSON array, one object per row; fields in the dictionary)` } },
      async (request, reply) => reply.headers(versionHeader).type('application/json; charset=utf-8').send(jsonStream(openDataset(contextOf(request, deps), name, publicBaseUrl(request, deps)))),
    );
    app.get(
      `${PREFIX}/${name}.csv`,
      { config: { action: 'public.read' }, schema: { tags: ['open data'], summary: `${dataset.title} (CSV, UTF-8, header line)` } },
      async (request, reply) =>
        reply
          .headers(versionHeader)
          .type(CSV)
          .header('content-disposition', `attachment; filename="openirm-${name}.csv"`)
          .send(csvStream(name, openDataset(contextOf(request, deps), name, publicBaseUrl(request, deps)))),
    );
  }

  app.get(
    `${PREFIX}/bulk.zip`,
    { config: { action: 'public.read' }, schema: { tags: ['open data'], summary: 'Everything public in one ZIP: each data set as JSON and CSV, and the data dictionary (streamed)' } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const base = publicBaseUrl(request, deps);
      const day = ctx.now.toISOString().slice(0, 10);
      return reply
        .headers(versionHeader)
        .type('application/zip')
        .header('content-disposition', `attachment; filename="openirm-open-data-v${OPEN_DATA_VERSION}-${day}.zip"`)
        .send(bulkZip((name) => openDataset(ctx, name, base), ctx.now.toISOString()));
    },
  );

  app.get(
    `${PREFIX}/recommendations/:cycle/:iso3/:article/:sequence`,
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['open data'],
        summary: 'One published recommendation by its stable identifier cycle/ISO3/article/sequence (404 when not published)',
        params: z.object({ cycle: z.string().max(3), iso3: z.string().max(3), article: z.string().max(4), sequence: z.string().max(5) }),
        response: {
          200: z.object({ recommendation_id: z.string(), review_id: z.string(), cycle: z.number(), state_iso3: z.string(), article: z.number(), sequence: z.number(), language: z.string(), text: z.string(), url: z.string() }),
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { cycle, iso3, article, sequence } = request.params;
      reply.headers(versionHeader);
      const found = await openRecommendation(contextOf(request, deps), `${cycle}/${iso3.toUpperCase()}/${article}/${sequence}`, publicBaseUrl(request, deps));
      return found as { recommendation_id: string; review_id: string; cycle: number; state_iso3: string; article: number; sequence: number; language: string; text: string; url: string };
    },
  );

  app.get('/robots.txt', { config: { action: 'public.read' }, schema: { hide: true } }, async (request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(publicBaseUrl(request, deps))),
  );

  app.get('/sitemap.xml', { config: { action: 'public.read' }, schema: { hide: true } }, async (request, reply) => {
    const entries = await sitemapEntries(contextOf(request, deps));
    return reply.type('application/xml; charset=utf-8').header('cache-control', CACHE).send(sitemapXml(publicBaseUrl(request, deps), entries));
  });
}
