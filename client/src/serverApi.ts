import { workspace, type Diagnostic, type Uri } from 'vscode';
import { DocumentDiagnosticReportKind, DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';
import type {
  AdviseRequest,
  Baseline,
  ChangeImpactRequest,
  PolicyEditRequest,
  ScaleSetsRequest,
  SetBaselineNotification,
  SetParametersFileNotification,
} from '../../server/src/protocol';

/** The custom and on-demand requests the client sends, typed by server/src/protocol.ts. */
export interface ServerApi {
  /** The resolved scale sets of an open document (empty when it is not a template). */
  scaleSets(uri: Uri): Promise<ScaleSetsRequest.Result>;
  /** Uses this parameters file for the template; null goes back to the automatic choice. */
  setParametersFile(template: Uri, parameters: Uri | null): Promise<void>;
  /** Compares the template with this baseline (lenses, preview); null stops comparing. */
  setBaseline(template: Uri, baseline: Baseline | null): Promise<void>;
  /** The change impact of an open template against its baseline. */
  changeImpact(uri: Uri): Promise<ChangeImpactRequest.Result>;
  /** The policy advisor's answer for one scale set (the preview's advisor). */
  advise(uri: Uri, params: Omit<AdviseRequest.Params, 'textDocument'>): Promise<AdviseRequest.Result>;
  /** Writes a policy the advice evaluated into the template (through VS Code, so it is one undoable edit); the refusal's message, else null. */
  applyPolicy(uri: Uri, version: number, params: Omit<PolicyEditRequest.Params, 'textDocument'>): Promise<string | null>;
  /** Pulls the diagnostics of an open document (used for documents shown in no editor). */
  diagnostics(uri: Uri): Promise<Diagnostic[]>;
}

export function createServerApi(client: LanguageClient): ServerApi {
  return {
    scaleSets: (uri) =>
      client.sendRequest<ScaleSetsRequest.Result>(
        'vmssUpgrade/scaleSets' satisfies typeof ScaleSetsRequest.method,
        { textDocument: { uri: uri.toString() } } satisfies ScaleSetsRequest.Params,
      ),
    setParametersFile: (template, parameters) =>
      client.sendNotification(
        'vmssUpgrade/setParametersFile' satisfies typeof SetParametersFileNotification.method,
        { templateUri: template.toString(), parametersUri: parameters?.toString() ?? null } satisfies SetParametersFileNotification.Params,
      ),
    setBaseline: (template, baseline) =>
      client.sendNotification(
        'vmssUpgrade/setBaseline' satisfies typeof SetBaselineNotification.method,
        { templateUri: template.toString(), baseline } satisfies SetBaselineNotification.Params,
      ),
    changeImpact: (uri) =>
      client.sendRequest<ChangeImpactRequest.Result>(
        'vmssUpgrade/changeImpact' satisfies typeof ChangeImpactRequest.method,
        { textDocument: { uri: uri.toString() } } satisfies ChangeImpactRequest.Params,
      ),
    advise: (uri, params) =>
      client.sendRequest<AdviseRequest.Result>(
        'vmssUpgrade/advise' satisfies typeof AdviseRequest.method,
        { textDocument: { uri: uri.toString() }, ...params } satisfies AdviseRequest.Params,
      ),
    applyPolicy: async (uri, version, params) => {
      const result = await client.sendRequest<PolicyEditRequest.Result>(
        'vmssUpgrade/policyEdit' satisfies typeof PolicyEditRequest.method,
        { textDocument: { uri: uri.toString(), version }, ...params } satisfies PolicyEditRequest.Params,
      );
      if (!result.edit) return result.message ?? 'The policy could not be written.';
      const applied = await workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
      return applied ? null : 'VS Code did not apply the edit (the template changed meanwhile); the preview advises again.';
    },
    diagnostics: async (uri) => {
      const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri.toString() } });
      return report.kind === DocumentDiagnosticReportKind.Full ? await client.protocol2CodeConverter.asDiagnostics(report.items) : [];
    },
  };
}
