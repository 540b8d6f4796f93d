/**
 * The report takes sensitivity results by their shape (src/report/ReportExtras.ts), so that it
 * also accepts them read back from JSON. This file fails to compile if the library's own
 * sensitivity result stops fitting that shape.
 */
import { describe, expect, it } from 'vitest';
import { smallAnalysis } from './_smallAnalysis.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import type { ReportSensitivity } from '../../src/report/ReportExtras.js';
import type { SensitivityAnalysisResult } from '../../src/sensitivity/sensitivityAnalysis.js';

describe('ReportSensitivity', () => {
  it('accepts what sensitivityAnalysis returns', () => {
    const result: SensitivityAnalysisResult = sensitivityAnalysis(smallAnalysis);
    const shown: ReportSensitivity = result;
    expect(shown.oneWay.length).toBe(result.oneWay.length);
  });
});
