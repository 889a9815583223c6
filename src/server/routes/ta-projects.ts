/**
 * Technical assistance matched to funding (docs/TA-PROJECTS.md): views for every signed-in
 * user, the coordination workbook, and the secretariat's records. Thin: each handler
 * validates and calls a use case.
 */
import { z } from 'zod';
import { PROVIDER_KINDS, TA_STATUSES } from '../../domain/ta-projects/projects.ts';
import { allocateFunding, attributeExpenditure, changeStatus, createProject, linkRecommendation } from '../use-cases/ta-projects.ts';
import { getFundingSources, getPortfolios, getStateView, getUnmetNeeds, listProjects } from '../use-cases/ta-projects-views.ts';
import { coordinationWorkbook } from '../use-cases/ta-projects-xlsx.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const noStore = { 'cache-control': 'private, no-store' };
const money = z.array(z.object({ currency: z.string(), amount: z.string() }));
const needKey = z.string().max(120).describe('report/<review id>/<article>/<sequence> or recorded/<id>');
const id = z.object({ id: z.uuid() });
const cycleQuery = z.object({ cycle: z.coerce.number().int().min(1).max(99).optional() });
const need = z.object({ key: z.string(), stateIso3: z.string(), stateName: z.string(), region: z.string(), cycle: z.number(), article: z.number(), types: z.array(z.string()), text: z.string() });
const status = z.enum(TA_STATUSES);

const unmetView = z.object({
  cycle: z.number().nullable(),
  total: z.number(),
  byType: z.array(z.object({ type: z.string(), count: z.number() })),
  byRegion: z.array(z.object({ region: z.string(), count: z.number() })),
  needs: z.array(need),
});
const portfolioView = z.array(
  z.object({
    providerKind: z.enum(PROVIDER_KINDS),
    providerName: z.string(),
    projects: z.number(),
    byStatus: z.record(status, z.number()),
    states: z.array(z.string()),
    allocated: money,
    spent: money,
  }),
);
const projectsView = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      providerKind: z.enum(PROVIDER_KINDS),
      providerName: z.string(),
      stateIso3: z.string(),
      stateName: z.string(),
      status,
      description: z.string(),
      results: z.string(),
      needs: z.array(z.string()),
      allocated: money,
      spent: money,
      allocations: z.array(z.object({ id: z.string(), contributionId: z.string(), donor: z.string(), currency: z.string(), amount: z.string() })),
      allocationsHidden: z.number(),
    }),
  ),
  may: z.object({ manage: z.boolean() }),
});
const stateViewSchema = z.object({
  iso3: z.string(),
  name: z.string(),
  needs: z.array(z.object({ need, recommendations: z.array(z.string()), projects: z.array(z.object({ id: z.string(), title: z.string(), providerName: z.string(), status, results: z.string() })) })),
});
const fundingView = z.object({
  contributions: z.array(z.object({ id: z.string(), donor: z.string(), kind: z.string(), date: z.string(), currency: z.string(), amount: z.string(), allocated: z.string(), available: z.string() })),
  expenditures: z.array(z.object({ id: z.string(), cycle: z.number(), category: z.string(), date: z.string(), currency: z.string(), amount: z.string(), description: z.string(), projectId: z.string().nullable() })),
});

export function registerTaProjectRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/ta/unmet',
    { config: { action: 'ta.read' }, schema: { tags: ['ta'], summary: 'Technical-assistance needs no project serves yet, by type and regional group, with the list (optionally of one cycle)', querystring: cycleQuery, response: { 200: unmetView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getUnmetNeeds(contextOf(request, deps), request.query.cycle);
    },
  );

  app.get(
    '/api/ta/portfolios',
    { config: { action: 'ta.read' }, schema: { tags: ['ta'], summary: "Each provider's projects by status, the States served, allocated and spent per currency", response: { 200: portfolioView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getPortfolios(contextOf(request, deps));
    },
  );

  app.get(
    '/api/ta/projects',
    {
      config: { action: 'ta.read' },
      schema: {
        tags: ['ta'],
        summary: "Projects with their needs, status, results and funding totals; a donor's individual allocations only for the secretariat and that donor",
        querystring: z.object({ state: z.string().regex(/^[A-Za-z]{3}$/).optional() }),
        response: { 200: projectsView, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return listProjects(contextOf(request, deps), request.query.state?.toUpperCase());
    },
  );

  app.get(
    '/api/ta/states/:iso3',
    { config: { action: 'ta.read' }, schema: { tags: ['ta'], summary: "One State's needs, the recommendations each serves, and the projects serving it with status and results", params: z.object({ iso3: z.string().regex(/^[A-Za-z]{3}$/) }), response: { 200: stateViewSchema, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getStateView(contextOf(request, deps), request.params.iso3);
    },
  );

  app.get(
    '/api/ta/coordination.xlsx',
    { config: { action: 'ta.read' }, schema: { tags: ['ta'], summary: 'Workbook for donor coordination meetings: needs without a provider by type and region, portfolios, projects', querystring: cycleQuery } },
    async (request, reply) => {
      const body = await coordinationWorkbook(contextOf(request, deps), request.query.cycle);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ta-coordination${request.query.cycle === undefined ? '' : `-cycle-${request.query.cycle}`}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.get(
    '/api/ta/funding',
    { config: { action: 'ta.manage' }, schema: { tags: ['ta'], summary: 'Contributions with what is left to allocate and expenditures with their project (secretariat)', response: { 200: fundingView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getFundingSources(contextOf(request, deps));
    },
  );

  app.post(
    '/api/ta/projects',
    {
      config: { action: 'ta.manage' },
      schema: {
        tags: ['ta'],
        summary: 'Records an assistance offer or project serving needs of one State',
        body: z.object({
          title: z.string().max(300),
          providerKind: z.enum(PROVIDER_KINDS),
          providerName: z.string().max(200),
          status: status.optional(),
          description: z.string().max(5000).optional(),
          needs: z.array(needKey).max(200),
        }),
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createProject(contextOf(request, deps), request.body)),
  );

  app.put(
    '/api/ta/projects/:id/status',
    {
      config: { action: 'ta.manage' },
      schema: {
        tags: ['ta'],
        summary: 'Moves a project one step forward (offered → agreed → under way → delivered), optionally with its results',
        params: id,
        body: z.object({ status, results: z.string().max(5000).optional() }),
        response: { 200: z.object({ status, version: z.number() }), ...errors },
      },
    },
    async (request) => changeStatus(contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/ta/projects/:id/funding',
    {
      config: { action: 'ta.manage' },
      schema: {
        tags: ['ta'],
        summary: "Allocates an amount of a contribution (in its currency) to the project; never beyond the contribution's amount",
        params: id,
        body: z.object({ contributionId: z.uuid(), amount: z.string().max(40) }),
        response: { 201: z.object({ id: z.string(), available: z.string(), currency: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await allocateFunding(contextOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/api/ta/projects/:id/spending',
    { config: { action: 'ta.manage' }, schema: { tags: ['ta'], summary: 'Attributes an expenditure to the project (an expenditure counts for one project only)', params: id, body: z.object({ expenditureId: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await attributeExpenditure(contextOf(request, deps), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/ta/needs/recommendations',
    {
      config: { action: 'ta.manage' },
      schema: {
        tags: ['ta'],
        summary: 'Links a need to a recommendation to the same State, by its reference cycle/ISO3/article/sequence',
        body: z.object({ need: needKey, reference: z.string().max(60) }),
        response: { 200: z.object({ linked: z.boolean() }), ...errors },
      },
    },
    async (request) => linkRecommendation(contextOf(request, deps), request.body),
  );
}
