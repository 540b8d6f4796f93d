/**
 * Seeded synthetic analyses for the benchmarks: the same seed gives the same analysis on every
 * machine, so figures from different runs measure the same work.
 */
import type { AnalysisInput } from '../src/schema/analysisSchema.js';

/** A small, fast, seeded generator (mulberry32) for building inputs; not used by the library. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly outcomes: number;
  readonly years: number;
  readonly seed?: number;
  readonly schedule?: 'green-book' | 'flat';
}

/** An analysis with `outcomes` outcomes valued for `years` years each, with drop-off. */
export function syntheticAnalysis(options: SyntheticOptions): AnalysisInput {
  const random = seeded(options.seed ?? 42);
  const pick = (max: number, places: number) => (random() * max).toFixed(places);
  const stakeholders = ['participants', 'families', 'nhs', 'council', 'employers'];
  return {
    name: `synthetic ${options.outcomes} × ${options.years}`,
    discount: options.schedule === 'flat' ? { rate: '3.5%' } : { schedule: 'green-book' },
    stakeholders: stakeholders.map((id) => ({ id, name: id })),
    inputs: [
      { description: 'Grant', value: String(1000 * options.outcomes), year: 0 },
      { description: 'Year 1 funding', value: String(200 * options.outcomes), year: 1 },
    ],
    outcomes: Array.from({ length: options.outcomes }, (_, i) => ({
      id: `o${i + 1}`,
      stakeholder: stakeholders[i % stakeholders.length] ?? 'participants',
      outcome: `Outcome ${i + 1}`,
      category: i % 3 === 0 ? 'fiscal' : 'social',
      quantity: pick(200, 0),
      proxy: { value: pick(5000, 2) },
      duration: options.years,
      deadweight: pick(0.4, 3),
      displacement: pick(0.1, 3),
      attribution: pick(0.3, 3),
      leakage: pick(0.05, 3),
      dropOff: pick(0.3, 3),
    })),
  };
}
