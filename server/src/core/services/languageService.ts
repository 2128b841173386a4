import { doComplete } from './armCompletion';
import { getCodeActions, resolveCodeAction } from './armCodeActions';
import { getCodeLenses, resolveCodeLens } from './armCodeLens';
import { toDiagnostics } from './armDiagnostics';
import { createArmDocument, isScaleSetDocument } from './armDocument';
import { doHover } from './armHover';
import { getInlayHints } from './armInlayHints';
import { describeScaleSets } from './armScaleSets';
import { findDocumentSymbols } from './armSymbols';
import { findProblems } from './armValidation';

/**
 * The language features of the engine behind one facade, as vscode-json-languageservice's
 * getLanguageService(): each takes an ArmDocument (parsed and analysed once per version) and returns
 * LSP-shaped plain objects. Adapters (the LSP server, tests, benchmarks) call only these.
 */
export function getLanguageService() {
  return Object.freeze({
    createDocument: createArmDocument,
    isScaleSetDocument,
    doComplete,
    doHover,
    findProblems,
    toDiagnostics,
    getCodeActions,
    resolveCodeAction,
    getCodeLenses,
    resolveCodeLens,
    getInlayHints,
    findDocumentSymbols,
    describeScaleSets,
  });
}

export type LanguageService = ReturnType<typeof getLanguageService>;
export type { ArmDocument } from './armDocument';
