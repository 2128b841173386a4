import { Uri, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { readServerSettings, SECTION } from './settings';

const LANGUAGES = ['json', 'jsonc', 'arm-template', 'bicep'] as const;
/** Real files, unsaved buffers, and virtual workspaces (GitHub Repositories). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Every document the server may be interested in; it ignores what is not a template, cheaply. */
export const DOCUMENT_SELECTOR: readonly { scheme: string; language?: string; pattern?: string }[] = [
  ...SCHEMES.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language }))),
  // Bicep files and their parameters when the Bicep extension (which owns the language ids) is not installed.
  ...SCHEMES.map((scheme) => ({ scheme, pattern: '**/*.{bicep,bicepparam}' })),
];

/**
 * The client for `dist/server.js` over Node IPC. Settings are answered from typed `vmssUpgrade.*`
 * reads; the server's log goes to `output`; `vmssUpgrade.trace.server` traces the protocol there too.
 */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    outputChannel: output,
    errorHandler: new RestartPolicy(output),
    diagnosticCollectionName: 'vmss-upgrade',
    // Hovers and completion documentation quote the template (rendered markup-safe by the server's
    // text/markdown.ts): their markdown may not run commands, render HTML or turn `$(…)` into icons.
    markdown: { isTrusted: false, supportHtml: false, supportThemeIcons: false },
    middleware: {
      workspace: {
        configuration: (params, token, next) => {
          // Answer our section from typed settings; anything else goes the default way.
          if (params.items.every((item) => item.section === SECTION)) {
            return params.items.map((item) => readServerSettings(item.scopeUri ? Uri.parse(item.scopeUri) : undefined));
          }
          return next(params, token);
        },
      },
    },
  };
  return new LanguageClient(SECTION, 'VMSS Upgrade Policy', serverOptions, clientOptions);
}
