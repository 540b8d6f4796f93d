import { Dec, str, sum } from '../calc/_decimal.js';
import { discountFactors } from '../calc/discountFactors.js';
import { rateOf } from '../calc/discountRate.js';
import {
  analysisArgument,
  booleanArgument,
  optionsArgument,
  resultArgument,
} from '../model/_arguments.js';
import { planSheet } from './_planSheet.js';
import type { PlanFigures, PlanGroup, PlanInput, PlanOutcome, ValueMapPlan } from './_planSheet.js';
import type { ValueMapColumnKey, ValueMapTitleKey } from './valueMapLayout.js';
import { valueMapKinds } from './valueMapLayout.js';
import { writeXlsx } from './_writeXlsx.js';
import type { XlsxValue } from './_writeXlsx.js';
import type { Analysis, Discount, Input } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** Options of `writeValueMap`. */
export interface WriteValueMapOptions {
  /**
   * Write each formula's result as sroi computed it (the default), so that the file shows its
   * figures and reads back (`readWorkbook`) before any spreadsheet has opened it. With `false`
   * the formulas are written alone and the spreadsheet computes every figure on opening.
   */
  readonly cachedValues?: boolean;
}

/**
 * An analysis and its result as a Value Map workbook (.xlsx bytes): title rows (name,
 * organisation, period, forecast or evaluation, currency, price base, discount rate and timing,
 * horizon), the stage row, the template's titles with the questions under them, one row per
 * outcome with its sources, the inputs beside their stakeholder's outcomes, a Total row and the
 * results block — with live formulas for the rebased proxy, impact, each year's value (drop-off,
 * start year, a fractional last year), the discount factors, the present values, total inputs,
 * NPV and the ratio, so that Excel or LibreOffice recalculating the file gives sroi's figures.
 * Every formula is given in docs/value-map.md.
 *
 * @example
 * const analysis = parseAnalysis({ name: 'Example', inputs: [{ description: 'Grant', value: '1000' }],
 *   outcomes: [{ stakeholder: 'Residents', outcome: 'Warmer homes', quantity: '10',
 *                proxy: { value: '250' }, duration: 1 }] });
 * const bytes = writeValueMap(analysis, evaluateAnalysis(analysis));
 * String.fromCharCode(bytes[0], bytes[1]); // a zip archive, as every .xlsx file is
 * //=> 'PK'
 */
export function writeValueMap(
  analysis: Analysis,
  result: SroiResult,
  options: WriteValueMapOptions = {},
): Uint8Array {
  const fn = 'writeValueMap';
  analysisArgument(fn, analysis);
  resultArgument(fn, result);
  const given = optionsArgument(fn, options);
  const cached = booleanArgument(fn, 'options.cachedValues', given.cachedValues ?? true);
  return writeXlsx([planSheet(valueMapPlan(analysis, result, cached))]);
}

function valueMapPlan(analysis: Analysis, result: SroiResult, cached: boolean): ValueMapPlan {
  const horizon = result.method.horizon;
  let years = horizon;
  for (const input of analysis.inputs) years = Math.max(years, input.year);
  years = Math.max(years, 1);
  const rates = Array.from({ length: years }, (_, i) => rateOf(analysis.discount, i + 1));
  const flatRate = 'rate' in analysis.discount ? analysis.discount.rate : undefined;

  const names = new Map(analysis.stakeholders.map((s) => [s.id, s.name]));
  const sizes = new Map(analysis.stakeholders.map((s) => [s.id, s.size]));
  const shown = (stakeholder: string | undefined) =>
    stakeholder === undefined ? '' : (names.get(stakeholder) ?? stakeholder);

  const outcomes: PlanOutcome[] = analysis.outcomes.map((o, i) => {
    const figures = result.outcomes[i];
    const byYear = new Map(figures?.years.map((y) => [y.year, y.value]));
    const stated = new Dec(o.proxy.value);
    return {
      id: o.id,
      outcome: o.outcome,
      ...(o.output === undefined ? {} : { output: o.output }),
      ...(o.indicator === undefined ? {} : { indicator: o.indicator }),
      ...(o.category === undefined ? {} : { category: o.category }),
      quantity: o.quantity,
      ...(o.quantityByYear === undefined ? {} : { quantityByYear: o.quantityByYear }),
      duration: o.duration,
      start: o.start,
      ...(o.proxy.description === undefined ? {} : { proxyDescription: o.proxy.description }),
      proxyValue: o.proxy.value,
      ...(o.proxy.source === undefined ? {} : { proxySource: o.proxy.source }),
      ...(o.proxy.priceYear === undefined ? {} : { proxyPriceYear: String(o.proxy.priceYear) }),
      ...(figures === undefined || stated.isZero()
        ? {}
        : { deflatorRatio: str(new Dec(figures.proxyValue).div(stated)) }),
      deadweight: o.deadweight,
      displacement: o.displacement,
      attribution: o.attribution,
      leakage: o.leakage,
      dropOff: o.dropOff,
      evidence: o.evidence ?? {},
      ...(figures === undefined
        ? {}
        : {
            figures: {
              proxyValue: figures.proxyValue,
              impact: figures.impact,
              years: Array.from({ length: years }, (_, t) => byYear.get(t + 1) ?? '0'),
              presentValue: figures.presentValue,
            },
          }),
    };
  });

  // Runs of consecutive outcomes of one stakeholder; each input joins its stakeholder's first run.
  const groups: {
    stakeholder: string;
    key: string;
    outcomes: PlanOutcome[];
    inputs: PlanInput[];
  }[] = [];
  analysis.outcomes.forEach((o, i) => {
    const last = groups[groups.length - 1];
    const outcome = outcomes[i];
    if (outcome === undefined) return;
    if (last !== undefined && last.key === o.stakeholder) last.outcomes.push(outcome);
    else
      groups.push({
        stakeholder: shown(o.stakeholder),
        key: o.stakeholder,
        outcomes: [outcome],
        inputs: [],
      });
  });
  // each stakeholder's first run, by id and by name as written
  const firstRun = new Map<string, (typeof groups)[number]>();
  for (const g of groups) {
    if (!firstRun.has(g.key)) firstRun.set(g.key, g);
    const name = `name:${g.stakeholder.toLowerCase()}`;
    if (!firstRun.has(name)) firstRun.set(name, g);
  }
  const unattached: PlanInput[] = [];
  const inputOnly = new Map<string, PlanInput[]>();
  analysis.inputs.forEach((input, j) => {
    const planned = planInput(input, result.inputs[j]?.presentValue);
    const who = input.stakeholder;
    if (who === undefined || who.trim() === '') {
      unattached.push(planned);
      return;
    }
    const group = firstRun.get(who) ?? firstRun.get(`name:${shown(who).toLowerCase()}`);
    if (group !== undefined) group.inputs.push(planned);
    else {
      const list = inputOnly.get(who);
      if (list === undefined) inputOnly.set(who, [planned]);
      else list.push(planned);
    }
  });
  const planGroups: PlanGroup[] = [
    ...(unattached.length === 0 ? [] : [{ stakeholder: '', outcomes: [], inputs: unattached }]),
    ...groups.map((g) => withSize(g, sizes.get(g.key))),
    ...[...inputOnly].map(([who, inputs]) =>
      withSize({ stakeholder: shown(who), outcomes: [], inputs }, sizes.get(who)),
    ),
  ];

  const optional = new Set<ValueMapColumnKey>();
  const when = (key: ValueMapColumnKey, present: boolean) => {
    if (present) optional.add(key);
  };
  when(
    'stakeholderSize',
    planGroups.some((g) => g.size !== undefined),
  );
  when(
    'inputKind',
    analysis.inputs.some((i) => i.kind !== undefined),
  );
  when(
    'output',
    analysis.outcomes.some((o) => o.output !== undefined),
  );
  when(
    'quantityByYear',
    analysis.outcomes.some((o) => o.quantityByYear !== undefined),
  );
  when(
    'proxySource',
    analysis.outcomes.some((o) => o.proxy.source !== undefined),
  );
  when(
    'proxyPriceYear',
    analysis.outcomes.some((o) => o.proxy.priceYear !== undefined),
  );
  when('deflatorRatio', analysis.priceYear !== undefined);
  when('proxyRebased', analysis.priceYear !== undefined);
  when(
    'category',
    analysis.outcomes.some((o) => o.category !== undefined),
  );
  const evidence: [
    ValueMapColumnKey,
    keyof NonNullable<Analysis['outcomes'][number]['evidence']>,
  ][] = [
    ['quantitySource', 'quantity'],
    ['durationSource', 'duration'],
    ['deadweightSource', 'deadweight'],
    ['displacementSource', 'displacement'],
    ['attributionSource', 'attribution'],
    ['leakageSource', 'leakage'],
    ['dropOffSource', 'dropOff'],
  ];
  for (const [key, topic] of evidence) {
    when(
      key,
      analysis.outcomes.some((o) => o.evidence?.[topic] !== undefined),
    );
  }

  const titles: { key: ValueMapTitleKey; value: XlsxValue }[] = [];
  const title = (key: ValueMapTitleKey, value: string | XlsxValue | undefined) => {
    if (value !== undefined)
      titles.push({ key, value: typeof value === 'string' ? { text: value } : value });
  };
  title('name', analysis.name);
  title('organisation', analysis.organisation);
  title('period', analysis.period);
  title('kind', analysis.kind === undefined ? undefined : valueMapKinds[analysis.kind][0]);
  title('currency', analysis.currency);
  title('priceYear', analysis.priceYear === undefined ? undefined : String(analysis.priceYear));
  title(
    'discountRate',
    flatRate === undefined ? discountWords(analysis.discount) : { number: flatRate },
  );
  title('discountTiming', analysis.discount.timing);
  title('horizon', { number: String(horizon) });

  return {
    titles,
    ...(flatRate === undefined ? {} : { flatRate }),
    timing: analysis.discount.timing,
    rates,
    horizon,
    years,
    currency: analysis.currency,
    groups: planGroups,
    optional,
    ...(analysis.notStated === undefined ? {} : { notStated: new Set(analysis.notStated) }),
    ...(cached ? { figures: figuresOf(analysis, result, years, rates) } : {}),
  };
}

function planInput(input: Input, presentValue: string | undefined): PlanInput {
  return {
    description: input.description,
    value: input.value,
    year: input.year,
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(presentValue === undefined ? {} : { presentValue }),
  };
}

function withSize<T extends { stakeholder: string }>(
  group: T,
  size: number | undefined,
): T & { size?: number } {
  return size === undefined ? group : { ...group, size };
}

/** How a discount that is not one flat rate is described in its title row. */
function discountWords(discount: Discount): string {
  if ('schedule' in discount)
    return `Green Book schedule "${discount.schedule}": each year's rate is in the Discount rate row`;
  if ('rates' in discount)
    return 'a rate for each year, in the Discount rate row (the last continues)';
  return discount.rate;
}

/** sroi's figures for the results block. */
function figuresOf(
  analysis: Analysis,
  result: SroiResult,
  years: number,
  rates: readonly string[],
): PlanFigures {
  const endOfYear = discountFactors({ ...analysis.discount, timing: 'end' }, years);
  const factors = discountFactors(analysis.discount, years);
  const byYear = new Map(result.years.map((y) => [y.year, y]));
  return {
    years: Array.from({ length: years }, (_, i) => {
      const year = byYear.get(i + 1);
      return {
        rate: rates[i] ?? '0',
        endOfYearFactor: endOfYear[i + 1] ?? '1',
        discountFactor: factors[i + 1] ?? '1',
        value: year?.value ?? '0',
        presentValue: year?.presentValue ?? '0',
      };
    }),
    totalInputValue: str(sum(analysis.inputs.map((i) => new Dec(i.value)))),
    totalImpact: str(sum(result.outcomes.map((o) => new Dec(o.impact)))),
    totalOutcomePresentValue: str(sum(result.outcomes.map((o) => new Dec(o.presentValue)))),
    totalPresentValue: result.totalPresentValue,
    totalInputs: result.totalInputs,
    netPresentValue: result.netPresentValue,
    sroiRatio: result.sroiRatio,
    netSroiRatio: result.netSroiRatio,
  };
}
