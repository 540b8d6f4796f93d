import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from './_parseCommandArgs.js';
import { CliError, UsageError } from './_errors.js';
import { writeText } from './_writeOutput.js';
import type { Server } from 'node:http';
import type { CliIo } from './_io.js';

/**
 * Where the built app is: beside the built CLI (`dist/cli.js` → `dist/app/index.html`), or, when
 * the CLI runs from its sources, in the repository's `dist/` (after `npm run build`).
 */
const APP_FILES = ['./app/index.html', '../../dist/app/index.html'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

/** The app's HTML, from the first place it is found. */
export async function readAppHtml(): Promise<string> {
  for (const file of APP_FILES) {
    try {
      return await readFile(file, 'utf8');
    } catch {
      // not built there; try the next place
    }
  }
  throw new CliError(
    `the web app is not built (looked for ${APP_FILES.join(' and ')}); run "npm run build" in the sroi folder`,
  );
}

/**
 * Serves one page, `html`, on 127.0.0.1 at `port` (0: any free port) until the server is closed.
 * Every path answers with the page (a static host's index); nothing else is served.
 */
export async function serveApp(html: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  });
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `port ${port} is in use; give another with --port`
        : `cannot serve on 127.0.0.1:${port}: ${(error as Error).message}`,
    );
  }
  return server;
}

const DEFAULT_PORT = 8317;

/**
 * `sroi app [--out FILE]`: writes a copy of the web app (one HTML file that works offline,
 * docs/app.md). `sroi app --serve [--port N]`: serves it on 127.0.0.1 and prints the address;
 * Ctrl-C stops it.
 */
export async function appCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string', short: 'o' },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', short: 'p' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.serve && values.out !== undefined) {
    throw new UsageError('give --out or --serve, not both');
  }
  if (!values.serve && values.port !== undefined) {
    throw new UsageError('--port applies only with --serve');
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? String(DEFAULT_PORT)) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  const html = await readAppHtml();
  if (!values.serve) {
    const out = values.out ?? 'sroi-app.html';
    await writeText(io, out, html);
    io.stderr(`wrote ${out}: open it in a web browser (it works offline)\n`);
    return 0;
  }
  const server = await serveApp(html, port);
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  io.stdout(
    `sroi app: http://127.0.0.1:${actual}/ (only this computer can reach it; Ctrl-C stops it)\n`,
  );
  const stop = () => server.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await once(server, 'close');
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return 0;
}
