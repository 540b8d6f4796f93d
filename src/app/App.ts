/**
 * The app: one page that opens an impact map, edits it in place with undo, and shows every figure
 * live (docs/app.md). It holds the state — the workspace (`workspace.ts`), what the last opening
 * read, the previous version compared with, the review that follows the map (findings and
 * changes, worked out in a worker of their own) and the calculations run on demand — and lays
 * out the panels in the order a person works: open, figures, settings, outcomes, inputs,
 * problems, findings, charts, sensitivity, Monte Carlo, scenarios, comparison, save.
 */
import { h } from 'preact';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import example from '../../examples/befriending/analysis.json';
import { reportSections } from '../report/_reportSections.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import { appExports, exportFile, uncertaintyOf } from './appExports.js';
import { forgetWork, keepWork, keptWork } from './autosave.js';
import { ComparePanel } from './ComparePanel.js';
import { evaluateDocument } from './evaluateDocument.js';
import { readChosenFiles } from './FilePicker.js';
import { FindingsPanel } from './FindingsPanel.js';
import { inputFields, outcomeFields } from './fields.js';
import { HeadlineFigures } from './HeadlineFigures.js';
import { placeIssues } from './issuePlaces.js';
import { LiveWorker } from './LiveWorker.js';
import { OpenPanel } from './OpenPanel.js';
import { openFiles } from './openFiles.js';
import { openPreviousVersion } from './openPreviousVersion.js';
import { PrivacyNote } from './PrivacyNote.js';
import { ProblemList } from './ProblemList.js';
import { ReportSectionView } from './ReportSectionView.js';
import { RowsTable } from './RowsTable.js';
import { printReport, saveFile } from './saveFile.js';
import { SavePanel } from './SavePanel.js';
import { ScenariosPanel } from './ScenariosPanel.js';
import { SensitivityPanel } from './SensitivityPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { SimulationPanel } from './SimulationPanel.js';
import { currentValue, IDLE } from './TaskState.js';
import { WorkerClient } from './WorkerClient.js';
import { currentDocument, openWorkspace, workspaceReducer } from './workspace.js';
import type { AnalysisDocument } from './AnalysisDocument.js';
import type { ExportContext } from './appExports.js';
import type { Evaluation } from './evaluateDocument.js';
import type { OpenedFiles } from './openFiles.js';
import type { PreviousVersion } from './openPreviousVersion.js';
import type { SimulationRunText } from './SimulationPanel.js';
import type { TaskState } from './TaskState.js';
import type { Workspace, WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';
import type { Section } from '../report/_reportSections.js';
import type { RenderMarkdownOptions } from '../report/renderMarkdown.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';
import type { WorkerTask } from './WorkerClient.js';
import type { ReviewAnswer, WorkerResponse } from './workerProtocol.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';
import type { SensitivityAnalysisResult } from '../sensitivity/sensitivityAnalysis.js';
import type { SimulationResult } from '../sensitivity/simulate.js';

/** The sections of the report the app shows live, under the figures. */
const LIVE_SECTIONS = ['stakeholders', 'categories', 'years', 'waterfall'];

/** A new map's first rows: what is needed shows as a problem to fill in. */
const BLANK: AnalysisDocument = {
  name: 'My SROI analysis',
  currency: 'GBP',
  discount: { rate: '3.5%', timing: 'end' },
  inputs: [{ description: 'Grant', value: '' }],
  outcomes: [{ stakeholder: '', outcome: '', quantity: '', proxy: { value: '' }, duration: 1 }],
};

const NEW_OUTCOME = { proxy: {}, duration: 1 };
const NO_ISSUES: readonly Issue[] = [];
const NEW_INPUT = { year: 0 };

type State = { readonly workspace: Workspace | undefined };

function reducer(state: State, action: WorkspaceAction): State {
  if (action.type === 'open') return { workspace: openWorkspace(action.document, action.source) };
  return state.workspace === undefined
    ? state
    : { workspace: workspaceReducer(state.workspace, action) };
}

function initialState(): State {
  const kept = keptWork();
  return { workspace: kept === undefined ? undefined : openWorkspace(kept.document, kept.source) };
}

/** How long after a change the review of the map starts (a pause in typing). */
const REVIEW_DELAY_MS = 250;

/** The review of one version of the map: the findings, and the changes since `previous`. */
interface Review {
  readonly document: AnalysisDocument;
  readonly analysis: Analysis;
  readonly previous: Analysis | undefined;
  readonly answer: ReviewAnswer;
}

/** The worker's answer to a review, a worker that stopped included. */
function reviewAnswer(answer: WorkerResponse, previous: Analysis | undefined): ReviewAnswer {
  if (answer.kind === 'review') return answer;
  const failed = {
    ok: false as const,
    message: answer.kind === 'failed' ? answer.message : 'no answer',
  };
  return { check: failed, ...(previous === undefined ? {} : { diff: failed }) };
}

/** A calculation run in the worker: its answer and the report's section that shows it. */
type WorkerTaskState<R> = TaskState<{ readonly result: R; readonly section: Section | undefined }>;
type SensitivityTask = WorkerTaskState<SensitivityAnalysisResult>;
type SimulationTask = WorkerTaskState<SimulationResult>;

/** A whole number typed for a run, or why it is not one; `undefined` when left empty. */
function wholeNumber(label: string, text: string): number | string | undefined {
  const trimmed = text.trim().replaceAll(',', '');
  if (trimmed === '') return undefined;
  return /^-?\d{1,10}$/.test(trimmed)
    ? Number(trimmed)
    : `${label} must be a whole number, got "${text}"`;
}

export function App() {
  const [state, dispatch] = useReducer(reducer, undefined, initialState);
  const [opened, setOpened] = useState<OpenedFiles | undefined>(undefined);
  const [keeping, setKeeping] = useState(true);
  const [storage, setStorage] = useState(
    state.workspace === undefined ? '' : 'Your work was restored from this browser.',
  );
  const [sensitivity, setSensitivity] = useState<SensitivityTask>(IDLE);
  const [simulation, setSimulation] = useState<SimulationTask>(IDLE);
  const [scenarios, setScenarios] = useState<TaskState<EvaluateScenariosResult>>(IDLE);
  const [sectionIssues, setSectionIssues] = useState<Readonly<Record<string, readonly Issue[]>>>(
    {},
  );
  const [runText, setRunText] = useState<SimulationRunText>({ draws: '', seed: '' });
  const [previous, setPrevious] = useState<PreviousVersion | undefined>(undefined);
  const [review, setReview] = useState<Review | undefined>(undefined);
  const [withCheck, setWithCheck] = useState(false);
  const worker = useRef<WorkerClient | undefined>(undefined);
  worker.current ??= new WorkerClient();
  const live = useRef<LiveWorker | undefined>(undefined);
  live.current ??= new LiveWorker();

  const workspace = state.workspace;
  const document = workspace === undefined ? undefined : currentDocument(workspace);
  const evaluation = useMemo<Evaluation | undefined>(
    () => (document === undefined ? undefined : evaluateDocument(document)),
    [document],
  );
  const report = useMemo(
    () =>
      // The live panels show the headline and the charts; the impact map (which needs the
      // analysis) is the editor itself, so the sections are made from the result alone.
      evaluation?.ok === true ? reportSections(evaluation.result) : undefined,
    [evaluation],
  );
  const issues = evaluation === undefined || evaluation.ok ? NO_ISSUES : evaluation.issues;
  const placed = useMemo(() => placeIssues(issues), [issues]);

  // The review follows the map: a moment after each change, in its own worker.
  const previousAnalysis = previous?.analysis;
  useEffect(() => {
    if (document === undefined || evaluation?.ok !== true) return;
    const { analysis } = evaluation;
    const timer = setTimeout(() => {
      const task = {
        kind: 'review' as const,
        analysis,
        ...withDefined('uncertainty', uncertaintyOf(document, analysis)),
        ...withDefined('previous', previousAnalysis),
      };
      live.current?.request(task, (answer) =>
        setReview({
          document,
          analysis,
          previous: previousAnalysis,
          answer: reviewAnswer(answer, previousAnalysis),
        }),
      );
    }, REVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [evaluation, previousAnalysis]);
  const reviewed =
    review !== undefined && review.document === document && review.previous === previousAnalysis
      ? review.answer
      : undefined;

  // Undo and redo from anywhere on the page, text boxes included.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        if ((event.target as HTMLElement | null)?.tagName === 'TEXTAREA') return;
        event.preventDefault();
        dispatch({ type: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The copy kept in this browser follows every change, a moment after it.
  useEffect(() => {
    if (workspace === undefined || !keeping) return;
    const timer = setTimeout(() => {
      const kept = keepWork({ document: currentDocument(workspace), source: workspace.source });
      setStorage(
        kept.ok
          ? 'A copy is kept in this browser.'
          : `Could not keep a copy in this browser: ${kept.reason}.`,
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [workspace?.history.present, keeping]);

  const open = (next: AnalysisDocument, source: string, from?: OpenedFiles) => {
    worker.current?.cancel();
    setOpened(from);
    setSensitivity(IDLE);
    setSimulation(IDLE);
    setScenarios(IDLE);
    setSectionIssues({});
    dispatch({ type: 'open', document: next, source });
  };

  const onFiles = (files: readonly File[]) => {
    void readChosenFiles(files).then((read) => {
      const result = openFiles(read);
      if (result.document === undefined) setOpened(result);
      else open(result.document, result.source, result);
    });
  };

  const exportContext: ExportContext | undefined =
    document === undefined || evaluation === undefined
      ? undefined
      : {
          document,
          evaluation,
          ...withDefined('sensitivity', currentValue(sensitivity, document)?.result),
          ...withDefined('simulation', currentValue(simulation, document)?.result),
          ...withDefined('previous', previousAnalysis),
          ...withDefined('diff', reviewed?.diff?.ok === true ? reviewed.diff.value : undefined),
          withCheck,
          ...withDefined('check', reviewed?.check.ok === true ? reviewed.check.value : undefined),
        };

  /** Runs a task in the worker and keeps its answer with the report's section that shows it. */
  function inWorker<R>(
    task: WorkerTask,
    set: (update: (previous: WorkerTaskState<R>) => WorkerTaskState<R>) => void,
    read: (answer: WorkerResponse) => R | undefined,
    sectionOf: (result: SroiResult, analysis: Analysis, value: R) => Section | undefined,
  ): void {
    if (document === undefined || evaluation?.ok !== true) return;
    const { result, analysis } = evaluation;
    set(() => ({ status: 'running', document, started: false }));
    const started = () => set((s) => (s.status === 'running' ? { ...s, started: true } : s));
    void worker.current?.run(task, started).answer.then((answer) => {
      const value = read(answer);
      set(() =>
        value === undefined
          ? failed(document, answer)
          : {
              status: 'done',
              document,
              value: { result: value, section: sectionOf(result, analysis, value) },
            },
      );
    });
  }

  const runSensitivity = () => {
    if (evaluation?.ok !== true) return;
    inWorker(
      { kind: 'sensitivity', analysis: evaluation.analysis, options: {} },
      setSensitivity,
      (answer) => (answer.kind === 'sensitivity' ? answer.result : undefined),
      (result, analysis, sensitivity) =>
        sectionOf(result, { analysis, sensitivity }, 'sensitivity'),
    );
  };

  const runSimulation = () => {
    if (document === undefined || evaluation?.ok !== true) return;
    const analysis = evaluation.analysis;
    const parsed = safeParseUncertainty(document['uncertainty'] ?? {}, analysis);
    setSectionIssues((s) => ({ ...s, uncertainty: parsed.success ? [] : parsed.issues }));
    const draws = wholeNumber('Draws', runText.draws);
    const seed = wholeNumber('Seed', runText.seed);
    const problem = [draws, seed].find((v): v is string => typeof v === 'string');
    if (!parsed.success || problem !== undefined) {
      const message = problem ?? sectionProblems('uncertainty', parsed.issues.length);
      setSimulation({ status: 'failed', document, message });
      return;
    }
    const options = {
      ...withDefined('draws', draws as number | undefined),
      ...withDefined('seed', seed as number | undefined),
    };
    inWorker(
      { kind: 'simulate', analysis, uncertainty: parsed.uncertainty, options },
      setSimulation,
      (answer) => (answer.kind === 'simulate' ? answer.result : undefined),
      (result, analysis, simulation) => sectionOf(result, { analysis, simulation }, 'simulation'),
    );
  };

  const runScenarios = () => {
    if (document === undefined || evaluation?.ok !== true) return;
    const parsed = safeParseScenarios(document['scenarios'] ?? {}, evaluation.analysis);
    setSectionIssues((s) => ({ ...s, scenarios: parsed.success ? [] : parsed.issues }));
    if (!parsed.success) {
      setScenarios({
        status: 'failed',
        document,
        message: sectionProblems('scenarios', parsed.issues.length),
      });
      return;
    }
    setScenarios({
      status: 'done',
      document,
      value: evaluateScenarios(evaluation.analysis, parsed.scenarios),
    });
  };

  /** The file of an export, made now, when it can be. */
  const made = (id: string) => {
    const entry = appExports.find((e) => e.id === id);
    const file =
      exportContext === undefined || entry === undefined
        ? undefined
        : exportFile(entry, exportContext);
    return file?.ok === true ? file : undefined;
  };
  const save = (id: string) => {
    const file = made(id);
    if (file !== undefined) saveFile(file.name, file.type, file.contents);
  };
  const print = () => {
    const file = made('report-html');
    if (typeof file?.contents === 'string') printReport(file.contents);
  };

  const history = workspace?.history;
  const problems = issues.length;
  return h(
    'div',
    { class: 'app' },
    h(
      'header',
      { class: 'masthead' },
      h(
        'h1',
        null,
        'sroi ',
        h('span', { class: 'tagline' }, 'Social Return on Investment, worked out in this page'),
      ),
      h(PrivacyNote, {
        keeping,
        status: storage,
        onKeeping: (on) => {
          setKeeping(on);
          if (!on) {
            const cleared = forgetWork();
            setStorage(
              cleared.ok
                ? 'Nothing is kept in this browser.'
                : `Could not clear: ${cleared.reason}.`,
            );
          }
        },
        onClear: () => {
          const cleared = forgetWork();
          setKeeping(false);
          setStorage(
            cleared.ok
              ? 'Cleared: nothing is kept in this browser now (your map stays open until you close the page).'
              : `Could not clear: ${cleared.reason}.`,
          );
        },
      }),
      document === undefined
        ? null
        : h(
            'nav',
            { class: 'skip', 'aria-label': 'Parts of the page' },
            h(
              'ul',
              null,
              [
                ['figures', 'Figures'],
                ['settings', 'Settings'],
                ['outcomes', 'Outcomes'],
                ['inputs', 'Inputs'],
                ['problems', `Problems (${problems})`],
                ['findings', 'Findings'],
                ['charts', 'Charts'],
                ['sensitivity', 'Sensitivity'],
                ['simulation', 'Monte Carlo'],
                ['scenarios', 'Scenarios'],
                ['compare', 'Compare'],
                ['save', 'Save'],
                ['open', 'Open'],
              ].map(([id, label]) => h('li', { key: id }, h('a', { href: `#${id}` }, label))),
            ),
          ),
    ),
    h(
      'main',
      { id: 'main' },
      document === undefined
        ? null
        : h(
            'div',
            { class: 'statusbar' },
            h(
              'span',
              { class: 'status-ratio', 'aria-live': 'polite' },
              report === undefined
                ? `No figures: ${problems} problem${problems === 1 ? '' : 's'}`
                : `SROI ratio ${report.headline.ratio}`,
            ),
            h('span', { class: 'status-source' }, workspace?.source),
            h(
              'span',
              { class: 'status-actions' },
              h(
                'button',
                {
                  type: 'button',
                  onClick: () => dispatch({ type: 'undo' }),
                  disabled: history?.past.length === 0,
                  title: 'Undo (Ctrl+Z)',
                },
                'Undo',
              ),
              h(
                'button',
                {
                  type: 'button',
                  onClick: () => dispatch({ type: 'redo' }),
                  disabled: history?.future.length === 0,
                  title: 'Redo (Ctrl+Shift+Z or Ctrl+Y)',
                },
                'Redo',
              ),
            ),
          ),
      h(OpenPanel, {
        opened,
        onFiles,
        onExample: () =>
          open(example as AnalysisDocument, 'the included example (examples/befriending)'),
        onBlank: () => open(BLANK, 'a blank map'),
        compact: document !== undefined,
      }),
      document === undefined || evaluation === undefined
        ? null
        : [
            h(HeadlineFigures, {
              key: 'figures',
              report,
              // A Value Map's own figures that differ from sroi's are the file's: they hold
              // until the map is edited.
              warnings: evaluation.ok
                ? [
                    ...evaluation.result.warnings,
                    ...(opened?.document === document ? opened.warnings : []),
                  ]
                : [],
              problems,
            }),
            h(SettingsPanel, { key: 'settings', document, issues: placed.settings, dispatch }),
            h(RowsTable, {
              key: 'outcomes',
              table: 'outcomes',
              heading: 'Outcomes',
              noun: 'outcome',
              intro:
                'One row per outcome: who it is for, how many, the financial proxy that values one unit for one year, how long it lasts and what is taken off. Percentages as 25% or 0.25. ↑ ↓ move between rows; Alt+↑ Alt+↓ move the row.',
              fields: outcomeFields,
              document,
              issues: placed.tables.outcomes,
              newRow: NEW_OUTCOME,
              dispatch,
            }),
            h(RowsTable, {
              key: 'inputs',
              table: 'inputs',
              heading: 'Inputs',
              noun: 'input',
              intro:
                'What was put in: money, or the money value of time and goods given in kind. Year 0 (the default) is not discounted.',
              fields: inputFields,
              document,
              issues: placed.tables.inputs,
              newRow: NEW_INPUT,
              dispatch,
            }),
            h(
              'section',
              {
                key: 'problems',
                id: 'problems',
                class: 'panel',
                'aria-labelledby': 'problems-heading',
              },
              h('h2', { id: 'problems-heading' }, `Problems (${problems})`),
              problems === 0
                ? h('p', null, 'None: every figure above is calculated from the map as it is now.')
                : h(ProblemList, { issues, inEditor: true }),
            ),
            h(FindingsPanel, {
              key: 'findings',
              check: review?.answer.check,
              outcomes: review?.analysis.outcomes ?? [],
              current: reviewed !== undefined,
              blocked: evaluation.ok
                ? undefined
                : 'No findings until the problems listed are fixed.',
            }),
            h(
              'section',
              { key: 'charts', id: 'charts', class: 'panel', 'aria-labelledby': 'charts-heading' },
              h('h2', { id: 'charts-heading' }, 'Charts'),
              report === undefined
                ? h('p', { class: 'stale' }, 'No charts until the problems are fixed.')
                : report.sections
                    .filter((s) => LIVE_SECTIONS.includes(s.id))
                    .map((section) =>
                      h(ReportSectionView, { key: section.id, section, level: 'h3' }),
                    ),
            ),
            h(SensitivityPanel, {
              key: 'sensitivity',
              document,
              canRun: evaluation.ok && evaluation.result.sroiRatio !== null,
              task: sensitivity,
              onRun: runSensitivity,
              onCancel: () => worker.current?.cancel(),
            }),
            h(SimulationPanel, {
              key: 'simulation',
              document,
              canRun: evaluation.ok,
              run: runText,
              onRunText: setRunText,
              issues: [
                ...(placed.settings.get('uncertainty') ?? []),
                ...(sectionIssues['uncertainty'] ?? []),
              ],
              task: simulation,
              onRun: runSimulation,
              onCancel: () => worker.current?.cancel(),
              dispatch,
            }),
            h(ScenariosPanel, {
              key: 'scenarios',
              document,
              canRun: evaluation.ok,
              issues: [
                ...(placed.settings.get('scenarios') ?? []),
                ...(sectionIssues['scenarios'] ?? []),
              ],
              task: scenarios,
              onRun: runScenarios,
              dispatch,
            }),
            h(ComparePanel, {
              key: 'compare',
              previous,
              diff:
                review?.answer.diff === undefined
                  ? undefined
                  : { worked: review.answer.diff, after: review.analysis },
              current: reviewed !== undefined,
              blocked: evaluation.ok
                ? undefined
                : 'No comparison until the problems listed are fixed.',
              onFiles: (files) => {
                void readChosenFiles(files).then((read) => setPrevious(openPreviousVersion(read)));
              },
              onClear: () => setPrevious(undefined),
            }),
            exportContext === undefined
              ? null
              : h(SavePanel, {
                  key: 'save',
                  context: exportContext,
                  onSave: save,
                  onPrint: print,
                  onWithCheck: setWithCheck,
                }),
          ],
    ),
    h(
      'footer',
      { class: 'footer' },
      h(
        'p',
        null,
        'sroi calculates exactly (34 significant digits) by the SROI Guide and HM Treasury Green Book discounting. The same library runs the sroi command line; a file saved here gives the same figures there.',
      ),
    ),
  );
}

/** `{ [key]: value }`, or nothing when the value is undefined (for optional properties). */
function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The report's section `id` for a result and what is shown with it; a section of the report's
 * appendix without its letter ("Appendix A."), which means nothing on the page.
 */
function sectionOf(
  result: SroiResult,
  options: RenderMarkdownOptions,
  id: string,
): Section | undefined {
  const report = reportSections(result, options);
  const section = [...report.sections, ...report.appendix].find((s) => s.id === id);
  return section === undefined
    ? undefined
    : { ...section, heading: section.heading.replace(/^Appendix [A-Z]\. /, '') };
}

function sectionProblems(section: string, count: number): string {
  return `The ${section} section has ${count} problem${count === 1 ? '' : 's'} (listed under it).`;
}

function failed(
  document: AnalysisDocument,
  answer: { readonly kind: string; readonly message?: string },
): TaskState<never> {
  const message = answer.message === 'cancelled' ? 'Cancelled.' : (answer.message ?? 'no answer');
  return { status: 'failed', document, message };
}
