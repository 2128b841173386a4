/** What the checks can find, and how one failure is told apart from another of the same kind. */
export type FailureKind =
  'crash' | 'memory' | 'hang' | 'error' | 'invalid-range' | 'corrupting-fix' | 'fix-keeps-finding' | 'unstable-diagnostics' | 'markup';

export interface Failure {
  readonly kind: FailureKind;
  readonly method: string;
  readonly detail: string;
  /** Index of the step (in the case's steps) it happened in; -1 for the opening. */
  readonly step: number;
}

/**
 * One line per distinct problem, numbers and quoted text taken out, so a hundred documents hitting the
 * same bug count as one signature (and are shrunk once).
 */
export function signature(f: Pick<Failure, 'kind' | 'method' | 'detail'>): string {
  const detail = f.detail
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 160);
  return `${f.kind} ${f.method}: ${f.kind === 'hang' || f.kind === 'crash' || f.kind === 'memory' ? '' : detail}`;
}
