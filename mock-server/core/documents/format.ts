/** Formatting shared by the mock portal's documents. */

/**
 * A `YYYY-MM-DD` day as the portal prints it, `MM/DD/YYYY`.
 *
 * @example
 * usDate('2020-08-01'); // '08/01/2020'
 */
export function usDate(day: string): string {
  return `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;
}

/**
 * Dollars with two decimals and thousands separators.
 *
 * @example
 * dollars(2046.2); // '$2,046.20'
 */
export function dollars(amount: number): string {
  const [whole, fraction] = amount.toFixed(2).split('.');
  return `$${(whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction ?? '00'}`;
}

/** A product type as words, e.g. `commercial_pos` → `Commercial POS`. */
export function productLabel(productType: string): string {
  const labels: Record<string, string> = {
    commercial_hmo: 'Commercial HMO',
    commercial_pos: 'Commercial POS',
    commercial_ppo: 'Commercial PPO',
    medicare_advantage: 'Medicare Advantage',
    medicaid_enhanced_care: 'Enhanced Care (Medicaid)',
    harp_enhanced_care_plus: 'Enhanced Care Plus (HARP)',
    child_health_plus: 'Child Health Plus',
    essential_plan: 'Essential Plan',
  };
  return labels[productType] ?? productType;
}
