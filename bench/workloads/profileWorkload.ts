/**
 * Runs the library side of one workload a few times, and nothing else, for a CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/sroi-prof --import tsx bench/workloads/profileWorkload.ts W1
 *   npx tsx bench/workloads/summariseProfile.ts /tmp/sroi-prof/<file>.cpuprofile
 *
 * W1 calculateSroi (5,000 × 10), W1e evaluateAnalysis alone, W2 CSV → result (100,000 rows),
 * W3 switching values (1,000 × 5), W4 simulate (100,000 draws × 100 outcomes). Full sizes.
 */
import { outcomesCsv } from './outcomesCsv.js';
import { csvToResult } from './w2Csv.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import {
  benchAnalysis,
  benchUncertainty,
  workloadSimulate,
  workloadSwitchingValues,
} from '../sensitivity.js';
import { syntheticAnalysis } from '../synthetic.js';

const which = process.argv[2] ?? 'W1';
const runs = Number(process.argv[3] ?? 5);

function workload(): () => unknown {
  switch (which) {
    case 'W1': {
      const input = syntheticAnalysis({ outcomes: 5000, years: 10, schedule: 'green-book' });
      return () => calculateSroi(input);
    }
    case 'W1e': {
      const analysis = parseAnalysis(
        syntheticAnalysis({ outcomes: 5000, years: 10, schedule: 'green-book' }),
      );
      return () => evaluateAnalysis(analysis);
    }
    case 'W2': {
      const text = outcomesCsv(100_000);
      return () => csvToResult(text);
    }
    case 'W3': {
      const analysis = benchAnalysis(1000, 5);
      return () => workloadSwitchingValues(analysis);
    }
    case 'W4': {
      const analysis = benchAnalysis(100, 5);
      const uncertainty = benchUncertainty(analysis, 100_000);
      return () => workloadSimulate(analysis, uncertainty);
    }
    default:
      throw new Error(`unknown workload "${which}": expected W1, W1e, W2, W3 or W4`);
  }
}

const fn = workload();
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  fn();
  process.stdout.write(`${which} run ${i + 1}: ${(performance.now() - start).toFixed(0)} ms\n`);
}
