/**
 * docs/api.md, made from the code: every export of the two entries (`sroi`, src/index.ts, and
 * `sroi/xlsx`, src/xlsx.ts), grouped as the entry groups them (the `//` comment above each group),
 * each with its kind, the first sentence of its TSDoc, its signature or type as the compiler sees
 * it and, for a function or a constant, its `@example`. Written by `npm run api`;
 * `tests/apiDoc.test.ts` checks that the file is what this makes, and that nothing exported lacks
 * a line (or, a function or constant, an example), so the page cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');

/** One export as the page shows it. */
export interface ApiEntry {
  readonly name: string;
  readonly kind: 'function' | 'constant' | 'class' | 'interface' | 'type';
  /** The first sentence of its TSDoc, or '' when it has none. */
  readonly summary: string;
  /** Its signature (a function, a class), its type (a constant) or its declaration (a type). */
  readonly declaration: string;
  /** Its first `@example` whose result is shown (`//=>`), or '' when it has none. */
  readonly example: string;
  /** The source file, relative to the repository. */
  readonly file: string;
}

export interface ApiGroup {
  /** The group's comment in the entry, as one line. */
  readonly comment: string;
  readonly entries: readonly ApiEntry[];
}

export interface ApiEntryPoint {
  /** The name users import: `sroi`, `sroi/xlsx`. */
  readonly entry: string;
  /** The entry's file, relative to the repository. */
  readonly file: string;
  readonly about: string;
  readonly groups: readonly ApiGroup[];
}

const ENTRIES = [
  {
    file: 'src/index.ts',
    entry: 'sroi',
    about:
      'The engine, validation, CSV, sensitivity, review and reports: pure, no file access, the same in Node and in a browser.',
  },
  {
    file: 'src/xlsx.ts',
    entry: 'sroi/xlsx',
    about:
      'Workbooks and the bytes of exported files, kept out of the core bundle because it brings the zip library ([decisions/0005-xlsx-workbooks.md](decisions/0005-xlsx-workbooks.md)): bytes in, bytes out, no file access.',
  },
] as const;

function program(): ts.Program {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(
    ENTRIES.map((e) => join(root, e.file)),
    parsed.options,
  );
}

/**
 * The first sentence of a declaration's doc comment, on one line ('' when it has none); when the
 * first paragraph is a sentence with a list, the paragraph, its items one a line.
 */
function summaryOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const paragraph = text.split(/\n\s*\n/)[0] ?? '';
  if (/\n- /.test(paragraph)) {
    return paragraph
      .split(/\n(?=- )/)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n');
  }
  const flat = text.replace(/\s+/g, ' ');
  // the first sentence: up to the first '. ' that is not inside backticks
  let inCode = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') inCode = !inCode;
    if (!inCode && c === '.' && (i === flat.length - 1 || flat[i + 1] === ' ')) {
      // an abbreviation ("e.g.", "i.e.") does not end the sentence
      if (/\b(?:e\.g|i\.e|etc|cf)$/.test(flat.slice(0, i))) continue;
      return flat.slice(0, i + 1);
    }
  }
  return flat;
}

/** The first `@example` whose result is shown, which tests/docExamples.test.ts runs. */
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
  if (symbol.flags & ts.SymbolFlags.Interface) return 'interface';
  return 'type';
}

const printer = ts.createPrinter({ removeComments: true });
const noTruncation =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * What the page shows as the shape of an export, as TypeScript prints it, comments left out
 * (Prettier lays it out with the rest of the page).
 */
function declarationOf(
  checker: ts.TypeChecker,
  name: string,
  kind: ApiEntry['kind'],
  symbol: ts.Symbol,
): string {
  const declaration = symbol.declarations?.[0];
  if (declaration === undefined) return '';
  const source = declaration.getSourceFile();
  if (kind === 'function') {
    return checker
      .getSignaturesOfType(checker.getTypeOfSymbol(symbol), ts.SignatureKind.Call)
      .map(
        (s) =>
          `declare function ${name}${checker.signatureToString(s, declaration, noTruncation)};`,
      )
      .join('\n');
  }
  if (kind === 'constant') {
    const annotated = ts.isVariableDeclaration(declaration) ? declaration.type : undefined;
    const type =
      annotated === undefined
        ? checker.typeToString(checker.getTypeOfSymbol(symbol), declaration, noTruncation)
        : printer.printNode(ts.EmitHint.Unspecified, annotated, source);
    return `declare const ${name}: ${type};`;
  }
  if (kind === 'class' && ts.isClassDeclaration(declaration)) {
    const heritage = (declaration.heritageClauses ?? [])
      .map((h) => printer.printNode(ts.EmitHint.Unspecified, h, source).trim())
      .join(' ');
    const constructors = checker
      .getSignaturesOfType(checker.getTypeOfSymbol(symbol), ts.SignatureKind.Construct)
      .map((s) => `  constructor${checker.signatureToString(s, declaration, noTruncation)};`);
    const fields = declaration.members.filter(ts.isPropertyDeclaration).flatMap((member) => {
      const modifiers = ts.getCombinedModifierFlags(member);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return [];
      const type =
        member.type === undefined
          ? checker.typeToString(checker.getTypeAtLocation(member), member, noTruncation)
          : printer.printNode(ts.EmitHint.Unspecified, member.type, source);
      const readonly = modifiers & ts.ModifierFlags.Readonly ? 'readonly ' : '';
      return [`  ${readonly}${member.name.getText(source)}: ${type};`];
    });
    const head = `declare class ${name}${heritage === '' ? '' : ` ${heritage}`} {`;
    return [head, ...fields, ...constructors.map((c) => c.replace(/: \w+;$/, ';')), '}'].join('\n');
  }
  // a type or an interface: its declaration, without `export` and without comments
  return printer.printNode(ts.EmitHint.Unspecified, declaration, source).replace(/^export /, '');
}

/**
 * The `//` comment directly above a statement (no blank line between), as one line; '' when
 * there is none. A comment separated by a blank line (the entry's header) belongs to no group.
 */
function groupCommentOf(text: string, statement: ts.Statement): string {
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  const lines: string[] = [];
  let end = statement.getStart();
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i];
    if (c === undefined || c.kind !== ts.SyntaxKind.SingleLineCommentTrivia) break;
    if ((text.slice(c.end, end).match(/\n/g) ?? []).length > 1) break;
    lines.unshift(text.slice(c.pos, c.end).replace(/^\/\/\s?/, ''));
    end = c.pos;
  }
  return lines.join(' ').trim();
}

/** The names an entry exports, in the order it writes them, under the comment above each group. */
function groupsOf(source: ts.SourceFile): { comment: string; names: string[] }[] {
  const groups: { comment: string; names: string[] }[] = [];
  const text = source.getFullText();
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    const comment = groupCommentOf(text, statement);
    if (comment !== '' || groups.length === 0) groups.push({ comment, names: [] });
    const group = groups[groups.length - 1];
    for (const element of statement.exportClause.elements) group?.names.push(element.name.text);
  }
  return groups.filter((g) => g.names.length > 0);
}

/** Every export of both entries, as the page shows them. */
export function apiEntryPoints(): ApiEntryPoint[] {
  const p = program();
  const checker = p.getTypeChecker();
  return ENTRIES.map(({ file, entry, about }) => {
    const source = p.getSourceFile(join(root, file));
    if (source === undefined) throw new Error(`${file} is not in the program`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${file} has no module symbol`);
    const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
    const groups = groupsOf(source).map(({ comment, names }) => ({
      comment,
      entries: names.map((name): ApiEntry => {
        const alias = exported.get(name);
        if (alias === undefined) throw new Error(`${file} exports no ${name}`);
        const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
        const declaration = symbol.declarations?.[0];
        const kind = kindOf(symbol);
        return {
          name,
          kind,
          summary: summaryOf(checker, symbol),
          declaration: declarationOf(checker, name, kind, symbol),
          example: exampleOf(checker, symbol),
          file:
            declaration === undefined ? file : relative(root, declaration.getSourceFile().fileName),
        };
      }),
    }));
    return { entry, file, about, groups };
  });
}

/** A group's heading: its comment up to the first colon, comma, bracket or full stop. */
export function headingOf(comment: string): string {
  return (/^(.*?)(?::\s|,\s|\s\(|\.\s|\.?$)/.exec(comment)?.[1] ?? comment).trim();
}

/** A block of code, indented under a list item. */
function codeBlock(code: string): string[] {
  return ['```ts', ...code.split('\n'), '```', ''];
}

const page = join(root, 'docs', 'api.md');

/** docs/api.md as it must be, formatted by Prettier as the rest of the code is. */
export async function apiDoc(points = apiEntryPoints()): Promise<string> {
  const lines: string[] = [
    '# API: every export, with a line and an example',
    '',
    '<!-- Written by `npm run api` from the TSDoc of each export (scripts/_apiDoc.ts); do not edit by hand. tests/apiDoc.test.ts checks it. -->',
    '',
    'sroi has two entries, `sroi` and `sroi/xlsx`. Every figure is a decimal string at full',
    'precision ([precision.md](precision.md)); every function checks its arguments and throws',
    '`SroiError` with a code for a wrong one ([security.md](security.md)). Each example below runs',
    'as a test (`tests/docExamples.test.ts`), and its result is what the function gives. Each',
    'export is shown with the first sentence of its documentation; the source file has the rest.',
    '',
  ];
  for (const point of points) {
    lines.push(`- [\`${point.entry}\`](#${point.entry.replace(/\W/g, '')})`);
    for (const group of point.groups) {
      const heading = headingOf(group.comment);
      lines.push(`  - [${heading}](#${anchorOf(heading)})`);
    }
  }
  lines.push('');
  for (const point of points) {
    lines.push(`## \`${point.entry}\``, '', `${point.about} Its file: \`${point.file}\`.`, '');
    for (const group of point.groups) {
      const heading = headingOf(group.comment);
      lines.push(`### ${heading}`, '');
      if (group.comment.replace(/\.$/, '') !== heading) lines.push(group.comment, '');
      for (const e of group.entries) {
        lines.push(`#### \`${e.name}\``, '', `${e.kind} · \`${e.file}\``, '');
        if (e.summary !== '') lines.push(e.summary, '');
        if (e.declaration !== '') lines.push(...codeBlock(e.declaration));
        if (e.example !== '') lines.push('Example:', '', ...codeBlock(e.example));
      }
    }
  }
  const markdown = `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  const options = (await resolveConfig(page)) ?? {};
  return format(markdown, { ...options, filepath: page });
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

/** Reads the file on disk, for the test. */
export function apiDocOnDisk(): string {
  return readFileSync(page, 'utf8');
}
