/**
 * Scenarios side by side: the map's `scenarios` section (named sets of overrides, docs/sensitivity.md),
 * edited as JSON, and on demand each scenario's headline figures beside the base case's, as
 * `sroi sensitivity --scenarios` works them out (`evaluateScenarios`) and rounded as the report
 * rounds them.
 */
import { h } from 'preact';
import { reportSections } from '../report/_reportSections.js';
import { SectionEditor } from './SectionEditor.js';
import { TaskControls } from './TaskControls.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { TaskState } from './TaskState.js';
import type { WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';

export interface ScenariosPanelProps {
  readonly document: AnalysisDocument;
  readonly canRun: boolean;
  readonly issues: readonly Issue[];
  readonly task: TaskState<EvaluateScenariosResult>;
  readonly onRun: () => void;
  readonly dispatch: (action: WorkspaceAction) => void;
}

const TEMPLATE: JsonValue = {
  conservative: {
    description: 'More would have happened anyway',
    outcomes: { '*': { deadweight: '40%' } },
  },
};

function Comparison({ result }: { readonly result: EvaluateScenariosResult }) {
  const columns = [
    { name: 'Base case', description: undefined, result: result.base },
    ...result.scenarios.map((s) => ({
      name: s.name,
      description: s.description,
      result: s.result,
    })),
  ];
  const figures = columns.map((c) => reportSections(c.result).headline.figures);
  const labels = figures[0]?.map((f) => f.label) ?? [];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'figures-table scenarios' },
      h('caption', null, 'The base case and each scenario'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Figure'),
          columns.map((c) =>
            h(
              'th',
              { key: c.name, scope: 'col', class: 'num' },
              c.name,
              c.description === undefined ? null : h('span', { class: 'note' }, c.description),
            ),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        labels.map((label, row) =>
          h(
            'tr',
            { key: label },
            h('th', { scope: 'row' }, label),
            figures.map((column, i) => h('td', { key: i, class: 'num' }, column[row]?.value ?? '')),
          ),
        ),
      ),
    ),
  );
}

export function ScenariosPanel({
  document,
  canRun,
  issues,
  task,
  onRun,
  dispatch,
}: ScenariosPanelProps) {
  return h(
    'section',
    { id: 'scenarios', class: 'panel', 'aria-labelledby': 'scenarios-heading' },
    h('h2', { id: 'scenarios-heading' }, 'Scenarios'),
    h(
      'p',
      { class: 'hint' },
      'Named sets of changed assumptions — a cautious case, a hopeful one — each calculated in full beside the base case. "*" stands for every outcome; otherwise name outcomes by their id.',
    ),
    h(SectionEditor, {
      section: 'scenarios',
      label: 'Scenarios section (JSON)',
      value: document['scenarios'],
      template: TEMPLATE,
      issues,
      dispatch,
    }),
    h(TaskControls, {
      document,
      task,
      runLabel: 'Compare scenarios',
      blocked: !canRun
        ? 'Needs a map without problems.'
        : document['scenarios'] === undefined
          ? 'Add a scenarios section first.'
          : undefined,
      running: '',
      onRun,
    }),
    task.status === 'done' ? h(Comparison, { result: task.value }) : null,
  );
}
