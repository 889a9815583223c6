/**
 * The Mechanism's finances (docs/FINANCES.md): the statement as at a date and its XLSX export
 * (every signed-in user; donors' own figures only for the secretariat and that donor), and the
 * secretariat's records. Thin: each handler validates and calls a use case.
 */
import { z } from 'zod';
import { CONTRIBUTION_KINDS, EARMARKINGS, EXPENDITURE_CATEGORIES } from '../../domain/finance/statement.ts';
import { financialStatementWorkbook } from '../documents/financial-statement-xlsx.ts';
import {
  buildStatement,
  changePostVacancy,
  getRecords,
  getStatement,
  recordContribution,
  recordExpenditure,
  recordPost,
  recordRate,
  recordReceipt,
  recordRequirement,
  setVisitCost,
  withdrawRecord,
} from '../use-cases/finance.ts';
import { isoDay } from '../use-cases/context.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const noStore = { 'cache-control': 'private, no-store' };

/** Amounts travel as decimal strings ("1250.50"), never as JSON numbers (floating point). */
const amount = z.string().max(40).describe('decimal amount in the currency, e.g. "1250.50"; no more decimals than the currency has');
/** Any three capital letters pass here; the use case answers an unknown ISO 4217 code with a clear 422. */
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code of three capital letters, e.g. USD');
const cycle = z.number().int().min(1).max(99);
const text = (max: number) => z.string().max(max);
const id = z.object({ id: z.uuid() });
const created = z.object({ id: z.string() });

const statementQuery = z.object({ asAt: isoDateSchema.optional(), months: z.coerce.number().int().min(1).max(120).optional() });
const donor = z.union([z.object({ kind: z.literal('party'), iso3: z.string() }), z.object({ kind: z.literal('other'), name: z.string() })]);
const statementView = z.object({
  asAt: z.string(),
  currency: z.string(),
  contributions: z.object({ pledged: z.string(), received: z.string(), inKind: z.string(), outstanding: z.string() }),
  byEarmarking: z.array(z.object({ earmarking: z.enum(EARMARKINGS), pledged: z.string(), received: z.string(), inKind: z.string() })),
  donors: z.array(z.object({ donor, name: z.string(), pledged: z.string(), received: z.string(), inKind: z.string(), outstanding: z.string() })),
  donorsAggregated: z.boolean(),
  contributionList: z.array(
    z.object({
      id: z.string(),
      donor,
      name: z.string(),
      kind: z.enum(CONTRIBUTION_KINDS),
      date: z.string(),
      currency: z.string(),
      amount: z.string(),
      earmarking: z.enum(EARMARKINGS),
      activity: z.string(),
      description: z.string(),
      received: z.string(),
      receipts: z.array(z.object({ date: z.string(), amount: z.string() })),
    }),
  ),
  spending: z.array(z.object({ cycle: z.number(), category: z.enum(EXPENDITURE_CATEGORIES), amount: z.string() })),
  spentByCycle: z.array(z.object({ cycle: z.number(), amount: z.string() })),
  spentTotal: z.string(),
  requirements: z.array(z.object({ cycle: z.number(), year: z.number(), amount: z.string() })),
  requirementsToDate: z.string(),
  fundingGap: z.string(),
  burnRate: z.object({ months: z.number(), from: z.string(), to: z.string(), spent: z.string(), perMonth: z.string() }),
  virtualVisits: z.object({ count: z.number(), perVisitCost: z.string().nullable(), savings: z.string().nullable() }),
  posts: z.object({ total: z.number(), regularBudget: z.number(), vacant: z.number() }),
  may: z.object({ manage: z.boolean() }),
});

const recordsView = z.object({
  contributions: z.array(z.object({ id: z.string(), donor, kind: z.enum(CONTRIBUTION_KINDS), date: z.string(), currency: z.string(), amount: z.string(), received: z.string(), earmarking: z.enum(EARMARKINGS) })),
  expenditures: z.array(z.object({ id: z.string(), cycle: z.number(), category: z.enum(EXPENDITURE_CATEGORIES), date: z.string(), currency: z.string(), amount: z.string(), description: z.string() })),
  requirements: z.array(z.object({ id: z.string(), cycle: z.number(), year: z.number(), currency: z.string(), amount: z.string(), description: z.string() })),
  posts: z.array(z.object({ id: z.string(), grade: z.string(), title: z.string(), regularBudget: z.boolean(), vacantFrom: z.string().nullable(), vacantTo: z.string().nullable() })),
  rates: z.array(z.object({ currency: z.string(), validFrom: z.string(), perUsd: z.string() })),
  visitCost: z.string().nullable(),
});

export function registerFinanceRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/finance/statement',
    {
      config: { action: 'finance.read' },
      schema: {
        tags: ['finance'],
        summary: 'The financial statement as at a date (default today) in USD: contributions, spending per cycle, requirements, funding gap, burn rate over `months` (default 12), virtual-visit savings; per-donor figures only for the secretariat and that donor',
        querystring: statementQuery,
        response: { 200: statementView, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return getStatement(contextOf(request, deps), request.query.asAt, request.query.months);
    },
  );

  app.get(
    '/api/finance/statement.xlsx',
    { config: { action: 'finance.read' }, schema: { tags: ['finance'], summary: 'The financial statement as an Excel workbook in the layout of the financial report', querystring: statementQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const asAt = request.query.asAt ?? isoDay(ctx.now);
      const { view } = await buildStatement(ctx, asAt, request.query.months ?? 12);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="financial-statement-${asAt}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(await financialStatementWorkbook(view));
    },
  );

  app.get(
    '/api/finance/records',
    { config: { action: 'finance.manage' }, schema: { tags: ['finance'], summary: 'Every finance record, the rates and the per-visit cost (secretariat)', response: { 200: recordsView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getRecords(contextOf(request, deps));
    },
  );

  app.post(
    '/api/finance/contributions',
    {
      config: { action: 'finance.manage' },
      schema: {
        tags: ['finance'],
        summary: 'Records a voluntary contribution: a cash pledge (with `received: true`, received in full on its date) or an in-kind contribution with its value',
        body: z.object({
          donor: z.object({ iso3: z.string().max(3).optional(), name: text(200).optional() }),
          kind: z.enum(CONTRIBUTION_KINDS),
          date: isoDateSchema,
          currency,
          amount,
          earmarking: z.enum(EARMARKINGS),
          activity: text(500).optional(),
          description: text(2000).optional(),
          received: z.boolean().optional(),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordContribution(contextOf(request, deps), request.body)),
  );

  app.post(
    '/api/finance/contributions/:id/receipts',
    {
      config: { action: 'finance.manage' },
      schema: { tags: ['finance'], summary: 'Records money received against a pledge (in its currency; never beyond the pledge)', params: id, body: z.object({ date: isoDateSchema, amount }), response: { 201: created, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await recordReceipt(contextOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/api/finance/expenditures',
    {
      config: { action: 'finance.manage' },
      schema: {
        tags: ['finance'],
        summary: 'Records an expenditure of a cycle',
        body: z.object({ cycle, category: z.enum(EXPENDITURE_CATEGORIES), date: isoDateSchema, currency, amount, description: text(2000).optional() }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordExpenditure(contextOf(request, deps), request.body)),
  );

  app.post(
    '/api/finance/requirements',
    {
      config: { action: 'finance.manage' },
      schema: {
        tags: ['finance'],
        summary: 'Records the estimated resource requirement of one year of a cycle',
        body: z.object({ cycle, year: z.number().int().min(2000).max(2100), currency, amount, description: text(2000).optional() }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordRequirement(contextOf(request, deps), request.body)),
  );

  for (const [kind, path] of [
    ['contribution', 'contributions'],
    ['expenditure', 'expenditures'],
    ['requirement', 'requirements'],
  ] as const) {
    app.post(
      `/api/finance/${path}/:id/withdraw`,
      {
        config: { action: 'finance.manage' },
        schema: {
          tags: ['finance'],
          summary: `Withdraws a ${kind} entered in error, with the reason; it stays on record but leaves every statement`,
          params: id,
          body: z.object({ reason: text(2000) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await withdrawRecord(contextOf(request, deps), kind, request.params.id, request.body.reason);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/finance/posts',
    {
      config: { action: 'finance.manage' },
      schema: {
        tags: ['finance'],
        summary: 'Records a post (grade, title, funded by the regular budget or not) and its vacancy',
        body: z.object({ grade: text(20).min(1), title: text(200).min(1), regularBudget: z.boolean(), vacantFrom: isoDateSchema.nullable(), vacantTo: isoDateSchema.nullable() }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordPost(contextOf(request, deps), request.body)),
  );

  app.put(
    '/api/finance/posts/:id/vacancy',
    {
      config: { action: 'finance.manage' },
      schema: { tags: ['finance'], summary: 'Sets when a post is vacant (from, to; null when filled)', params: id, body: z.object({ vacantFrom: isoDateSchema.nullable(), vacantTo: isoDateSchema.nullable() }), response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await changePostVacancy(contextOf(request, deps), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/finance/rates',
    {
      config: { action: 'finance.manage' },
      schema: {
        tags: ['finance'],
        summary: 'Records the units of a currency for one US dollar valid from a date (replaces a rate of the same currency and day)',
        body: z.object({ currency, validFrom: isoDateSchema, perUsd: z.string().max(30) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await recordRate(contextOf(request, deps), request.body);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/finance/settings',
    {
      config: { action: 'finance.manage' },
      schema: { tags: ['finance'], summary: 'The estimated cost of one in-person country visit in USD (for the savings of virtual visits); null to unset', body: z.object({ visitCost: amount.nullable() }), response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await setVisitCost(contextOf(request, deps), request.body.visitCost);
      return reply.code(204).send(null);
    },
  );
}
