/**
 * Saving: one button per file of `appExports` (the analysis JSON, the report, the CSV tables, …),
 * each saying what the file is, and printing the report — the browser's print dialog, where
 * "Save as PDF" is one of the printers — with the report's own A4 print styles.
 */
import { h } from 'preact';
import { appExports, unavailable } from './appExports.js';
import { Checkbox } from './Checkbox.js';
import type { ExportContext } from './appExports.js';

export interface SavePanelProps {
  readonly context: ExportContext;
  readonly onSave: (id: string) => void;
  readonly onPrint: () => void;
  /** Show the findings in the report (`context.withCheck`), or not. */
  readonly onWithCheck: (on: boolean) => void;
}

export function SavePanel({ context, onSave, onPrint, onWithCheck }: SavePanelProps) {
  const report = appExports.find((e) => e.id === 'report-html');
  const printable = report !== undefined && unavailable(report, context) === undefined;
  return h(
    'section',
    { id: 'save', class: 'panel', 'aria-labelledby': 'save-heading' },
    h('h2', { id: 'save-heading' }, 'Save'),
    h(
      'p',
      { class: 'hint' },
      'Each file is made here, in this page, and saved by your browser like any download. The report includes the sensitivity and Monte Carlo results when they are up to date, and the changes since the previous version when one is open to compare with.',
    ),
    h(
      'p',
      { class: 'privacy-controls' },
      h(Checkbox, {
        checked: context.withCheck === true,
        label: 'Add the findings to the report (as sroi report --check)',
        onChange: onWithCheck,
      }),
    ),
    h(
      'ul',
      { class: 'exports' },
      appExports.map((entry) => {
        const reason = unavailable(entry, context);
        const describedBy = `export-${entry.id}-about`;
        return h(
          'li',
          { key: entry.id },
          h(
            'button',
            {
              type: 'button',
              'data-export': entry.id,
              disabled: reason !== undefined,
              'aria-describedby': describedBy,
              onClick: () => onSave(entry.id),
            },
            reason === undefined
              ? `${entry.label}: ${entry.fileName(context.document)}`
              : entry.label,
          ),
          h(
            'span',
            { id: describedBy, class: 'hint' },
            reason === undefined ? entry.description : `${entry.description} (${reason}.)`,
          ),
        );
      }),
      h(
        'li',
        { key: 'print' },
        h(
          'button',
          {
            type: 'button',
            disabled: !printable,
            onClick: onPrint,
            'aria-describedby': 'export-print-about',
          },
          'Print the report or save it as PDF',
        ),
        h(
          'span',
          { id: 'export-print-about', class: 'hint' },
          'Opens your browser’s print dialog on the report (choose “Save as PDF” as the printer); it prints on A4.',
        ),
      ),
    ),
  );
}
