/**
 * Solves the unknowns of the two reconstructed fixtures from their published ratios, with the
 * library's own engine, and says whether the figures committed in each `analysis.json` agree.
 *
 *   npx tsx scripts/solve-fixture-investment.ts          # print the solution
 *   npx tsx scripts/solve-fixture-investment.ts --check  # also exit 1 if a fixture disagrees
 *
 * changing-minds: one unknown, the investment. The SROI ratio is `PV / totalInputs` and PV does
 * not depend on the inputs, so `totalInputs = PV / 8.78` exactly; the whole-pound figure nearest
 * to it is used when its ratio still rounds (half-up, 2 decimals) to 8.78.
 *
 * connected-care-basildon: two unknowns, the cost and the QALYs gained. The category ratio of
 * `public-service savings` fixes the cost: `cost = PV(savings) / 4.44` (whole pounds when the
 * category ratio still rounds to 4.44). The overall ratio then fixes the QALYs:
 * `QALYs = (14.07 × cost − PV(savings)) / PV(one QALY)`, rounded to the fewest decimals (2 to 6)
 * at which the overall ratio still rounds to 14.07.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dec } from '../src/calc/_decimal.js';
import { calculateSroi } from '../src/index.js';
import { round } from '../src/report/round.js';
import type { AnalysisInput } from '../src/index.js';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
const check = process.argv.includes('--check');
let disagreements = 0;

function load(name: string): AnalysisInput {
  return JSON.parse(readFileSync(`${root}${name}/analysis.json`, 'utf8')) as AnalysisInput;
}

/** The analysis with its inputs replaced by one input of `value` in year 0. */
function withInvestment(analysis: AnalysisInput, value: string): AnalysisInput {
  const first = analysis.inputs?.[0];
  if (first === undefined) throw new Error(`${analysis.name}: no input to solve`);
  return { ...analysis, inputs: [{ ...first, value, year: 0 }] };
}

/** The analysis with the quantity of outcome `id` replaced. */
function withQuantity(analysis: AnalysisInput, id: string, quantity: string): AnalysisInput {
  return {
    ...analysis,
    outcomes: analysis.outcomes.map((o) => (o.id === id ? { ...o, quantity } : o)),
  };
}

function categoryPresentValue(analysis: AnalysisInput, category: string): Dec {
  const slice = calculateSroi(analysis).categories.find((c) => c.category === category);
  if (slice === undefined) throw new Error(`${analysis.name}: no category "${category}"`);
  return new Dec(slice.presentValue);
}

function report(fixture: string, label: string, solved: string, committed: unknown): void {
  const same = String(committed) === solved;
  if (!same) disagreements++;
  console.log(
    `  ${label}: ${solved}${same ? ' (matches analysis.json)' : ` — analysis.json has ${String(committed)}`}`,
  );
  if (!same && check) console.error(`${fixture}: ${label} in analysis.json is not the solution`);
}

// --- changing-minds -------------------------------------------------------------------------
{
  const name = 'changing-minds';
  const target = '8.78';
  const analysis = load(name);
  const presentValue = new Dec(calculateSroi(withInvestment(analysis, '1')).totalPresentValue);
  const exact = presentValue.div(target);
  const whole = exact.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const ratio = presentValue.div(whole);
  const chosen = round(ratio.toString(), 2) === target ? whole : exact;
  console.log(`${name}`);
  console.log(`  total present value: ${presentValue.toString()}`);
  console.log(`  totalInputs = PV / ${target} = ${exact.toString()}`);
  console.log(`  whole pounds ${whole.toString()} give a ratio of ${ratio.toString()}`);
  report(name, 'investment', chosen.toString(), analysis.inputs?.[0]?.value);
}

// --- connected-care-basildon ----------------------------------------------------------------
{
  const name = 'connected-care-basildon';
  const savingsTarget = '4.44';
  const overallTarget = '14.07';
  const savings = 'public-service savings';
  const qalyOutcome = 'qalys-gained';
  const analysis = load(name);
  const base = withInvestment(analysis, '1');
  const savingsValue = categoryPresentValue(base, savings);
  const perQaly = categoryPresentValue(withQuantity(base, qalyOutcome, '1'), 'quality of life');

  const exactCost = savingsValue.div(savingsTarget);
  const wholeCost = exactCost.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const cost =
    round(savingsValue.div(wholeCost).toString(), 2) === savingsTarget ? wholeCost : exactCost;
  const exactQalys = new Dec(overallTarget).times(cost).minus(savingsValue).div(perQaly);
  let qalys = exactQalys;
  for (let decimals = 2; decimals <= 6; decimals++) {
    const candidate = exactQalys.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
    const ratio = savingsValue.plus(candidate.times(perQaly)).div(cost);
    if (round(ratio.toString(), 2) === overallTarget) {
      qalys = candidate;
      break;
    }
  }
  const committedQalys = analysis.outcomes.find((o) => o.id === qalyOutcome)?.quantity;
  console.log(`${name}`);
  console.log(`  PV of ${savings}: ${savingsValue.toString()}`);
  console.log(`  PV of one QALY: ${perQaly.toString()}`);
  console.log(`  cost = PV(savings) / ${savingsTarget} = ${exactCost.toString()}`);
  console.log(`  QALYs = (${overallTarget} × cost − PV(savings)) / PV(one QALY) = ${exactQalys}`);
  report(name, 'cost', cost.toString(), analysis.inputs?.[0]?.value);
  report(name, 'QALYs', qalys.toString(), committedQalys);
}

if (check && disagreements > 0) process.exit(1);
