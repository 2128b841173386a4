// The VMSS Upgrade Policy language server. Any LSP client can start it:
//   node dist/server.js --stdio        (Neovim, Emacs, Helix, …)
//   node dist/server.js --node-ipc     (VS Code's language client)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

/** The extension's version, from the package.json that ships one level above dist/. */
function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const version = readVersion();

const HELP = `vmss-upgrade language server ${version}

Usage: node server.js --stdio | --node-ipc | --socket=<port> | --pipe=<name>

Speaks the Language Server Protocol for ARM templates, parameters files, REST bodies and
'az vmss show' output: diagnostics, completion, hover, code actions, CodeLens, inlay hints,
document symbols. Settings are read from the client under 'vmssUpgrade.*' and from the
workspace's .vmss-upgrade.json.

Options:
  --stdio          talk LSP over stdin/stdout
  --node-ipc       talk LSP over Node IPC (when started by a Node client)
  --socket=<port>  talk LSP over a TCP socket
  --version        print the version and exit
  --help           print this help and exit
`;

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${version}\n`);
} else if (argv.includes('--help') || argv.includes('-h') || !argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stdout.write(HELP);
  if (!argv.includes('--help') && !argv.includes('-h')) process.exitCode = 2;
} else {
  // Rule pages ship beside dist/ (docs/rules/<id>.md); link to them as files so they open offline (else
  // the engine links to the published pages).
  const rulesDir = join(__dirname, '..', 'docs', 'rules');
  const docsBase = existsSync(rulesDir) ? `${pathToFileURL(rulesDir).toString()}/` : undefined;
  startServer(createConnection(ProposedFeatures.all), { name: 'vmss-upgrade', version, docsBase });
}
