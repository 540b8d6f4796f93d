import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;

const main = `sroi ${VERSION} — Social Return on Investment calculator

Usage: sroi <command> [options]

Commands:
  calculate <analysis.json>   calculate the SROI ratio and every figure behind it

Options:
  -h, --help      show help (also: sroi <command> --help)
  -v, --version   show the version

Exit codes: 0 success, 1 invalid input (every problem is listed), 2 usage error, 3 internal error.
Docs: docs/cli.md
`;

const calculate = `Usage: sroi calculate <analysis.json> [options]

Calculates the SROI of an analysis written as JSON (see docs/method.md and \`sroi schema\`).

Options:
  -f, --format <text|json>   text: a readable summary, rounded (default)
                             json: the full result, every figure an unrounded decimal string
  -o, --out <file>           write to a file instead of standard output

Examples:
  sroi calculate fixtures/befriending-example/analysis.json
  sroi calculate analysis.json --format json --out result.json
`;

export const HELP: Readonly<Record<string, string>> & { readonly main: string } = {
  main,
  calculate,
};
