/**
 * Each check of `checkAnalysis` with a case that triggers it and one that does not.
 *
 * The clean analysis below, worked out by hand (discount 0, so present value is the sum of the
 * years): outcome "a" 10 × £100 × (1 − 0.2) = £800 in year 1 and £400 in year 2 (drop-off 50%),
 * PV £1,200; "b" 20 × £50 × (1 − 0.25) = £750; "c" 5 × £100 × (1 − 0.1) = £450. Total PV £2,400,
 * inputs £800, ratio 3. Shares: a 50% (exactly, not "more than" half), b 31.25%, c 18.75%.
 * Nothing is close to a switching value: every proxy would have to fall by two thirds
 * (×1/3), the grant to treble, and no single outcome's assumption can take £1,600 off.
 */
import { describe, expect, it } from 'vitest';
import { checkDefaults, checkAnalysis } from '../../src/review/checkAnalysis.js';
import { socialValuePrinciples } from '../../src/review/socialValuePrinciples.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import type { Analysis, Input, Outcome } from '../../src/model/analysis.js';
import type { CheckAnalysisOptions, FindingCode } from '../../src/review/checkAnalysis.js';
import type { Uncertainty } from '../../src/sensitivity/Uncertainty.js';

const clean: Analysis = parseAnalysis({
  name: 'Clean',
  discount: { rate: '0' },
  stakeholders: [
    { id: 'tenants', name: 'Tenants' },
    { id: 'council', name: 'Council' },
  ],
  inputs: [{ stakeholder: 'council', description: 'Grant', value: '800', kind: 'cash' }],
  outcomes: [
    {
      id: 'a',
      stakeholder: 'tenants',
      outcome: 'Warmer homes',
      indicator: 'Homes above 18°C',
      quantity: '10',
      proxy: { value: '100', source: 'Survey 2024', priceYear: 2024 },
      duration: 2,
      deadweight: '20%',
      dropOff: '50%',
    },
    {
      id: 'b',
      stakeholder: 'tenants',
      outcome: 'Lower bills',
      indicator: 'Bills paid on time',
      quantity: '20',
      proxy: { value: '50', source: 'Ofgem 2024', priceYear: 2024 },
      duration: 1,
      attribution: '25%',
    },
    {
      id: 'c',
      stakeholder: 'council',
      outcome: 'Fewer repairs',
      indicator: 'Repair visits',
      quantity: '5',
      proxy: { value: '100', source: 'Council cost book', priceYear: 2024 },
      duration: 1,
      displacement: '10%',
    },
  ],
});

/**
 * The analysis with one outcome changed (validated type, built directly); a field given as
 * `undefined` is removed.
 */
function withOutcome(
  id: string,
  change: { readonly [K in keyof Outcome]?: Outcome[K] | undefined },
  from: Analysis = clean,
): Analysis {
  const changed = (o: Outcome) =>
    Object.fromEntries(
      Object.entries({ ...o, ...change }).filter(([, value]) => value !== undefined),
    ) as unknown as Outcome;
  return { ...from, outcomes: from.outcomes.map((o) => (o.id === id ? changed(o) : o)) };
}

function codes(analysis: Analysis, options: CheckAnalysisOptions = {}): string[] {
  return checkAnalysis(analysis, options).findings.map(
    (f) => `${f.code}${f.outcome === undefined ? '' : ` ${f.outcome}`}`,
  );
}

function finding(analysis: Analysis, code: FindingCode, options: CheckAnalysisOptions = {}) {
  return checkAnalysis(analysis, options).findings.find((f) => f.code === code);
}

describe('checkAnalysis', () => {
  it('finds nothing to question in an analysis that answers every check', () => {
    expect(checkAnalysis(clean).findings).toEqual([]);
  });

  it('names one of the eight principles in every finding', () => {
    const { findings } = checkAnalysis({
      ...withOutcome('a', {
        indicator: undefined,
        proxy: { value: '100' },
        deadweight: '0',
        dropOff: '0',
        duration: 7,
      }),
      inputs: [],
    } as Analysis);
    expect(findings.length).toBeGreaterThan(4);
    for (const f of findings) expect(socialValuePrinciples).toContain(f.principle);
  });

  describe('a proxy without a source', () => {
    it('is questioned, blank or missing', () => {
      const missing = withOutcome('b', { proxy: { value: '50', priceYear: 2024 } });
      expect(codes(missing)).toEqual(['PROXY_WITHOUT_SOURCE b']);
      expect(finding(missing, 'PROXY_WITHOUT_SOURCE')).toEqual({
        code: 'PROXY_WITHOUT_SOURCE',
        severity: 'high',
        outcome: 'b',
        principle: 'Be transparent',
        message:
          'the financial proxy of “Lower bills” has no source: say where its value of 50 comes from',
      });
      const blank = withOutcome('b', { proxy: { value: '50', source: '  ', priceYear: 2024 } });
      expect(codes(blank)).toEqual(['PROXY_WITHOUT_SOURCE b']);
    });

    it('names the proxy by its description when it has one', () => {
      const described = withOutcome('b', {
        proxy: { value: '50', description: 'Average bill', priceYear: 2024 },
      });
      expect(finding(described, 'PROXY_WITHOUT_SOURCE')?.message).toBe(
        'the financial proxy of “Lower bills”, “Average bill”, has no source: say where its value of 50 comes from',
      );
    });
  });

  it('questions a proxy without a price year, and not one with', () => {
    const noYear = withOutcome('c', { proxy: { value: '100', source: 'Council cost book' } });
    expect(codes(noYear)).toEqual(['PROXY_WITHOUT_PRICE_YEAR c']);
    expect(finding(noYear, 'PROXY_WITHOUT_PRICE_YEAR')).toMatchObject({
      severity: 'medium',
      principle: 'Be transparent',
    });
    expect(
      codes(withOutcome('c', { proxy: { value: '100', source: 'x', priceYear: '2023-24' } })),
    ).toEqual([]);
  });

  it('questions an outcome without an indicator', () => {
    const none = withOutcome('a', { indicator: undefined });
    expect(codes(none)).toEqual(['OUTCOME_WITHOUT_INDICATOR a']);
    expect(finding(none, 'OUTCOME_WITHOUT_INDICATOR')).toMatchObject({
      severity: 'medium',
      principle: 'Understand what changes',
      message: '“Warmer homes” has no indicator: say how the change is measured',
    });
    expect(codes(withOutcome('a', { indicator: ' ' }))).toEqual(['OUTCOME_WITHOUT_INDICATOR a']);
  });

  it('questions an outcome with no deduction at all, and not one with any', () => {
    // c's only deduction is displacement 10%; without it all four are zero
    const none = withOutcome('c', { displacement: '0' });
    expect(codes(none)).toEqual(['NO_DEDUCTIONS c']);
    expect(finding(none, 'NO_DEDUCTIONS')).toMatchObject({
      severity: 'high',
      principle: 'Do not over-claim',
    });
    // leakage alone counts as a deduction considered
    expect(codes(withOutcome('c', { displacement: '0', leakage: '0.05' }))).toEqual([]);
  });

  describe('durations', () => {
    it('questions a duration over 5 years, not one of 5', () => {
      const long = codes(withOutcome('a', { duration: 6 }));
      expect(long).toContain('LONG_DURATION a');
      expect(codes(withOutcome('a', { duration: 5 }))).not.toContain('LONG_DURATION a');
      expect(finding(withOutcome('a', { duration: 6 }), 'LONG_DURATION')?.message).toBe(
        '“Warmer homes” is valued for 6 years, more than 5: give the evidence that the change lasts that long',
      );
    });

    it('takes its limit from the thresholds', () => {
      const options = { thresholds: { maxDuration: 1 } };
      expect(codes(clean, options)).toEqual(['LONG_DURATION a']);
    });

    it('questions more than one year without drop-off, not one year, nor a quantity profile', () => {
      // (a then holds 800 + 800 of 2,800, 57%: concentrated too)
      expect(codes(withOutcome('a', { dropOff: '0' }))).toEqual([
        'DURATION_WITHOUT_DROP_OFF a',
        'VALUE_CONCENTRATED a',
      ]);
      expect(
        finding(withOutcome('a', { dropOff: '0' }), 'DURATION_WITHOUT_DROP_OFF'),
      ).toMatchObject({
        severity: 'medium',
        principle: 'Do not over-claim',
        message:
          '“Warmer homes” lasts 2 years with no drop-off: the same value every year is rarely true; state the drop-off, or why there is none',
      });
      // b lasts one year with no drop-off
      expect(codes(clean)).not.toContain('DURATION_WITHOUT_DROP_OFF b');
      // a profile states each year's quantity, so drop-off does not apply
      const profile = withOutcome('a', { dropOff: '0', quantityByYear: ['10', '5'] });
      expect(codes(profile)).not.toContain('DURATION_WITHOUT_DROP_OFF a');
    });
  });

  describe('where the value lies', () => {
    it('questions one outcome holding more than half the value, stating its share', () => {
      // hand-computed: a = 12 × 100 × 0.8 = 960 + 480 = 1,440; total 1,440 + 750 + 450 = 2,640;
      // 1,440 / 2,640 = 54.54…%
      const concentrated = withOutcome('a', { quantity: '12' });
      expect(codes(concentrated)).toEqual(['VALUE_CONCENTRATED a']);
      expect(finding(concentrated, 'VALUE_CONCENTRATED')).toEqual({
        code: 'VALUE_CONCENTRATED',
        severity: 'medium',
        outcome: 'a',
        principle: 'Verify the result',
        message:
          '“Warmer homes” holds 54.5% of the present value, more than 50%: the claim rests on its evidence above all',
      });
      // the clean analysis: a holds exactly 1,200 / 2,400 = 50%, which is not more than half
      expect(codes(clean)).not.toContain('VALUE_CONCENTRATED a');
    });

    it('does not question the only outcome for holding all the value', () => {
      expect(codes({ ...clean, outcomes: clean.outcomes.slice(0, 1) })).not.toContain(
        'VALUE_CONCENTRATED a',
      );
    });

    it('questions outcomes below the materiality share, stating it', () => {
      // hand-computed: d = 1 × 10 × (1 − 0.2) = 8; total 2,408; 8 / 2,408 = 0.33…%
      const tiny: Outcome = {
        ...(clean.outcomes[0] as Outcome),
        id: 'd',
        outcome: 'Tidier gardens',
        quantity: '1',
        proxy: { value: '10', source: 'x', priceYear: 2024 },
        duration: 1,
      };
      const analysis = { ...clean, outcomes: [...clean.outcomes, tiny] };
      expect(codes(analysis)).toEqual(['OUTCOME_NOT_MATERIAL d']);
      expect(finding(analysis, 'OUTCOME_NOT_MATERIAL')).toMatchObject({
        severity: 'low',
        principle: 'Only include what is material',
        message:
          '“Tidier gardens” holds 0.3% of the present value, less than the materiality threshold of 1%: say why it is included, or leave it out',
      });
      // 0.33…% is not below a threshold of 0.3%
      expect(codes(analysis, { thresholds: { materiality: '0.003' } })).toEqual([]);
    });

    it('says nothing of shares when the total present value is not positive', () => {
      const negative = withOutcome('a', {
        proxy: { value: '-1000', source: 'x', priceYear: 2024 },
      });
      const found = codes(negative);
      expect(found.filter((c) => c.startsWith('VALUE_') || c.startsWith('OUTCOME_NOT'))).toEqual(
        [],
      );
    });
  });

  describe('volunteers and inputs in kind', () => {
    const volunteers = {
      ...clean,
      stakeholders: [...clean.stakeholders, { id: 'vols', name: 'Volunteers' }],
    };
    const inKind = (kind: string, value = '300'): Input => ({
      stakeholder: 'vols',
      description: 'Time given',
      value,
      kind,
      year: 0,
    });

    it('questions volunteers among the stakeholders with no input in kind', () => {
      expect(codes(volunteers)).toEqual(['VOLUNTEERS_WITHOUT_IN_KIND_INPUT']);
      expect(finding(volunteers, 'VOLUNTEERS_WITHOUT_IN_KIND_INPUT')).toMatchObject({
        severity: 'medium',
        principle: 'Do not over-claim',
      });
    });

    it('finds volunteers by stakeholder id, outcome stakeholder, or an input', () => {
      const byId = {
        ...clean,
        stakeholders: [...clean.stakeholders, { id: 'volunteer-team', name: 'Team' }],
      };
      expect(codes(byId)).toEqual(['VOLUNTEERS_WITHOUT_IN_KIND_INPUT']);
      const byOutcome = withOutcome('b', { stakeholder: 'Volunteers' });
      expect(codes(byOutcome)).toEqual(['VOLUNTEERS_WITHOUT_IN_KIND_INPUT']);
      const byInput = {
        ...clean,
        inputs: [
          ...clean.inputs,
          { description: 'Volunteer expenses', value: '50', kind: 'cash', year: 0 },
        ],
      };
      expect(codes(byInput)).toEqual(['VOLUNTEERS_WITHOUT_IN_KIND_INPUT']);
    });

    it.each(['in-kind', 'In Kind', 'inkind', 'volunteer time'])(
      'accepts an input of kind %j as their time',
      (kind) => {
        expect(codes({ ...volunteers, inputs: [...clean.inputs, inKind(kind)] })).toEqual([]);
      },
    );

    it('does not count an input in kind of no value', () => {
      expect(codes({ ...volunteers, inputs: [...clean.inputs, inKind('in-kind', '0')] })).toEqual([
        'VOLUNTEERS_WITHOUT_IN_KIND_INPUT',
      ]);
    });
  });

  it('questions an analysis with no inputs, and tests no switching value then', () => {
    expect(codes({ ...clean, inputs: [] })).toEqual(['NO_INPUTS']);
    expect(finding({ ...clean, inputs: [] }, 'NO_INPUTS')).toMatchObject({
      severity: 'high',
      principle: 'Do not over-claim',
    });
  });

  describe('a switching value within a small move of its base', () => {
    // hand-computed: inputs 2,300 against PV 2,400 give a ratio of 1.0434…; the ratio is 1
    // when every proxy is × 2,300 / 2,400 = 0.958333… (4.17% lower, within 10%) or the grant
    // is 2,400 (+4.35%); deadweight of a: 1,500 (1 − d) + 1,200 = 2,300 → d = 0.2667 (+6.67
    // points); attribution of b: 1,000 (1 − t) + 1,650 = 2,300 → t = 0.35 (+10 points: one
    // small move exactly, which counts as within it).
    const close = { ...clean, inputs: [{ ...(clean.inputs[0] as Input), value: '2300' }] };

    it('is questioned for each assumption the conclusion rests on', () => {
      const found = checkAnalysis(close).findings.filter((f) => f.code === 'SWITCHING_VALUE_CLOSE');
      const messages = found.map((f) => f.message);
      expect(messages).toContain(
        'the SROI ratio reaches 1 : 1 if every financial proxy, scaled together, moves from ×1 to ×0.9583, within one small move (10% of its value): the conclusion rests on it',
      );
      expect(messages).toContain(
        'the SROI ratio reaches 1 : 1 if the input “Grant” moves from 2300 to 2400, within one small move (10% of its value): the conclusion rests on it',
      );
      expect(messages).toContain(
        'the SROI ratio reaches 1 : 1 if deadweight of “Warmer homes” moves from 20% to 26.7%, within one small move (10 points): the conclusion rests on it',
      );
      expect(messages).toContain(
        'the SROI ratio reaches 1 : 1 if attribution of “Lower bills” moves from 25% to 35%, within one small move (10 points): the conclusion rests on it',
      );
      expect(found.find((f) => f.message.includes('deadweight of'))).toMatchObject({
        outcome: 'a',
        severity: 'high',
        principle: 'Do not over-claim',
      });
    });

    it('takes the small move from the thresholds', () => {
      // with a small move of 5 points, attribution's 10 points are no longer within it
      const found = checkAnalysis(close, {
        thresholds: { smallMove: { relative: '0.1', points: '0.05', years: '1' } },
      }).findings.map((f) => f.message);
      expect(found.some((m) => m.includes('attribution of “Lower bills”'))).toBe(false);
      expect(found.some((m) => m.includes('deadweight of “Warmer homes”'))).toBe(false);
      expect(found.some((m) => m.includes('the input “Grant”'))).toBe(true);
    });
  });

  describe('the probability of a ratio of at least 1', () => {
    // hand-computed: with inputs 2,300 the ratio is at least 1 when PV ≥ 2,300; a's PV is 12 ×
    // its proxy (10 × 0.8 + 10 × 0.8 × 0.5 = 12 units), so when a's proxy ≥ 1,100 / 12 = 91.67.
    const close = { ...clean, inputs: [{ ...(clean.inputs[0] as Input), value: '2300' }] };
    const uniform = (min: string, max: string): Uncertainty => ({
      seed: 7,
      draws: 2000,
      bins: 10,
      parameters: [{ parameter: 'proxy', outcome: 'a', distribution: 'uniform', min, max }],
    });

    it('is questioned when low, at medium severity above one half', () => {
      // P(proxy ≥ 91.67) for proxy uniform on 50–150 = 58.3%
      const uncertainty = uniform('50', '150');
      const found = finding(close, 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE', { uncertainty });
      expect(found).toMatchObject({ severity: 'medium', principle: 'Do not over-claim' });
      // the figure is the simulation's own, run with the section's seed
      const p = Number(simulate(close, uncertainty).probabilityRatioAtLeastOne);
      expect(p).toBeGreaterThan(0.55);
      expect(p).toBeLessThan(0.62);
      expect(found?.message).toBe(
        `in 2000 draws (seed 7) the SROI ratio was at least 1 : 1 in ${(Math.round(p * 1000) / 10).toString()}% of them, less than 90%: say how likely the claim is`,
      );
    });

    it('is high severity below one half', () => {
      // P(proxy ≥ 91.67) for proxy uniform on 50–100 = 16.7%
      expect(
        finding(close, 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE', { uncertainty: uniform('50', '100') })
          ?.severity,
      ).toBe('high');
    });

    it('is not questioned when every draw reaches 1, nor without an uncertainty section', () => {
      // proxy ≥ 95 > 91.67 in every draw
      expect(
        finding(close, 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE', { uncertainty: uniform('95', '150') }),
      ).toBeUndefined();
      expect(finding(close, 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE')).toBeUndefined();
    });
  });

  describe("the sheet's own figures", () => {
    it('are questioned when they differ from sroi’s by more than the tolerance', () => {
      const sheetComparisons = [
        { figure: 'SROI ratio', cell: 'Value Map!P40', sheet: '3.05', sroi: '3' },
        { figure: 'present value', outcome: 'b', sheet: '750.004', sroi: '750' },
      ];
      const found = checkAnalysis(clean, { sheetComparisons }).findings;
      expect(found).toEqual([
        {
          code: 'SHEET_FIGURES_DISAGREE',
          severity: 'high',
          principle: 'Verify the result',
          message:
            "the sheet's own SROI ratio (Value Map!P40) is 3.05 but sroi calculates 3, a difference of 0.05: find which formula or figure differs",
        },
      ]);
    });

    it('take a tolerance of their own', () => {
      const sheetComparisons = [
        { figure: 'present value', outcome: 'b', sheet: '751', sroi: '750', tolerance: '1' },
        { figure: 'impact', outcome: 'c', sheet: '451', sroi: '450', tolerance: '0.5' },
      ];
      expect(codes(clean, { sheetComparisons })).toEqual(['SHEET_FIGURES_DISAGREE c']);
    });
  });

  it('orders findings by severity, then by check and outcome row', () => {
    const analysis = withOutcome('b', {
      indicator: undefined,
      proxy: { value: '50', priceYear: 2024 },
    });
    const mixed = withOutcome('a', { indicator: undefined, proxy: { value: '100' } }, analysis);
    expect(codes(mixed)).toEqual([
      'PROXY_WITHOUT_SOURCE a',
      'PROXY_WITHOUT_SOURCE b',
      'PROXY_WITHOUT_PRICE_YEAR a',
      'OUTCOME_WITHOUT_INDICATOR a',
      'OUTCOME_WITHOUT_INDICATOR b',
    ]);
  });

  it.each([
    [{ materiality: '2' }, 'thresholds.materiality must be a share from 0 to 1, got "2"'],
    [
      { concentration: 'half' },
      'thresholds.concentration must be a decimal string such as "1234.5", got "half"',
    ],
    [
      { maxDuration: -1 },
      'thresholds.maxDuration must be a number of years from 0 to 1000, got the number -1',
    ],
    [{ switchingTarget: '0' }, 'thresholds.switchingTarget must be a ratio above 0, got "0"'],
  ])('rejects the thresholds %j', (thresholds, message) => {
    expect(() => checkAnalysis(clean, { thresholds })).toThrow(message);
  });

  it('states its default thresholds', () => {
    expect(checkDefaults).toMatchObject({
      maxDuration: 5,
      maxDurationWithoutDropOff: 1,
      concentration: '0.5',
      materiality: '0.01',
      probability: '0.9',
    });
  });

  it('does not change the analysis it checks', () => {
    const before = JSON.stringify(clean);
    checkAnalysis(clean);
    expect(JSON.stringify(clean)).toBe(before);
  });
});
