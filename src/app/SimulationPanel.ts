/**
 * Monte Carlo on demand, in the worker: the map's `uncertainty` section (edited here as JSON, its
 * form in docs/sensitivity.md), the number of draws and the seed (which replace the section's, as
 * `sroi simulate --draws --seed` do), a progress line and a Cancel button while it runs, and the
 * report's histogram and table when it is done. The worker runs `simulate` as `sroi simulate`
 * does, so the same seed gives the same figures.
 */
import { h } from 'preact';
import { ReportSectionView } from './ReportSectionView.js';
import { SectionEditor } from './SectionEditor.js';
import { TaskControls } from './TaskControls.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { TaskState } from './TaskState.js';
import type { WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';
import type { Section } from '../report/_reportSections.js';
import type { SimulationResult } from '../sensitivity/simulate.js';

/** What the person typed for the run's draws and seed (empty: the section's own). */
export interface SimulationRunText {
  readonly draws: string;
  readonly seed: string;
}

export interface SimulationPanelProps {
  readonly document: AnalysisDocument;
  readonly canRun: boolean;
  readonly run: SimulationRunText;
  readonly onRunText: (run: SimulationRunText) => void;
  readonly issues: readonly Issue[];
  readonly task: TaskState<{
    readonly result: SimulationResult;
    readonly section: Section | undefined;
  }>;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly dispatch: (action: WorkspaceAction) => void;
}

const TEMPLATE: JsonValue = { seed: 42, draws: 10000, parameters: [] };

export function SimulationPanel(props: SimulationPanelProps) {
  const { document, canRun, run, onRunText, issues, task, onRun, onCancel, dispatch } = props;
  const number = (key: keyof SimulationRunText, label: string, placeholder: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { htmlFor: `simulation-${key}` }, label),
      h('input', {
        id: `simulation-${key}`,
        type: 'text',
        inputMode: 'numeric',
        class: 'cell cell-narrow',
        value: run[key],
        placeholder,
        onInput: (event: Event) =>
          onRunText({ ...run, [key]: (event.currentTarget as HTMLInputElement).value }),
      }),
    );
  return h(
    'section',
    { id: 'simulation', class: 'panel', 'aria-labelledby': 'simulation-heading' },
    h('h2', { id: 'simulation-heading' }, 'Monte Carlo'),
    h(
      'p',
      { class: 'hint' },
      'Draws the uncertain assumptions from their distributions many times and shows how the ratio spreads: the 5th, 50th and 95th percentiles and the chance that it is at least 1. Name each uncertain assumption in the uncertainty section below (distributions: uniform, triangular, pert, normal, beta).',
    ),
    h(SectionEditor, {
      section: 'uncertainty',
      label: 'Uncertainty section (JSON)',
      value: document['uncertainty'],
      template: TEMPLATE,
      issues,
      dispatch,
    }),
    h(
      'div',
      { class: 'settings-grid' },
      number('draws', 'Draws (empty: the section’s, or 10,000)', '10000'),
      number('seed', 'Seed (empty: the section’s, or 42)', '42'),
    ),
    h(TaskControls, {
      document,
      task,
      runLabel: 'Run Monte Carlo',
      blocked: canRun ? undefined : 'Needs a map without problems.',
      running: 'Drawing… (Cancel stops it at once)',
      onRun,
      onCancel,
    }),
    task.status === 'done' && task.value.section !== undefined
      ? h(ReportSectionView, { section: task.value.section, level: 'h3', paragraphs: true })
      : null,
  );
}
