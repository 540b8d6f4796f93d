/**
 * The report takes sensitivity results by their shape (src/report/ReportExtras.ts), so that it
 * also accepts them read back from JSON. This file fails to compile if the library's own
 * sensitivity result stops fitting that shape.
 */
import { describe, expect, it } from 'vitest';
import { smallAnalysis } from './_smallAnalysis.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import type { ReportScenarios, ReportSensitivity } from '../../src/report/ReportExtras.js';
import type { EvaluateScenariosResult } from '../../src/sensitivity/evaluateScenarios.js';
import type { SensitivityAnalysisResult } from '../../src/sensitivity/sensitivityAnalysis.js';

describe('ReportSensitivity', () => {
  it('accepts what sensitivityAnalysis returns', () => {
    const result: SensitivityAnalysisResult = sensitivityAnalysis(smallAnalysis);
    const shown: ReportSensitivity = result;
    expect(shown.oneWay.length).toBe(result.oneWay.length);
  });

  it('accepts what evaluateScenarios returns', () => {
    const result: EvaluateScenariosResult = evaluateScenarios(smallAnalysis, { none: {} });
    const shown: ReportScenarios = result;
    expect(shown.scenarios.length).toBe(1);
  });
});
