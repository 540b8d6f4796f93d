import packageJson from '../../package.json' with { type: 'json' };
import { EXPORT_HELP } from './exportCommand.js';
import { checkHelp } from './checkCommand.js';
import { diffHelp } from './diffCommand.js';

export const VERSION: string = packageJson.version;

const main = `sroi ${VERSION} — Social Return on Investment calculator

Usage: sroi <command> [options]

Commands:
  calculate <file>                           the SROI ratio and every figure behind it
  validate <file>                            check an analysis; list every problem and row counts
  report <file>                              a report for funders: self-contained HTML or Markdown
  template [DIR] [--xlsx]                    write blank outcomes.csv, inputs.csv, analysis.json
                                             (--xlsx: a blank Value Map workbook)
  schema                                     print the JSON Schema of an analysis file
  sensitivity <file>                         switching values and one-way tests of every
                                             assumption; --scenarios: the file's scenarios
  simulate <analysis.json>                   Monte Carlo over the file's uncertainty section
  export <file>                              a Value Map workbook (.xlsx) with live formulas; JSON, CSV
  app [--out FILE | --serve]                 the web app: one HTML file that works offline
  check <file>                               what an assurer would question (advice; exit 0)
  diff <before> <after>                      what changed, and each change's effect on the ratio

<file> is an analysis .json, a Value Map workbook (.xlsx), or a CSV: an outcomes table (with
--inputs inputs.csv) or a whole Value Map sheet.

Options:
  -h, --help      show help (also: sroi <command> --help)
  -v, --version   show the version

Exit codes: 0 success, 1 invalid input (every problem is listed), 2 usage error, 3 internal error.
--out FILE replaces FILE in one step and never a file the command reads; --out - is standard output.
Docs: docs/cli.md, docs/security.md
`;

const analysisOptions = `Where the data is:
  -i, --inputs <inputs.csv>     the inputs table (with an outcomes CSV, or to replace the
                                analysis file's inputs)
  -m, --map <field=column>      read a field from your own column: its header, its letter or
                                its position; for one table with outcomes: or inputs:;
                                repeatable, e.g. --map "outcome=Result"
                                --map "outcomes:proxy_source=14" --map "inputs:value=C"
Settings (override the analysis file's, and a Value Map's title rows):
  --name <text>                 the analysis name (default: the CSV file's name)
  --currency <code>             ISO 4217 code, default GBP
  --discount-rate <rate>        flat rate, e.g. 3.5%; per year: "3.5%/3%/3%" (the last continues)
  --discount-schedule <name>    green-book, green-book-health, green-book-reduced,
                                green-book-health-reduced
  --timing <end|start|mid>      when in each year flows are discounted (default end)
  --price-year <year>           price base: 2023 or 2023-24; proxies' price years are rebased
  --horizon <years>             last year valued
Files:
  --max-input-size <size>       refuse a file larger than this, before reading it
                                (default 100MB, at most 500MB; e.g. 200MB, 1500000)
`;

const calculate = `Usage: sroi calculate <analysis.json | value-map.xlsx | outcomes.csv> [options]

Calculates the SROI of an analysis: a JSON analysis file (see \`sroi schema\`), an analysis file
that names its CSV tables ("outcomes": "outcomes.csv"), an outcomes CSV with --inputs, or a
Value Map as a charity keeps it: the .xlsx workbook, or the whole sheet exported as CSV
(docs/value-map.md). Row counts, notes and problems go to standard error; the report to
standard output or --out.

${analysisOptions}Output:
  -f, --format <format>         text: a readable summary, rounded (default)
                                json: the full result, every figure an unrounded decimal string
                                markdown: the report of \`sroi report --format markdown\`
                                csv: every figure, one per row, safe to open in a spreadsheet
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi calculate examples/befriending/outcomes.csv --inputs examples/befriending/inputs.csv
  sroi calculate examples/befriending/analysis.json --format json --out result.json
  sroi calculate outcomes.csv --inputs inputs.csv --discount-schedule green-book --price-year 2023
  sroi calculate value-map.xlsx --discount-rate 3.5%
`;

const validate = `Usage: sroi validate <analysis.json | value-map.xlsx | outcomes.csv> [options]

Reads and checks an analysis without calculating it. Prints how many rows of each CSV table
were read, used and rejected, every note (e.g. an ignored column) and every problem, one per
line with file:line [column]. Exit 0 when there is no problem, 1 otherwise.

${analysisOptions}Output:
  -f, --format <text|json>      json: { valid, issues, tables, notes }

Examples:
  sroi validate outcomes.csv --inputs inputs.csv
  sroi validate analysis.json --format json
`;

const template = `Usage: sroi template [DIR] [--xlsx] [--force]

Writes outcomes.csv and inputs.csv with the canonical headers and a commented example row, and
analysis.json, which holds the settings and names the two tables. With --xlsx, writes instead
value-map.xlsx: a blank Value Map workbook whose formulas compute the present value and the
ratio, with data validation (percentages 0-100%, durations above 0). DIR defaults to the current
directory; existing files are not overwritten unless --force is given.

Examples:
  sroi template my-analysis && sroi validate my-analysis/analysis.json
  sroi template --xlsx my-analysis
`;

const schema = `Usage: sroi schema [--out FILE]

Prints the JSON Schema (draft 2020-12) of an analysis file, for editors and other programs.

Example:
  sroi schema --out analysis.schema.json
`;

const report = `Usage: sroi report <analysis.json | value-map.xlsx | outcomes.csv> [options]

Writes a report of an analysis to share: one self-contained HTML page (charts as inline SVG,
no script, no network requests, prints on A4) or Markdown (tables in place of charts). Its
first page is the cover, the headline figures, the warnings and how firm the ratio is in plain
words; then value by stakeholder, category and year, the path from gross value to present
value, the impact map with its sources, the inputs and the method; then an appendix of the
full tables. The analysis file's "scenarios" are shown side by side and its "uncertainty"
section as a Monte Carlo histogram (the same figures as sroi simulate). See docs/reports.md.

${analysisOptions}Output:
  -f, --format <html|markdown>  html (default) or markdown
  -t, --title <text>            the report's title (default: the analysis name)
  -s, --sensitivity             add one-way sensitivity (a tornado chart) and the switching
                                value of every assumption: target ratio 1; moves of ±10% for
                                money and quantities, ±10 points for fractions, ±1 year
  --check                       add the findings of sroi check as an appendix
  --diff <previous>             add what changed since a previous version of the analysis
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi report examples/befriending/analysis.json --out report.html
  sroi report analysis.json --format markdown --title "Befriending: SROI 2024" --out report.md
  sroi report analysis.json --sensitivity --out report.html
  sroi report analysis-2024.json --sensitivity --check --diff analysis-2023.json --out report.html
`;

const sensitivity = `Usage: sroi sensitivity <analysis.json | value-map.xlsx | outcomes.csv> [options]

For every assumption (each outcome's quantity, proxy, deadweight, displacement, attribution,
leakage, dropOff and duration; the discount rate, each input's value, all proxies together):
the switching value, where the assumption moved alone brings the SROI ratio to the target, and
a one-way test, the ratio with the assumption moved down and up, largest swing first.
With --scenarios: the base case and each scenario of the file's "scenarios" section side by side.
See docs/sensitivity.md.

${analysisOptions}Analysis:
  -t, --target <ratio>          the ratio the switching values reach (default 1)
  -s, --step <percent>          one-way move of money and quantities (default 10%)
  --fraction-step <percent>     one-way move of fractions, in points (default: --step)
  --duration-step <years>       one-way move of duration, a fraction of a year too (default 1)
  --all                         list every assumption (text and markdown list the 20 closest to
                                their switching values and the 20 with the largest swing)
  --scenarios                   compare the file's scenarios instead
Output:
  -f, --format <format>         text (default, rounded), json (unrounded decimal strings), markdown
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi sensitivity analysis.json
  sroi sensitivity analysis.json --target 2 --step 20% --format json
  sroi sensitivity analysis.json --scenarios --format markdown
`;

const simulate = `Usage: sroi simulate <analysis.json> [options]

Monte Carlo simulation: draws each assumption named in the file's "uncertainty" section from its
distribution (uniform, triangular, pert, normal truncated to the valid range, beta) and gives the
mean, 5th, 50th and 95th percentiles of the SROI ratio and the present value, the probability
that the ratio is at least 1, and a histogram. The same seed gives the same output, byte for
byte. See docs/sensitivity.md.

${analysisOptions}Simulation (replace the section's own):
  -n, --draws <n>               how many draws (default 10000)
  --seed <n>                    seed of the random number generator (default 42; a negative
                                seed is written --seed=-5)
  --bins <n>                    histogram bins (default 20)
Output:
  -f, --format <format>         text (default, rounded), json (decimal strings), markdown
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi simulate analysis.json
  sroi simulate analysis.json --draws 100000 --seed 7 --format json
`;

const app = `Usage: sroi app [--out FILE]
       sroi app --serve [--port N]

The web app (docs/app.md): one self-contained HTML file that opens an impact map (an analysis
JSON file or CSV tables), edits it, shows every figure live and saves the analysis, the tables
and the report. It works offline, from disk or from any web server, and sends nothing anywhere.

  -o, --out <file>              write a copy of the app (default sroi-app.html)
  --serve                       serve it on 127.0.0.1 and print the address; Ctrl-C stops it
  -p, --port <n>                the port to serve on (default 8317; 0: any free port)

Examples:
  sroi app --out sroi.html
  sroi app --serve --port 8080
`;

export const HELP: Readonly<Record<string, string>> & { readonly main: string } = {
  main,
  calculate,
  validate,
  template,
  schema,
  report,
  sensitivity,
  simulate,
  export: EXPORT_HELP,
  app,
  check: checkHelp,
  diff: diffHelp,
};

/** The help of a command, by own property only: `sroi help __proto__` has none. */
export function helpOf(topic: string): string | undefined {
  return Object.hasOwn(HELP, topic) ? HELP[topic] : undefined;
}
