import type { Diagnostic, Uri } from 'vscode';
import { DocumentDiagnosticReportKind, DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';
import type {
  Baseline,
  ChangeImpactRequest,
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
    diagnostics: async (uri) => {
      const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri.toString() } });
      return report.kind === DocumentDiagnosticReportKind.Full ? await client.protocol2CodeConverter.asDiagnostics(report.items) : [];
    },
  };
}
