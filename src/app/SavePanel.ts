/**
 * Saving: one button per file of `appExports` (the analysis JSON, the report, the CSV tables, …),
 * each saying what the file is, and printing the report — the browser's print dialog, where
 * "Save as PDF" is one of the printers — with the report's own A4 print styles.
 */
import { h } from 'preact';
import { appExports } from './appExports.js';
import type { ExportContext } from './appExports.js';

export interface SavePanelProps {
  readonly context: ExportContext;
  readonly onSave: (id: string) => void;
  readonly onPrint: () => void;
}

export function SavePanel({ context, onSave, onPrint }: SavePanelProps) {
  const report = appExports.find((e) => e.id === 'report-html')?.make(context);
  return h(
    'section',
    { id: 'save', class: 'panel', 'aria-labelledby': 'save-heading' },
    h('h2', { id: 'save-heading' }, 'Save'),
    h(
      'p',
      { class: 'hint' },
      'Each file is made here, in this page, and saved by your browser like any download. The report includes the sensitivity and Monte Carlo results when they are up to date.',
    ),
    h(
      'ul',
      { class: 'exports' },
      appExports.map((entry) => {
        const file = entry.make(context);
        const describedBy = `export-${entry.id}-about`;
        return h(
          'li',
          { key: entry.id },
          h(
            'button',
            {
              type: 'button',
              'data-export': entry.id,
              disabled: !file.ok,
              'aria-describedby': describedBy,
              onClick: () => onSave(entry.id),
            },
            file.ok ? `${entry.label}: ${file.name}` : entry.label,
          ),
          h(
            'span',
            { id: describedBy, class: 'hint' },
            file.ok ? entry.description : `${entry.description} (${file.reason}.)`,
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
            disabled: report?.ok !== true,
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
