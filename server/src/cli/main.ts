// The `vmss-upgrade` command line: argv → subcommand → exit code. Errors are one line on stderr, exit 2.
import type { CliCommand } from './commands';
import { adviseCommand } from './commands/advise';
import { diffCommand } from './commands/diff';
import { lintCommand } from './commands/lint';
import { scanCommand } from './commands/scan';
import { simulateCommand } from './commands/simulate';
import { CliError, type CliIo } from './io';

const COMMANDS: readonly CliCommand[] = [scanCommand, lintCommand, simulateCommand, diffCommand, adviseCommand];

declare const VERSION: string | undefined;

function usage(): string {
  const lines = ['Usage: vmss-upgrade <command> [options]', '', 'Commands:'];
  for (const command of COMMANDS) lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
  lines.push('', "Run `vmss-upgrade <command> --help` for a command's options.");
  return lines.join('\n') + '\n';
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${typeof VERSION === 'string' ? VERSION : 'dev'}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`vmss-upgrade: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`vmss-upgrade ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`vmss-upgrade ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    cwd: process.cwd(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
