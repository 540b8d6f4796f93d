/**
 * The command line, as a function of its arguments and an I/O object, so that tests can run it
 * without spawning a process. `main.ts` wires it to the real process.
 */
import { calculateCommand } from './calculateCommand.js';
import { exportCommand } from './exportCommand.js';
import { checkCommand } from './checkCommand.js';
import { diffCommand } from './diffCommand.js';
import { reportCommand } from './reportCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { templateCommand } from './templateCommand.js';
import { validateCommand } from './validateCommand.js';
import { sensitivityCommand } from './sensitivityCommand.js';
import { simulateCommand } from './simulateCommand.js';
import { appCommand } from './appCommand.js';
import { CliError, UsageError } from './_errors.js';
import { HELP, VERSION, helpOf } from './_help.js';
import { terminalIo } from './_terminal.js';
import type { CliIo } from './_io.js';

/**
 * Runs the CLI and returns its exit code: 0 success, 1 invalid input, 2 usage, 3 a bug. Text
 * for the terminal passes through `terminalSafe` (`_terminal.ts`) on its way to `given`.
 */
export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  const io = terminalIo(given);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      const help = topic === undefined ? HELP.main : helpOf(topic);
      if (help === undefined) throw new UsageError(`no help on "${topic}": it is not a command`);
      io.stdout(help);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      const help = helpOf(command);
      if (help === undefined) throw new UsageError(`unknown command "${command}"`);
      io.stdout(help);
      return 0;
    }
    switch (command) {
      case 'calculate':
        return await calculateCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case 'schema':
        return await schemaCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'sensitivity':
        return await sensitivityCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'app':
        return await appCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sroi: ${error.message}\nRun "sroi --help" for usage.\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`sroi: ${error.message}\n`);
      return 1;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `sroi: internal error — this is a bug in sroi, please report it with the command you ran.\n${stack}\n`,
    );
    return 3;
  }
}
