import { intlLocale, useFormatters } from '../../../lib/format.ts';

/** A decimal string ("1234.50") formatted in the interface language, exactly (Intl takes decimal strings, no float). */
export function useMoney() {
  const { language } = useFormatters();
  return (amount: string, currency = 'USD') =>
    new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, currencyDisplay: 'code' }).format(amount as `${number}`);
}
