/**
 * Builds the web app (docs/app.md): one self-contained HTML file, `dist/app/index.html`, with
 * its script, its styles and the Monte Carlo worker inline, and a Content-Security-Policy that
 * lets nothing leave the page (docs/decisions/0006-web-app.md says why each directive is what it
 * is). `npm run build` runs it after tsup; the browser tests and the `app` benchmark call
 * `buildApp()` to get the same file.
 *
 *   npx tsx scripts/build-app.ts [--out FILE] [--no-minify]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { calculateSroi } from '../src/calculateSroi.js';
import { renderHtml } from '../src/report/renderHtml.js';
import type { Metafile } from 'esbuild';

const root = join(import.meta.dirname, '..');

/** The built page and what it is made of. */
export interface BuiltApp {
  readonly html: string;
  /** Bytes of the page, and gzipped (level 9). */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes of the minified output that each input contributes (esbuild's metafile), largest first. */
  readonly parts: readonly { readonly path: string; readonly bytes: number }[];
  /** The worker's own bytes (it is inline in the page, as a string). */
  readonly workerBytes: number;
}

/** Bundles a browser entry point into one minified script; also returns esbuild's metafile. */
async function bundle(
  entry: string,
  minify: boolean,
  define: Record<string, string> = {},
): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    write: false,
    metafile: true,
    define,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  return { code, metafile: result.metafile };
}

/** The CSP source of an inline element: its text's SHA-256, base64. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The `<style>` text of the HTML report, so that the app's policy lets the report it shows and
 * prints keep its own styles (a document in a `srcdoc` frame inherits the app's policy).
 */
function reportStyle(): string {
  const html = renderHtml(
    calculateSroi({
      name: 'style',
      inputs: [{ description: 'x', value: '1' }],
      outcomes: [
        { stakeholder: 's', outcome: 'o', quantity: '1', proxy: { value: '1' }, duration: 1 },
      ],
    }),
  );
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  if (style === undefined) throw new Error('the HTML report has no <style> element');
  return style;
}

/** A closing `</script` inside the script would end the element early; `<\/` reads the same in JS. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** Options of `buildApp`. */
export interface BuildAppOptions {
  /** Minify the scripts (default true; false keeps names readable in a profile). */
  readonly minify?: boolean;
}

/** Builds the app page (does not write it). */
export async function buildApp(options: BuildAppOptions = {}): Promise<BuiltApp> {
  const minify = options.minify ?? true;
  const worker = await bundle('src/app/worker.ts', minify);
  const app = await bundle('src/app/main.ts', minify, {
    SROI_WORKER_SOURCE: JSON.stringify(worker.code),
  });
  const css = (
    await transform(readFileSync(join(root, 'src', 'app', 'app.css'), 'utf8'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  const script = inlineScript(app.code);
  const policy = [
    "default-src 'none'",
    `script-src ${hashSource(script)}`,
    `style-src ${hashSource(css)} ${hashSource(reportStyle())}`,
    'worker-src blob:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="sroi">
<title>sroi — Social Return on Investment</title>
<style>${css}</style>
</head>
<body>
<div id="app"><p class="loading">Loading sroi… (this page needs JavaScript; nothing is sent anywhere)</p></div>
<script>${script}</script>
</body>
</html>
`;
  const parts = new Map<string, number>();
  for (const meta of [app.metafile, worker.metafile]) {
    for (const output of Object.values(meta.outputs)) {
      for (const [path, input] of Object.entries(output.inputs)) {
        const key = path.replace(/^node_modules\/([^/]+)\/.*$/, 'node_modules/$1');
        parts.set(key, (parts.get(key) ?? 0) + input.bytesInOutput);
      }
    }
  }
  return {
    html,
    bytes: Buffer.byteLength(html),
    gzipBytes: gzipSync(html, { level: 9 }).length,
    parts: [...parts].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes),
    workerBytes: Buffer.byteLength(worker.code),
  };
}

/** Builds the app and writes it to `file`. */
export async function writeApp(file: string, options: BuildAppOptions = {}): Promise<BuiltApp> {
  const built = await buildApp(options);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, built.html);
  return built;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const at = process.argv.indexOf('--out');
  const file = at === -1 ? join(root, 'dist', 'app', 'index.html') : (process.argv[at + 1] ?? '');
  const built = await writeApp(file, { minify: !process.argv.includes('--no-minify') });
  process.stdout.write(
    `wrote ${relative(process.cwd(), file)}: ${kb(built.bytes)}, ${kb(built.gzipBytes)} gzipped (worker ${kb(built.workerBytes)} inline)\n`,
  );
}
