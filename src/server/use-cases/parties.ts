/**
 * @module parties use cases
 */
import { DomainError } from '../../domain/errors.ts';
import { isPartyOn, validateAccession, type Accession } from '../../domain/parties/party.ts';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../domain/parties/regional-groups.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { findAccession, findPartyRow, listAccessions, listPartyRows, saveAccession, type PartyRow } from '../../db/repositories/parties.ts';
import { isoDay, type UseCaseContext } from './context.ts';

export interface PartyView {
  row: PartyRow;
  accession: Accession | undefined;
  isParty: boolean;
}

export async function listParties(ctx: UseCaseContext, asOf: string | undefined) {
  authorize(ctx.actor, 'parties.read');
  const date = asOf ?? isoDay(ctx.now);
  const rows = await listPartyRows(ctx.db);
  const accessionList = await listAccessions(ctx.db);
  const byIso = new Map(accessionList.map((a) => [a.partyIso3, a]));
  const views: PartyView[] = rows.map((row) => {
    const accession = byIso.get(row.iso3);
    return { row, accession, isParty: isPartyOn(accession, date) };
  });
  const byRegionalGroup = Object.fromEntries(REGIONAL_GROUPS.map((g) => [g, 0])) as Record<RegionalGroup, number>;
  for (const v of views) {
    if (v.isParty && v.row.regionalGroup) byRegionalGroup[v.row.regionalGroup as RegionalGroup] += 1;
  }
  return { asOf: date, parties: views, counts: { parties: views.filter((v) => v.isParty).length, byRegionalGroup } };
}

export async function recordAccession(ctx: UseCaseContext, iso3: string, effectiveOn: string): Promise<PartyView> {
  authorize(ctx.actor, 'parties.recordAccession');
  const code = iso3.toUpperCase();
  return ctx.db.transaction(async (tx) => {
    const row = await findPartyRow(tx, code);
    if (!row) throw new DomainError('party.unknown', `No State with the code ${code}.`);
    const existing = await findAccession(tx, code);
    validateAccession({ effectiveOn, existing, today: isoDay(ctx.now) });
    const accession: Accession = { partyIso3: code, effectiveOn, precision: 'day' };
    await saveAccession(tx, { ...accession, source: 'secretariat', recordedBy: actorLabel(ctx.actor) });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'parties.recordAccession',
      resourceType: 'party',
      resourceId: code,
      details: { effectiveOn, previous: existing ?? null },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return { row, accession, isParty: isPartyOn(accession, isoDay(ctx.now)) };
  });
}
