/**
 * Sensitivity on demand: the switching value and the one-way test of every assumption, as
 * `sroi report --sensitivity` works them out (target ratio 1; ±10% for money and quantities, ±10
 * points for fractions, ±1 year), run in the worker, and shown as the report shows them: the
 * tornado chart and the tables.
 */
import { h } from 'preact';
import { ReportSectionView } from './ReportSectionView.js';
import { TaskControls } from './TaskControls.js';
import type { AnalysisDocument } from './AnalysisDocument.js';
import type { TaskState } from './TaskState.js';
import type { Section } from '../report/_reportSections.js';
import type { SensitivityAnalysisResult } from '../sensitivity/sensitivityAnalysis.js';

export interface SensitivityPanelProps {
  readonly document: AnalysisDocument;
  readonly canRun: boolean;
  readonly task: TaskState<{
    readonly result: SensitivityAnalysisResult;
    readonly section: Section | undefined;
  }>;
  readonly onRun: () => void;
  readonly onCancel: () => void;
}

export function SensitivityPanel({
  document,
  canRun,
  task,
  onRun,
  onCancel,
}: SensitivityPanelProps) {
  return h(
    'section',
    { id: 'sensitivity', class: 'panel', 'aria-labelledby': 'sensitivity-heading' },
    h('h2', { id: 'sensitivity-heading' }, 'Sensitivity'),
    h(
      'p',
      { class: 'hint' },
      'Which assumptions the ratio depends on most: each moved alone, down and up (±10% for money and quantities, ±10 points for percentages, ±1 year), and the value at which it would bring the ratio to 1 (the switching value). The same figures as sroi sensitivity and sroi report --sensitivity.',
    ),
    h(TaskControls, {
      document,
      task,
      runLabel: 'Run sensitivity',
      blocked: canRun ? undefined : 'Needs a map without problems and with inputs.',
      running: 'Working out every switching value…',
      onRun,
      onCancel,
    }),
    task.status === 'done' && task.value.section !== undefined
      ? h(ReportSectionView, { section: task.value.section, level: 'h3', paragraphs: true })
      : null,
  );
}
