/**
 * docs/api.md, made from the code: every export of the two entries (`sroi`, src/index.ts, and
 * `sroi/xlsx`, src/xlsx.ts), grouped as the entry groups them (its `//` comments), each with the
 * first sentence of its TSDoc and, for a function or a constant, its `@example`. Written by
 * `npm run api`; `tests/apiDoc.test.ts` checks that the file is what this makes, and that nothing
 * exported lacks a line (or, a function or constant, an example), so the page cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');

/** One export as the page shows it. */
export interface ApiEntry {
  readonly name: string;
  readonly kind: 'function' | 'constant' | 'class' | 'type';
  /** The first sentence of its TSDoc, or '' when it has none. */
  readonly summary: string;
  /** Its first `@example`, code and result, or '' when it has none. */
  readonly example: string;
  /** The source file, relative to the repository. */
  readonly file: string;
}

export interface ApiGroup {
  readonly heading: string;
  readonly entries: readonly ApiEntry[];
}

export interface ApiEntryPoint {
  readonly entry: string;
  readonly title: string;
  readonly groups: readonly ApiGroup[];
}

const ENTRIES = [
  { file: 'src/index.ts', entry: 'sroi', title: '`sroi`' },
  { file: 'src/xlsx.ts', entry: 'sroi/xlsx', title: '`sroi/xlsx`' },
] as const;

function program(): ts.Program {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(
    ENTRIES.map((e) => join(root, e.file)),
    parsed.options,
  );
}

/** The doc comment text of a declaration, without its tags. */
function summaryOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  if (text === '') return '';
  const flat = text.replace(/\s+/g, ' ');
  // the first sentence: up to the first '. ' that is not inside backticks
  let inCode = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') inCode = !inCode;
    if (!inCode && c === '.' && (i === flat.length - 1 || flat[i + 1] === ' ')) {
      return flat.slice(0, i + 1);
    }
  }
  return flat;
}

function exampleOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  for (const tag of symbol.getJsDocTags(checker)) {
    if (tag.name !== 'example') continue;
    const text = ts.displayPartsToString(tag.text).replace(/^\n+|\n+$/g, '');
    if (text.includes('//=>')) return text;
  }
  return '';
}

function kindOf(symbol: ts.Symbol): ApiEntry['kind'] {
  if (symbol.flags & ts.SymbolFlags.Function) return 'function';
  if (symbol.flags & ts.SymbolFlags.Class) return 'class';
  if (symbol.flags & ts.SymbolFlags.Variable) return 'constant';
  return 'type';
}

/** The names an entry exports, in the order it writes them, under the heading above each. */
function groupsOf(source: ts.SourceFile): { heading: string; names: string[] }[] {
  const groups: { heading: string; names: string[] }[] = [];
  const text = source.getFullText();
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue;
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    const heading = comments
      .map((c) => text.slice(c.pos, c.end))
      .filter((c) => c.startsWith('//'))
      .map((c) => c.replace(/^\/\/\s?/, ''))
      .join(' ')
      .trim();
    if (heading !== '' || groups.length === 0) groups.push({ heading, names: [] });
    const group = groups[groups.length - 1];
    if (group === undefined || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) group.names.push(element.name.text);
  }
  return groups.filter((g) => g.names.length > 0);
}

/** Every export of both entries, as the page shows them. */
export function apiEntryPoints(): ApiEntryPoint[] {
  const p = program();
  const checker = p.getTypeChecker();
  return ENTRIES.map(({ file, entry, title }) => {
    const source = p.getSourceFile(join(root, file));
    if (source === undefined) throw new Error(`${file} is not in the program`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${file} has no module symbol`);
    const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
    const groups = groupsOf(source).map(({ heading, names }) => ({
      heading,
      entries: names.map((name): ApiEntry => {
        const alias = exported.get(name);
        if (alias === undefined) throw new Error(`${file} exports no ${name}`);
        const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
        const declaration = symbol.declarations?.[0];
        return {
          name,
          kind: kindOf(symbol),
          summary: summaryOf(checker, symbol),
          example: exampleOf(checker, symbol),
          file:
            declaration === undefined ? file : relative(root, declaration.getSourceFile().fileName),
        };
      }),
    }));
    return { entry, title, groups };
  });
}

/** The heading of a group: the entry's comment, to its first colon or full stop. */
function headingOf(comment: string): string {
  const short = /^([^:.]+)[:.]/.exec(comment)?.[1] ?? comment;
  return short.trim();
}

/** docs/api.md as it must be. */
export function apiDoc(): string {
  const lines: string[] = [
    '# API: every export, with a line and an example',
    '',
    '<!-- Written by `npm run api` from the TSDoc of each export (scripts/_apiDoc.ts); do not edit by hand. tests/apiDoc.test.ts checks it. -->',
    '',
    'sroi has two entries: `sroi` (the engine, validation, CSV, sensitivity, review and reports;',
    'no I/O) and `sroi/xlsx` (workbooks and the bytes of exported files, kept out of the core',
    'bundle). Every figure is a decimal string at full precision ([precision.md](precision.md)); every',
    'function checks its arguments and throws `SroiError` with a code for a wrong one',
    '([security.md](security.md)). Each example below runs as a test, and its result is what the',
    'function gives.',
    '',
  ];
  for (const point of apiEntryPoints()) {
    lines.push(`## ${point.title}`, '');
    for (const group of point.groups) {
      lines.push(`### ${headingOf(group.heading)}`, '');
      if (group.heading.includes(':') || group.heading.includes('.')) {
        lines.push(group.heading, '');
      }
      for (const e of group.entries) {
        const label = e.kind === 'type' ? 'type' : e.kind;
        lines.push(`- **\`${e.name}\`** (${label}, \`${e.file}\`) — ${e.summary}`);
        if (e.example !== '') {
          lines.push(
            '',
            '  ```ts',
            ...e.example.split('\n').map((l) => (l === '' ? '' : `  ${l}`)),
            '  ```',
            '',
          );
        }
      }
      lines.push('');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Reads the file on disk, for the test. */
export function apiDocOnDisk(): string {
  return readFileSync(join(root, 'docs', 'api.md'), 'utf8');
}
