/**
 * @module money
 * Money as integer minor units (bigint) with an ISO 4217 currency; never floating point.
 * Conversion to the reporting currency (USD) uses a dated rate table: the rate valid on a
 * transaction's date is the latest one valid from that date or before. Rates are UN-style
 * operational rates: units of the currency for one US dollar. Every conversion rounds once,
 * to the reporting currency's minor unit, half to even (banker's rounding).
 */
import { DomainError } from '../errors.ts';

export const REPORTING_CURRENCY = 'USD';

/** ISO 4217 codes the platform accepts, with the number of digits of their minor unit. */
export const CURRENCY_DIGITS: Readonly<Record<string, number>> = {
  AED: 2, ARS: 2, AUD: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2, CZK: 2, DKK: 2, EGP: 2, EUR: 2, GBP: 2,
  HUF: 2, IDR: 2, ILS: 2, INR: 2, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KES: 2, KRW: 0, KWD: 3, LYD: 3, MAD: 2, MXN: 2, MYR: 2,
  NGN: 2, NOK: 2, NZD: 2, OMR: 3, PEN: 2, PHP: 2, PLN: 2, QAR: 2, RUB: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2,
  UGX: 0, USD: 2, VND: 0, XAF: 0, XOF: 0, ZAR: 2,
};
export const CURRENCIES = Object.keys(CURRENCY_DIGITS).sort();

export function isCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_DIGITS, code);
}

export function checkCurrency(code: string): void {
  if (!isCurrency(code)) throw new DomainError('finance.invalid', `Unknown currency '${code}': give an ISO 4217 code such as USD, EUR or CHF.`, { currency: code });
}

export function digitsOf(currency: string): number {
  checkCurrency(currency);
  return CURRENCY_DIGITS[currency]!;
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

/**
 * A decimal amount as typed ("1234.5", "1 234,50" is not accepted) to minor units of the
 * currency; more decimals than the currency has is an error, never a silent rounding.
 */
export function parseAmount(text: string, currency: string, { allowZero = false } = {}): bigint {
  const digits = digitsOf(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new DomainError('finance.invalid', `'${text}' is not an amount: write digits with an optional decimal point, e.g. 1250.50.`, { amount: text });
  const fraction = match[2] ?? '';
  if (fraction.length > digits) throw new DomainError('finance.invalid', `${currency} has ${digits} decimal digit${digits === 1 ? '' : 's'}; '${text}' has ${fraction.length}.`, { amount: text, currency });
  const minor = BigInt(match[1]!) * pow10(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor === 0n && !allowZero) throw new DomainError('finance.invalid', 'The amount must be more than zero.', { amount: text });
  return minor;
}

/** Minor units as a plain decimal string ("1234.50", "-3.07", "1200" for JPY). */
export function formatMinor(minor: bigint, currency: string): string {
  const digits = digitsOf(currency);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / pow10(digits);
  const fraction = abs % pow10(digits);
  const body = digits === 0 ? whole.toString() : `${whole}.${fraction.toString().padStart(digits, '0')}`;
  return negative ? `-${body}` : body;
}

/** numerator / denominator rounded to the nearest integer, ties to even. denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const r = n % denominator;
  const twice = r * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** A rate as an exact decimal: value = units / 10^scale. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export const RATE_MAX_DECIMALS = 10;

export function parseRate(text: string): Decimal {
  const match = /^(\d{1,12})(?:\.(\d{1,10}))?$/.exec(text.trim());
  if (!match) throw new DomainError('finance.invalid', `'${text}' is not a rate: units of the currency for one US dollar, e.g. 0.9234 (up to ${RATE_MAX_DECIMALS} decimals).`, { rate: text });
  const fraction = match[2] ?? '';
  const value = { units: BigInt(match[1]! + fraction), scale: fraction.length };
  if (value.units === 0n) throw new DomainError('finance.invalid', 'A rate must be more than zero.', { rate: text });
  return value;
}

export interface Rate {
  currency: string;
  /** First day the rate applies, YYYY-MM-DD. */
  validFrom: string;
  /** Units of the currency for one US dollar, as a decimal string. */
  perUsd: string;
}

/** The rate for a currency on a date: the latest valid from that date or before; undefined if none. */
export function rateOn(rates: readonly Rate[], currency: string, date: string): Rate | undefined {
  let best: Rate | undefined;
  for (const rate of rates) {
    if (rate.currency !== currency || rate.validFrom > date) continue;
    if (!best || rate.validFrom > best.validFrom) best = rate;
  }
  return best;
}

/**
 * An amount in minor units of `currency` on `date` in USD cents, rounded half to even.
 * USD needs no rate. No rate on or before the date is a clear error.
 */
export function toUsdMinor(minor: bigint, currency: string, date: string, rates: readonly Rate[]): bigint {
  if (currency === REPORTING_CURRENCY) return minor;
  const digits = digitsOf(currency);
  const rate = rateOn(rates, currency, date);
  if (!rate) {
    throw new DomainError('finance.noRate', `No rate for ${currency} valid on or before ${date}: record the US dollar rate of ${currency} from that date (Finances → Rates) first.`, { currency, date });
  }
  const { units, scale } = parseRate(rate.perUsd);
  // usd = amount / perUsd; in cents: minor / 10^digits * 10^2 / (units / 10^scale)
  const numerator = minor * pow10(CURRENCY_DIGITS[REPORTING_CURRENCY]!) * pow10(scale);
  const denominator = pow10(digits) * units;
  return divideHalfEven(numerator, denominator);
}
