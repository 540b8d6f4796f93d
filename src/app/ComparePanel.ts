/**
 * The comparison with a previous version of the analysis: open its file or files, and see every
 * change since it with its effect on the ratio and on the present value, and the whole change —
 * the changes `diffAnalyses` lists, shown as the report's own section (`sroi diff`, and the
 * appendix `sroi report --diff PREVIOUS` adds). The changes follow the map as it is edited,
 * worked out in the background; the saved report includes them.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { diffSection } from '../report/_diffSection.js';
import { reportFormat } from '../report/_reportFormat.js';
import { dropBox, FilePicker } from './FilePicker.js';
import { ProblemList } from './ProblemList.js';
import { ReportSectionView } from './ReportSectionView.js';
import type { PreviousVersion } from './openPreviousVersion.js';
import type { Worked } from './workerProtocol.js';
import type { Analysis } from '../model/analysis.js';
import type { AnalysisDiff } from '../review/diffAnalyses.js';

export interface ComparePanelProps {
  readonly previous: PreviousVersion | undefined;
  /** The changes of the last review, and the analysis (the map) they lead to. */
  readonly diff: { readonly worked: Worked<AnalysisDiff>; readonly after: Analysis } | undefined;
  /** Whether that review is of the map as it is now, against this previous version. */
  readonly current: boolean;
  /** Why the map cannot be compared now (it has problems); `undefined` when it can. */
  readonly blocked: string | undefined;
  readonly onFiles: (files: readonly File[]) => void;
  readonly onClear: () => void;
}

export function ComparePanel(props: ComparePanelProps) {
  const { previous, diff, current, blocked, onFiles, onClear } = props;
  const [dragging, setDragging] = useState(false);
  const valid = previous?.analysis !== undefined;
  const status =
    previous === undefined
      ? undefined
      : !valid
        ? `Could not open ${previous.opened.source} as the previous version: ${previous.issues.length} problem${previous.issues.length === 1 ? '' : 's'}.`
        : (blocked ??
          (diff === undefined
            ? 'Working out the changes…'
            : !diff.worked.ok
              ? `No comparison: ${diff.worked.message}`
              : current
                ? `Compared with ${previous.opened.source}.`
                : 'Updating…'));
  return h(
    'section',
    {
      id: 'compare',
      class: `panel${dragging ? ' dragging' : ''}`,
      'aria-labelledby': 'compare-heading',
      ...dropBox(onFiles, setDragging),
    },
    h('h2', { id: 'compare-heading' }, 'Compare with a previous version'),
    h(
      'p',
      { class: 'hint' },
      'Open an earlier version of this analysis — its analysis file, or its CSV tables — to see every change since then and how much each one moved the SROI ratio: the changes sroi diff lists. The saved report then includes them, as sroi report --diff does.',
    ),
    h(
      'div',
      { class: 'open-actions' },
      h(FilePicker, { id: 'compare-files', label: 'Previous version', onFiles }),
      previous === undefined
        ? null
        : h('button', { type: 'button', onClick: onClear }, 'Stop comparing'),
    ),
    status === undefined ? null : h('p', { class: 'task-status', role: 'status' }, status),
    previous !== undefined && !valid
      ? h(ProblemList, { issues: previous.issues, inEditor: false })
      : null,
    valid && blocked === undefined && diff?.worked.ok === true
      ? h(DiffView, { diff: diff.worked.value, after: diff.after, current })
      : null,
  );
}

function DiffView({
  diff,
  after,
  current,
}: {
  readonly diff: AnalysisDiff;
  readonly after: Analysis;
  readonly current: boolean;
}) {
  const names = new Map(after.outcomes.map((o) => [o.id, o.outcome]));
  const section = diffSection(
    'diff',
    `Changes since “${diff.before.name}”`,
    diff,
    reportFormat(after.currency, {}),
    (id) => names.get(id),
  );
  return h(
    'div',
    { class: current ? 'diff' : 'diff is-stale' },
    h(ReportSectionView, { section, level: 'h3', paragraphs: true, tablesOpen: true }),
  );
}
