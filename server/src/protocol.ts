/* eslint-disable @typescript-eslint/no-namespace -- one namespace per message (method + params + result), the vscode-eslint customMessages.ts shape */
/**
 * The custom LSP messages between the VS Code client (and, through it, the preview webview) and the
 * language server. The one contract for this boundary: the client and the webview import it with
 * `import type`, so nothing here exists at runtime except the method names.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { AdvisorGoals, AdvisorPolicy, AdvisorResult, AdvisorWhatIfInput, ImpactReport, ScaleSetInfo } from './core/languageService';

export type {
  Advice,
  AdvisorGoals,
  AdvisorPolicy,
  AdvisorRefusal,
  AdvisorResult,
  AdvisorWhatIfInput,
  Candidate,
  ImpactChange,
  ImpactReport,
  ScaleSetImpact,
  ScaleSetInfo,
} from './core/languageService';

/**
 * `vmssUpgrade/scaleSets` — request, client → server: the resolved scale sets of an open document.
 * Answers from the document version the server has; a document the client has not opened gives an
 * empty list and version -1.
 */
export namespace ScaleSetsRequest {
  export const method = 'vmssUpgrade/scaleSets' as const;
  export interface Params {
    readonly textDocument: { readonly uri: string };
  }
  export interface Result {
    /** The document version the answer was computed from. */
    readonly version: number;
    readonly scaleSets: readonly ScaleSetInfo[];
    /** The parameters file whose values were used (chosen by the client or found beside the template), if any. */
    readonly parametersUri?: string | null;
  }
}

/**
 * `vmssUpgrade/setParametersFile` — notification, client → server: use this parameters file for this
 * template (instead of the `<name>.parameters.json` or `azuredeploy.parameters.json` found beside it),
 * or go back to the automatic choice with `parametersUri: null`. The server re-checks the template.
 */
export namespace SetParametersFileNotification {
  export const method = 'vmssUpgrade/setParametersFile' as const;
  export interface Params {
    readonly templateUri: string;
    readonly parametersUri: string | null;
  }
}

/** What a template is compared with for change impact: a revision of it, another file, or the live scale set. */
export interface Baseline {
  /** Short, for lens titles and the preview: "HEAD", "main~1", "prod-vmss.json". */
  readonly label: string;
  readonly text: string;
  /** Where the text came from (chooses its format: JSON, Bicep, `az vmss show` output); the template's own when absent. */
  readonly uri?: string;
  readonly languageId?: string;
}

/**
 * `vmssUpgrade/setBaseline` — notification, client → server: compare this template with `baseline`
 * (the client reads it: git through VS Code's git extension, a file, `az vmss show` output; the server
 * runs no process), or stop comparing with `null`. The server then offers change-impact lenses.
 */
export namespace SetBaselineNotification {
  export const method = 'vmssUpgrade/setBaseline' as const;
  export interface Params {
    readonly templateUri: string;
    readonly baseline: Baseline | null;
  }
}

/**
 * `vmssUpgrade/changeImpact` — request, client → server: what deploying the open template over its
 * baseline does to each scale set (the report `vmss-upgrade diff --format json` prints). No baseline: null.
 */
export namespace ChangeImpactRequest {
  export const method = 'vmssUpgrade/changeImpact' as const;
  export interface Params {
    readonly textDocument: { readonly uri: string };
  }
  export interface Result {
    readonly version: number;
    readonly label: string | null;
    readonly report: ImpactReport | null;
  }
}

/**
 * `vmssUpgrade/advise` — request, client → server (for the preview's advisor): the policy advisor's answer
 * for one scale set of an open document, under the preview's what-if, with the editor's settings (assumed
 * capacity, failure rate) where the what-if says nothing. Null result: the document is not open.
 */
export namespace AdviseRequest {
  export const method = 'vmssUpgrade/advise' as const;
  export interface Params {
    readonly textDocument: { readonly uri: string };
    /** JSON path of the scale set, as in ScaleSetInfo.path. */
    readonly path: readonly (string | number)[];
    readonly goals: AdvisorGoals;
    readonly whatIf: AdvisorWhatIfInput;
  }
  export interface Result {
    /** The document version the advice was computed from. */
    readonly version: number;
    readonly result: AdvisorResult | null;
  }
}

/**
 * `vmssUpgrade/policyEdit` — request, client → server: the edit that writes a policy the advice evaluated
 * (for the same goals and what-if) into the scale set, as the quick fixes write (comments and layout kept).
 * Refused with a message when the document moved past `version`, the policy is not one the advice
 * evaluated, or it cannot be written safely. The client applies the edit; the server changes nothing.
 */
export namespace PolicyEditRequest {
  export const method = 'vmssUpgrade/policyEdit' as const;
  export interface Params {
    readonly textDocument: { readonly uri: string; readonly version: number };
    readonly path: readonly (string | number)[];
    readonly policy: AdvisorPolicy;
    readonly goals: AdvisorGoals;
    readonly whatIf: AdvisorWhatIfInput;
  }
  export interface Result {
    /** A versioned edit of the one document; null when refused. */
    readonly edit: WorkspaceEdit | null;
    /** Why it was refused; null with an edit. */
    readonly message: string | null;
  }
}

/**
 * `vmssUpgrade.showPreview` — the command a CodeLens carries (client-side command, executed by the
 * client): opens the preview on one scale set. Arguments: [ShowPreviewArguments].
 */
export namespace ShowPreviewCommand {
  export const command = 'vmssUpgrade.showPreview' as const;
  export interface Arguments {
    readonly uri: string;
    /** JSON path of the scale set, as in ScaleSetInfo.path. */
    readonly path: readonly (string | number)[];
    readonly name: string;
    /** The section to scroll to: a change-impact lens opens the preview at "Change impact". */
    readonly section?: 'changeImpact';
  }
}

/**
 * `vmssUpgrade.tunePolicy` — the command the "Tune rolling policy…" CodeLens carries (client-side): applies
 * the "Tune rolling policy…" code action the server offers at `range`. Arguments: [TunePolicyCommand.Arguments].
 */
export namespace TunePolicyCommand {
  export const command = 'vmssUpgrade.tunePolicy' as const;
  export interface Arguments {
    readonly uri: string;
    /** The upgradePolicy key, where the code action is offered. */
    readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  }
}

/**
 * `workspace/configuration`, section `vmssUpgrade` — request, server → client: the editor settings
 * under `vmssUpgrade.*`, typed (the client reads them with these types, the server normalises what
 * arrives). Pulled per document, cached per URI, cleared when the client says settings changed.
 */
export interface ServerSettings {
  /** Severity overrides by rule id: "error" | "warning" | "info" | "hint" | "off". */
  readonly rules: Readonly<Record<string, string>>;
  readonly inlayHints: { readonly enabled: boolean };
  readonly codeLens: { readonly enabled: boolean };
  /** Property-name suggestions: `auto` leaves them to ARM Tools and Bicep in their own language modes. */
  readonly completion: { readonly propertyNames: 'auto' | 'always' | 'never' };
  /** What the simulator assumes where the template does not say. */
  readonly whatIf: {
    /** Instances assumed when sku.capacity is unknown. */
    readonly capacity: number;
    /** Probability that one upgraded instance fails its health check, for the CodeLens halt estimate. */
    readonly failureRate: number;
  };
}
