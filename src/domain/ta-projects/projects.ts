/**
 * @module ta-projects/projects
 * Technical-assistance offers and projects (docs/TA-PROJECTS.md): who provides them, the
 * steps they go through, which needs they serve and which recommendations those needs serve.
 * Needs live in two places (a finalised report's needs and needs recorded later), so they
 * share one key form, parsed here and nowhere else.
 */
import { DomainError } from '../errors.ts';

export const TA_STATUSES = ['offered', 'agreed', 'under-way', 'delivered'] as const;
export type TaStatus = (typeof TA_STATUSES)[number];

export const PROVIDER_KINDS = ['unodc', 'un-entity', 'bilateral-donor', 'regional-body', 'initiative', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export function isTaStatus(value: string): value is TaStatus {
  return (TA_STATUSES as readonly string[]).includes(value);
}

/**
 * A project moves forward one step at a time: an offer is agreed before work starts, and
 * work is under way before it is delivered. Nothing moves back; a mistake is corrected by
 * the secretariat in a new project, so the audit trail keeps what was said.
 */
export function checkTransition(from: TaStatus, to: TaStatus): void {
  const next = TA_STATUSES[TA_STATUSES.indexOf(from) + 1];
  if (to === next) return;
  if (from === 'delivered') throw new DomainError('ta.invalidState', 'The project is delivered: its status no longer changes.', { from, to });
  throw new DomainError('ta.invalidState', `A project that is ${from} can only become ${next} next, not ${to}.`, { from, to, next });
}

export type NeedKey = { source: 'report'; reviewId: string; article: number; sequence: number } | { source: 'recorded'; id: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REPORT_KEY = new RegExp(`^report/(${UUID})/(\\d{1,3})/(\\d{1,4})$`);
const RECORDED_KEY = new RegExp(`^recorded/(${UUID})$`);

/** `report/<reviewId>/<article>/<sequence>` or `recorded/<uuid>`; anything else is a clear error. */
export function parseNeedKey(text: string): NeedKey {
  const key = text.trim().toLowerCase();
  const report = REPORT_KEY.exec(key);
  if (report) return { source: 'report', reviewId: report[1]!, article: Number(report[2]), sequence: Number(report[3]) };
  const recorded = RECORDED_KEY.exec(key);
  if (recorded) return { source: 'recorded', id: recorded[1]! };
  throw new DomainError('ta.invalid', `'${text}' is not a need: write report/<review id>/<article>/<sequence> or recorded/<id>.`, { need: text });
}

export function formatNeedKey(key: NeedKey): string {
  return key.source === 'report' ? `report/${key.reviewId}/${key.article}/${key.sequence}` : `recorded/${key.id}`;
}

/** A need as the views read it, from either table. */
export interface Need {
  key: string;
  stateIso3: string;
  cycle: number;
  article: number;
  /** Stored type ids (ASSISTANCE_TYPES); a report's need has one, a recorded need one or more. */
  types: string[];
  text: string;
}

/** A project serves needs of one State, each once, and at least one. */
export function checkProjectNeeds(needs: readonly Pick<Need, 'key' | 'stateIso3'>[]): string {
  if (needs.length === 0) throw new DomainError('ta.invalid', 'Choose at least one need the project serves.');
  const keys = new Set(needs.map((n) => n.key));
  if (keys.size < needs.length) throw new DomainError('ta.invalid', 'A need is listed twice.');
  const states = [...new Set(needs.map((n) => n.stateIso3))].sort();
  if (states.length > 1) throw new DomainError('ta.invalid', `A project serves the needs of one State; these are needs of ${states.join(', ')}. Record one project per State.`, { states });
  return states[0]!;
}

/** A need serves recommendations made to the same State only. */
export function checkRecommendationLink(need: Pick<Need, 'key' | 'stateIso3'>, recommendation: { reference: string; stateIso3: string }): void {
  if (need.stateIso3 !== recommendation.stateIso3) {
    throw new DomainError('ta.invalid', `The need is ${need.stateIso3}'s but recommendation ${recommendation.reference} was made to ${recommendation.stateIso3}: a need can only serve recommendations to its own State.`, {
      need: need.key,
      recommendation: recommendation.reference,
    });
  }
}

export function checkProvider(kind: string, name: string): { kind: ProviderKind; name: string } {
  if (!(PROVIDER_KINDS as readonly string[]).includes(kind)) throw new DomainError('ta.invalid', `Unknown kind of provider '${kind}': one of ${PROVIDER_KINDS.join(', ')}.`);
  const trimmed = name.trim();
  if (trimmed === '') throw new DomainError('ta.invalid', 'Name the provider (e.g. UNODC, a ministry or an agency).');
  return { kind: kind as ProviderKind, name: trimmed };
}
