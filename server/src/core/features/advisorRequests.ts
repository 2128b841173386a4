/**
 * The preview's policy advisor: the advice for one scale set of a document (found by its JSON path, the
 * preview's identity of a scale set), computed with the editor's what-if defaults under the preview's own
 * what-if; and the edits that write a policy the user picked from that advice into the template.
 *
 * A policy is written only when it is one the advisor evaluated for the same goals and what-if: the server
 * runs the advice again rather than trusting a policy from a message, so what is written is always a policy
 * the simulator scored, within the API's ranges and the apiVersion's properties.
 */
import { advisePolicy, advisorWhatIf, samePolicy } from '../advisor';
import type { TextEdit } from 'vscode-languageserver-types';
import type { AdvisorGoals, AdvisorPolicy, AdvisorResult, AdvisorWhatIfInput } from '../advisor';
import type { TemplateDocument } from '../languageTypes';
import { scaleSetAtPath } from '../model/scaleSetAt';
import { editorWhatIf, type EditorWhatIfDefaults } from './displayFacts';
import { policyEdits } from './tunePolicy';

/** The editor's what-if settings (assumed capacity, failure rate); the preview's what-if wins over them. */
export type AdviseAtOptions = EditorWhatIfDefaults;

/** The edits (as the quick fixes' writer wrote them, keeping comments and layout), or why there are none. */
export type PolicyEditResult =
  | { readonly kind: 'edits'; readonly edits: readonly TextEdit[]; readonly policy: AdvisorPolicy }
  | { readonly kind: 'refused'; readonly message: string };

/** The advice for the scale set at `path`; an invalidInput refusal when the document has none there (it changed). */
export function adviseAt(
  doc: TemplateDocument,
  path: readonly (string | number)[],
  goals: AdvisorGoals,
  whatIf: AdvisorWhatIfInput,
  o: AdviseAtOptions = {},
): AdvisorResult {
  const scaleSet = scaleSetAtPath(doc.model.scaleSets, path);
  if (!scaleSet) return { kind: 'invalidInput', message: 'the template has no scale set there any more; open the preview on it again' };
  const mapped = advisorWhatIf(whatIf);
  if (typeof mapped === 'string') return { kind: 'invalidInput', message: mapped };
  // A message carries JSON: a goal that is not a number is refused here, not coerced by a comparison.
  const notNumber = Object.entries(goals).find(([, v]) => v !== undefined && typeof v !== 'number');
  if (notNumber) return { kind: 'invalidInput', message: `the goal ${notNumber[0]} must be a number` };
  return advisePolicy(scaleSet, goals, { ...editorWhatIf(scaleSet, o), ...mapped });
}

/** The edits that write `policy` into the scale set at `path`, when the advice for these goals and what-if evaluated it. */
export function policyEditsAt(
  doc: TemplateDocument,
  path: readonly (string | number)[],
  policy: AdvisorPolicy,
  goals: AdvisorGoals,
  whatIf: AdvisorWhatIfInput,
  o: AdviseAtOptions = {},
): PolicyEditResult {
  const refused = (message: string): PolicyEditResult => ({ kind: 'refused', message });
  const advice = adviseAt(doc, path, goals, whatIf, o);
  if (advice.kind !== 'advice') return refused(`${advice.message.charAt(0).toUpperCase()}${advice.message.slice(1)}.`);
  const scaleSet = scaleSetAtPath(doc.model.scaleSets, path)!;
  const chosen = advice.evaluated.find((c) => samePolicy(c.policy, policy));
  if (!chosen) return refused('That policy is not one the advisor evaluated for these goals; the advice has changed, so pick again.');
  if (samePolicy(chosen.policy, advice.current.policy)) return refused('That is the template’s policy already: nothing to write.');
  const neutral = policyEdits(scaleSet, advice, chosen.policy);
  const written = neutral && doc.frontEnd.writeEdits(doc, neutral);
  if (!written || written.length === 0)
    return refused(
      'The policy cannot be written safely here: a value it changes comes from a parameter or an expression, or the text around it does not parse.',
    );
  return { kind: 'edits', edits: written.map((e) => doc.lines.textEditOf(e)), policy: chosen.policy };
}
