/**
 * @module finance demo
 * A few fictitious finance records for the demo data set (docs/FINANCES.md): rates,
 * requirements, contributions (a pledge partly received, an unearmarked contribution from a
 * fictitious foundation, an in-kind contribution), expenditures, two posts and the per-visit
 * cost. Every figure is invented. Runs once: nothing is added when contributions exist.
 */
import { systemActor } from '../../domain/accounts/roles.ts';
import type { Db } from '../../db/client.ts';
import { countContributions } from '../../db/repositories/finance.ts';
import { DEMO_MARKERS } from './demo-markers.ts';
import { recordContribution, recordExpenditure, recordPost, recordRate, recordReceipt, recordRequirement, setVisitCost } from './finance.ts';

export async function seedDemoFinances(db: Db, now: Date): Promise<number> {
  if ((await countContributions(db)) > 0) return 0;
  const ctx = { db, actor: systemActor('demo-seed'), now };
  const y = now.getUTCFullYear();
  const d = (year: number, monthDay: string) => `${year}-${monthDay}`;
  for (const [currency, perUsd] of [['EUR', '0.92'], ['NOK', '10.5'], ['JPY', '145']] as const) await recordRate(ctx, { currency, validFrom: d(y - 2, '01-01'), perUsd });
  await recordRate(ctx, { currency: 'EUR', validFrom: d(y - 1, '07-01'), perUsd: '0.89' });
  for (const year of [y - 2, y - 1, y]) await recordRequirement(ctx, { cycle: 2, year, currency: 'USD', amount: '1850000.00', description: 'Fictitious estimate: country visits, translation, meetings, staff' });
  const norway = await recordContribution(ctx, { donor: { iso3: 'NOR' }, kind: 'cash', date: d(y - 2, '03-15'), currency: 'NOK', amount: '5000000', earmarking: 'cycle-2' });
  await recordReceipt(ctx, norway.id, { date: d(y - 2, '05-02'), amount: '3000000' });
  await recordReceipt(ctx, norway.id, { date: d(y - 1, '04-20'), amount: '1500000' });
  await recordContribution(ctx, { donor: { iso3: 'AUT' }, kind: 'cash', date: d(y - 1, '02-10'), currency: 'EUR', amount: '400000.00', earmarking: 'unearmarked', received: true });
  await recordContribution(ctx, { donor: { iso3: 'JPN' }, kind: 'cash', date: d(y - 1, '09-01'), currency: 'JPY', amount: '30000000', earmarking: 'activity', activity: `Training of governmental experts (fictitious) ${DEMO_MARKERS.donorRecord}` });
  await recordContribution(ctx, { donor: { name: 'Fictitious Integrity Foundation' }, kind: 'cash', date: d(y - 1, '11-05'), currency: 'USD', amount: '250000.00', earmarking: 'cycle-2', received: true });
  await recordContribution(ctx, { donor: { iso3: 'FRA' }, kind: 'in-kind', date: d(y - 1, '06-12'), currency: 'EUR', amount: '45000.00', earmarking: 'unearmarked', description: `Interpretation for two country visits (fictitious) ${DEMO_MARKERS.donorRecord}` });
  const spending = [
    ['travel-experts', d(y - 2, '06-30'), 'USD', '210400.00'],
    ['travel-secretariat', d(y - 2, '06-30'), 'USD', '98250.50'],
    ['translation', d(y - 2, '09-30'), 'EUR', '120000.00'],
    ['meetings', d(y - 1, '06-15'), 'USD', '64000.00'],
    ['staff', d(y - 1, '12-31'), 'USD', '690000.00'],
    ['training', d(y - 1, '10-10'), 'EUR', '35500.00'],
    ['travel-experts', d(y - 1, '08-31'), 'USD', '187300.00'],
    ['other', d(y - 1, '12-15'), 'USD', '12480.25'],
  ] as const;
  for (const [category, date, currency, amount] of spending) await recordExpenditure(ctx, { cycle: 2, category, date, currency, amount, description: `Fictitious demo expenditure ${DEMO_MARKERS.financeRecord}` });
  await recordPost(ctx, { grade: 'P-4', title: 'Crime Prevention and Criminal Justice Officer (fictitious)', regularBudget: true, vacantFrom: null, vacantTo: null });
  await recordPost(ctx, { grade: 'P-3', title: 'Associate Programme Officer (fictitious)', regularBudget: true, vacantFrom: d(y - 1, '03-01'), vacantTo: d(y - 1, '09-30') });
  await recordPost(ctx, { grade: 'G-5', title: 'Programme Assistant (fictitious)', regularBudget: false, vacantFrom: null, vacantTo: null });
  await setVisitCost(ctx, '28000.00');
  return 5;
}
