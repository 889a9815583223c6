/**
 * @module checklist
 * The self-assessment checklist: one answer per provision of the chapters under review.
 * Two formats, as the Mechanism used them (reference §8): 'structured' in the first cycle
 * (a compliance answer per provision, assistance needs ticked from a list) and 'free-text'
 * in the second (a narrative per provision, needs described in text).
 */
import { DomainError } from '../errors.ts';
import { toSafeRichText } from './rich-text.ts';

export type ChecklistFormat = 'structured' | 'free-text';
export const COMPLIANCE = ['yes', 'partially', 'no'] as const;
export type Compliance = (typeof COMPLIANCE)[number];

/**
 * Types of technical assistance: the first-cycle checkbox list and the categories of
 * second-cycle reports (reference §8, believed [U]); one list so needs can be counted.
 */
export const ASSISTANCE_TYPES = [
  'capacity-building',
  'legislative-assistance',
  'legal-advice',
  'model-legislation',
  'institution-building',
  'policymaking',
  'research-data',
  'international-cooperation',
  'on-site-expert',
  'action-plan',
  'good-practices',
  'other',
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** English names of the types, as the secretariat's documents print them. */
export const ASSISTANCE_TYPE_NAMES = {
  'capacity-building': 'Capacity-building',
  'legislative-assistance': 'Legislative assistance',
  'legal-advice': 'Legal advice',
  'model-legislation': 'Model legislation',
  'institution-building': 'Institution-building',
  policymaking: 'Policymaking',
  'research-data': 'Research and data collection',
  'international-cooperation': 'Facilitation of international cooperation',
  'on-site-expert': 'On-site assistance by an expert',
  'action-plan': 'Development of an action plan',
  'good-practices': 'Summary of good practices and lessons learned',
  other: 'Other assistance',
} as const satisfies Record<AssistanceType, string>;

/** Longest answer accepted, in characters of its stored HTML (a long answer, not a whole law). */
export const MAX_ANSWER_LENGTH = 50_000;

/** First cycle structured, later cycles free text, unless the mechanism says otherwise. */
export function checklistFormatOf(cycleNumber: number, formats: Record<string, ChecklistFormat> = {}): ChecklistFormat {
  return formats[String(cycleNumber)] ?? (cycleNumber === 1 ? 'structured' : 'free-text');
}

export interface AnswerInput {
  compliance?: Compliance | null;
  text: string;
  assistanceNeeds?: { types: string[]; text: string };
}

/**
 * Checks one answer against the checklist's format and provisions; returns it normalised.
 * @example checkAnswer('free-text', new Set(['5.1']), '5.1', { text: 'Our strategy…' })
 */
export function checkAnswer(format: ChecklistFormat, provisionIds: ReadonlySet<string>, provisionId: string, input: AnswerInput) {
  if (!provisionIds.has(provisionId)) {
    throw new DomainError('request.invalid', `Provision ${provisionId} is not in this review's checklist (its cycle covers other chapters).`);
  }
  const text = toSafeRichText(input.text);
  if (text.length > MAX_ANSWER_LENGTH) throw new DomainError('request.invalid', `An answer may hold at most ${MAX_ANSWER_LENGTH} characters.`);
  if (format === 'free-text' && input.compliance) {
    throw new DomainError('request.invalid', 'This cycle uses the free-text checklist: there is no yes / partially / no answer.');
  }
  const types = input.assistanceNeeds?.types ?? [];
  const unknown = types.filter((t) => !(ASSISTANCE_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) throw new DomainError('request.invalid', `Unknown type(s) of assistance: ${unknown.join(', ')}.`);
  return {
    compliance: format === 'structured' ? (input.compliance ?? null) : null,
    text,
    assistanceNeeds: { types: [...new Set(types)].sort(), text: input.assistanceNeeds?.text ?? '' },
  };
}

/** An answer counts once it says something: a compliance answer or some text. */
export function isAnswered(answer: { compliance: string | null; text: string } | undefined): boolean {
  return answer !== undefined && (answer.compliance !== null || answer.text.trim() !== '');
}
