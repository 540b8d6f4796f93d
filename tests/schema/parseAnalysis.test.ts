import { describe, expect, it } from 'vitest';
import { parseAnalysis, safeParseAnalysis } from '../../src/schema/parseAnalysis.js';
import { SroiError } from '../../src/model/SroiError.js';
import { formatPath } from '../../src/model/formatIssue.js';

const outcome = (fields: Record<string, unknown> = {}) => ({
  stakeholder: 'Residents',
  outcome: 'Change',
  quantity: '10',
  proxy: { value: '100' },
  duration: 1,
  ...fields,
});
const analysis = (fields: Record<string, unknown> = {}) => ({
  name: 'Test',
  outcomes: [outcome()],
  ...fields,
});
const issuesOf = (input: unknown) => {
  const result = safeParseAnalysis(input);
  return result.success
    ? []
    : result.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};

describe('parseAnalysis', () => {
  it('reports hundreds of thousands of issues without overflowing the call stack', () => {
    // 200,000 outcomes with one id: 199,999 "used twice" issues. Spreading them into one push()
    // overflowed V8's stack (found by reading a 800,000-row CSV that was not an impact map).
    const outcomes = Array.from({ length: 200_000 }, () => ({
      id: 'same',
      stakeholder: 'a',
      outcome: 'b',
      quantity: '1',
      proxy: { value: '1' },
      duration: 1,
    }));
    const parsed = safeParseAnalysis({ name: 'n', outcomes });
    expect(parsed.success).toBe(false);
    expect(parsed.issues).toHaveLength(199_999);
    expect(parsed.issues[0]?.message).toContain('"same" is used twice');
  });

  it('fills the defaults of docs/method.md and docs/model.md', () => {
    const parsed = parseAnalysis(analysis());
    expect(parsed.currency).toBe('GBP');
    expect(parsed.discount).toEqual({ timing: 'end', rate: '0.035' });
    expect(parsed.outcomes[0]).toMatchObject({
      id: 'o1',
      start: 1,
      deadweight: '0',
      displacement: '0',
      attribution: '0',
      leakage: '0',
      dropOff: '0',
    });
    expect(parsed.inputs).toEqual([]);
  });

  it('reads money and fractions written as people write them', () => {
    const parsed = parseAnalysis(
      analysis({
        inputs: [{ description: 'Grant', value: '£12,500.50', year: '1' }],
        outcomes: [
          outcome({
            quantity: '1,000',
            proxy: { value: '(1,200)', priceYear: '2012/13' },
            deadweight: '25%',
            attribution: 0.1,
            dropOff: '0.5',
          }),
        ],
      }),
    );
    expect(parsed.inputs[0]).toEqual({ description: 'Grant', value: '12500.5', year: 1 });
    expect(parsed.outcomes[0]).toMatchObject({
      quantity: '1000',
      proxy: { value: '-1200', priceYear: '2012-13' },
      deadweight: '0.25',
      attribution: '0.1',
      dropOff: '0.5',
    });
  });

  it('normalises discount settings', () => {
    expect(
      parseAnalysis(analysis({ discount: { schedule: 'green-book-health', timing: 'mid' } }))
        .discount,
    ).toEqual({ timing: 'mid', schedule: 'green-book-health' });
    expect(parseAnalysis(analysis({ discount: { rates: ['3.5%', '3%'] } })).discount).toEqual({
      timing: 'end',
      rates: ['0.035', '0.03'],
    });
  });

  it('resolves stakeholder names to ids when stakeholders are listed', () => {
    const parsed = parseAnalysis(
      analysis({
        stakeholders: [{ id: 'op', name: 'Older people' }],
        outcomes: [outcome({ stakeholder: 'Older people' })],
        inputs: [{ description: 'x', value: 1, stakeholder: 'op' }],
      }),
    );
    expect(parsed.outcomes[0]?.stakeholder).toBe('op');
    expect(parsed.inputs[0]?.stakeholder).toBe('op');
  });

  it('rejects a bare fraction above 1 with a hint', () => {
    expect(issuesOf(analysis({ outcomes: [outcome({ deadweight: 25 })] }))).toEqual([
      {
        code: 'out_of_range',
        path: 'outcomes[0].deadweight',
        message: 'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
      },
    ]);
  });

  it('reports every issue at once, each with its path', () => {
    const issues = issuesOf({
      name: '',
      currency: 'pounds',
      discount: { rate: '3.5', schedule: 'treasury' },
      stakeholders: [{ id: 'a' }, { id: 'a' }],
      inputs: [{ description: 'Grant', value: '-5', stakeholder: 'nobody' }],
      outcomes: [
        outcome({
          stakeholder: 'b',
          quantity: 'lots',
          proxy: { value: '#DIV/0!' },
          duration: 1.5,
          attribution: '120%',
          deadwieght: '5%',
        }),
        outcome({ id: 'o1', stakeholder: 'a', start: 0, quantityByYear: [1, 2], duration: 3 }),
      ],
    });
    expect(issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(
      [
        'required name',
        'invalid_value currency',
        'out_of_range discount.rate',
        'unknown_schedule discount.schedule',
        'invalid_discount discount',
        'duplicate_id stakeholders[1].id',
        'out_of_range inputs[0].value',
        'unknown_stakeholder inputs[0].stakeholder',
        'unknown_stakeholder outcomes[0].stakeholder',
        'invalid_number outcomes[0].quantity',
        'spreadsheet_error outcomes[0].proxy.value',
        'not_whole_years outcomes[0].duration',
        'out_of_range outcomes[0].attribution',
        'unknown_key outcomes[0]',
        'duplicate_id outcomes[1].id',
        'not_whole_years outcomes[1].start',
        'length_mismatch outcomes[1].quantityByYear',
      ].sort(),
    );
    const message = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(message('discount.rate')).toBe(
      'discount.rate must be a fraction from 0 to 1, got "3.5" (write 3.5% or 0.035)',
    );
    expect(message('outcomes[0].duration')).toBe(
      'duration must be a whole number of years from 1 to 1000, got 1.5',
    );
    expect(message('outcomes[0]')).toMatch(/unknown field "deadwieght"/);
    expect(message('outcomes[1].quantityByYear')).toBe(
      'quantityByYear must give one quantity for each of the 3 valued years (duration), got 2',
    );
  });

  it('requires the fields without which nothing can be calculated', () => {
    expect(
      issuesOf({ outcomes: [{ proxy: {} }] })
        .map((i) => `${i.code} ${i.path}`)
        .sort(),
    ).toEqual(
      [
        'required name',
        'required outcomes[0].stakeholder',
        'required outcomes[0].outcome',
        'required outcomes[0].quantity',
        'required outcomes[0].proxy.value',
        'required outcomes[0].duration',
      ].sort(),
    );
  });

  it('requires at least one outcome', () => {
    expect(issuesOf({ name: 'Empty', outcomes: [] })).toEqual([
      {
        code: 'required',
        path: 'outcomes',
        message: 'outcomes must list at least one outcome: there is nothing to value',
      },
    ]);
  });

  it('names a missing nested field by its path in the outcome', () => {
    expect(issuesOf(analysis({ outcomes: [outcome({ proxy: { source: 'x' } })] }))).toEqual([
      { code: 'required', path: 'outcomes[0].proxy.value', message: 'proxy.value is required' },
    ]);
  });

  it('explains a clash between a given id and an automatic one', () => {
    const [issue] = issuesOf(analysis({ outcomes: [outcome(), outcome({ id: 'o1' })] }));
    expect(issue?.message).toBe(
      'outcome id "o1" is also the id given automatically to outcomes[0], which has none; give that outcome an id, or choose another',
    );
  });

  it('rejects something that is not an analysis at all', () => {
    expect(issuesOf(42)).toEqual([
      { code: 'invalid_type', path: '(root)', message: 'the analysis must be object, got 42' },
    ]);
    expect(issuesOf([]).length).toBe(1);
  });

  it('checks proxy price years against the deflator series when the analysis has a price year', () => {
    expect(
      issuesOf(
        analysis({
          priceYear: 2023,
          outcomes: [
            outcome({ proxy: { value: 1, priceYear: 2030 } }),
            outcome({ proxy: { value: 1, priceYear: '2019-20' } }),
          ],
        }),
      ).map((i) => `${i.code} ${i.path}`),
    ).toEqual(['price_year outcomes[0].proxy.priceYear', 'price_year outcomes[1].proxy.priceYear']);
  });

  it('throws one SroiError listing every issue', () => {
    try {
      parseAnalysis({ name: 'x', outcomes: [outcome({ deadweight: 2, leakage: -1 })] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SroiError);
      const e = error as SroiError;
      expect(e.code).toBe('INVALID_ANALYSIS');
      expect(e.issues).toHaveLength(2);
      expect(e.message).toContain(
        'outcomes[0].deadweight: deadweight must be a fraction from 0 to 1, got 2 (write 2% or 0.02)',
      );
      expect(e.message).toContain(
        'outcomes[0].leakage: leakage must be a fraction from 0 to 1 (0% to 100%), got -1',
      );
    }
  });

  it('does not mutate its input', () => {
    const input = analysis({ outcomes: [outcome({ deadweight: '20%' })] });
    const before = structuredClone(input);
    parseAnalysis(input);
    expect(input).toEqual(before);
  });
});
