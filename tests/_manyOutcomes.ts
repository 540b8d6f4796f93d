/**
 * The outcomes of the 150,000-outcome hostile case (`tests/hostile.test.ts`), any number of
 * them: quantities, proxies, durations and deductions that cycle with different periods, so that
 * few outcomes are alike.
 */
export function manyOutcomes(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `o${i + 1}`,
    stakeholder: 'Residents',
    outcome: `Outcome ${i + 1}`,
    quantity: String(1 + (i % 97)),
    proxy: { value: String(100 + (i % 1009)) },
    duration: 1 + (i % 5),
    deadweight: `${i % 40}%`,
    attribution: `${i % 30}%`,
    dropOff: `${i % 25}%`,
  }));
}
