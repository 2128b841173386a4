/**
 * The layers of docs/architecture.md ("Where things live"), as a check: `npm run check:layers` (part of
 * `npm test`) fails on any import the table does not allow, on any import cycle, and on a source file
 * nothing imports. To change what a folder may import, change LAYERS here and the table in the doc.
 */

const CORE = 'server/src/core/';

/**
 * The engine (server/src/core): each part and the parts it may import (besides itself and npm packages;
 * the engine's purity, no Node/DOM/vscode, is checked below and by ESLint).
 */
const LAYERS = {
  'text/': [],
  'limits.ts': [],
  'formats.ts': [],
  'catalog/': [],
  'expressions/': ['text/'],
  'model/': ['text/', 'expressions/', 'catalog/'],
  'relevance.ts': ['model/'],
  'json/': ['text/', 'limits.ts'],
  'arm/': ['text/', 'expressions/', 'catalog/', 'model/', 'json/'],
  'bicep/': ['text/', 'expressions/', 'catalog/', 'model/', 'arm/'],
  'edits/': ['text/'],
  'sim/': ['text/', 'catalog/', 'model/', 'expressions/'],
  'impact/': ['text/', 'catalog/', 'model/', 'expressions/', 'sim/'],
  'advisor/': ['text/', 'catalog/', 'model/', 'expressions/', 'sim/'],
  'rules/': ['text/', 'catalog/', 'model/', 'expressions/', 'json/', 'edits/', 'sim/'],
  'languageTypes.ts': ['text/', 'model/', 'edits/', 'rules/', 'sim/', 'formats.ts'],
  'features/': [
    'text/',
    'catalog/',
    'model/',
    'rules/',
    'sim/',
    'impact/',
    'advisor/',
    'edits/',
    'limits.ts',
    'relevance.ts',
    'languageTypes.ts',
  ],
  'frontEnds/': [
    'text/',
    'catalog/',
    'model/',
    'json/',
    'arm/',
    'bicep/',
    'edits/',
    'limits.ts',
    'formats.ts',
    'relevance.ts',
    'languageTypes.ts',
  ],
  'languageService.ts': ['features/', 'frontEnds/', 'languageTypes.ts', 'relevance.ts', 'rules/', 'edits/', 'advisor/', 'formats.ts'],
};

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const corePath = (part) => `^${escapeRegex(CORE + part)}${part.endsWith('/') ? '' : '$'}`;

/** What the adapters may use of the engine: its public entry points, never its parts. */
const ENGINE_API = [
  'languageService.ts',
  'languageTypes.ts',
  'rules/index.ts',
  'sim/index.ts',
  'impact/index.ts',
  'advisor/index.ts',
  'model/',
  'text/',
  'limits.ts',
  'relevance.ts',
].map(corePath);

const engineRules = Object.entries(LAYERS).map(([part, allowed]) => ({
  name: `core-${part.replace(/[/.]/g, '-').replace(/-$/, '')}`,
  comment: `server/src/core/${part} may import only ${allowed.length ? allowed.map((a) => `core/${a}`).join(', ') : 'itself'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: corePath(part) },
  to: { path: `^${escapeRegex(CORE)}`, pathNot: [corePath(part), ...allowed.map(corePath)] },
}));

module.exports = {
  forbidden: [
    ...engineRules,
    {
      name: 'core-is-pure',
      comment: 'The engine imports no Node built-in, no vscode, no LSP connection (types from vscode-languageserver-types only)',
      severity: 'error',
      from: { path: `^${escapeRegex(CORE)}` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-editor-packages',
      severity: 'error',
      from: { path: `^${escapeRegex(CORE)}` },
      to: { path: 'node_modules/(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)/' },
    },
    {
      name: 'core-imports-no-adapter',
      comment: 'The engine knows nothing of the adapters that use it',
      severity: 'error',
      from: { path: `^${escapeRegex(CORE)}` },
      to: { path: '^(server/src/(lsp|cli|host)/|server/src/protocol\\.ts|client/|webview/)' },
    },
    {
      name: 'lsp-uses-engine-api-host-protocol',
      comment: 'server/src/lsp: the engine through its public entry points, host/, protocol.ts; never the CLI or the client',
      severity: 'error',
      from: { path: '^server/src/lsp/' },
      to: { path: '^(server/src/(cli|core)/|client/|webview/)', pathNot: ENGINE_API },
    },
    {
      name: 'cli-uses-engine-api-host',
      comment: 'server/src/cli: the engine through its public entry points, host/; never the language server or the client',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '^(server/src/(lsp|core)/|server/src/protocol\\.ts|client/|webview/)', pathNot: ENGINE_API },
    },
    {
      name: 'host-is-node-only',
      comment:
        'server/src/host: file reading, parameters discovery, config lookup; imports formats.ts of the engine and nothing else of ours',
      severity: 'error',
      from: { path: '^server/src/host/' },
      to: { path: '^(server/src/(lsp|cli|core)/|server/src/protocol\\.ts|client/|webview/)', pathNot: [corePath('formats.ts')] },
    },
    {
      name: 'protocol-is-types',
      comment: 'server/src/protocol.ts: the client/server contract, types from the engine facade only',
      severity: 'error',
      from: { path: '^server/src/protocol\\.ts$' },
      to: { path: '^(server/|client/|webview/)', pathNot: [corePath('languageService.ts')] },
    },
    {
      name: 'client-uses-protocols-engine-api',
      comment:
        'client/: the server only through protocol.ts, the webview only through its protocol.ts, the engine through its public entry points, host/decodeText',
      severity: 'error',
      from: { path: '^client/' },
      to: {
        path: '^(server/|webview/)',
        pathNot: ['^server/src/protocol\\.ts$', '^webview/src/protocol\\.ts$', '^server/src/host/decodeText\\.ts$', ...ENGINE_API],
      },
    },
    {
      name: 'webview-uses-simulator-text',
      comment:
        'webview/: the simulator, the policy advisor (its types and table text) and the markdown helpers of the engine; nothing of the client or the server',
      severity: 'error',
      from: { path: '^webview/' },
      to: { path: '^(server/|client/)', pathNot: [corePath('sim/'), corePath('text/'), corePath('advisor/index.ts')] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (type-only imports included)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A source file nothing imports is dead code (entry points and declarations excepted)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '^server/src/lsp/server\\.ts$',
          '^server/src/cli/main\\.ts$',
          '^server/src/cli/bin\\.ts$',
          '^client/src/extension\\.ts$',
          '^webview/src/main\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
