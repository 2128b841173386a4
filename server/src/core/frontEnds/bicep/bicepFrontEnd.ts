import { analyzeBicepFile } from '../../bicep/analyzeBicep';
import { parseBicep } from '../../bicep/parser';
import type { BicepFile } from '../../bicep/syntax';
import type { FrontEnd, TemplateDocument } from '../../languageTypes';
import { LineIndex } from '../../text/lineIndex';
import { bicepCompletion } from './bicepCompletion';
import { bicepCursorContext } from './bicepCursorContext';
import { writeBicepEdits } from './bicepWriter';

/**
 * The Bicep front end: the tolerant parser and evaluator (bicep/) read the file into the same model as a
 * JSON template; the document keeps the syntax tree (`syntax`: a BicepFile) for the features that read
 * text (cursor context, completion, edits). Every `.bicep` file is read: Bicep has no other kinds of file
 * to turn away.
 */
export const bicepFrontEnd: FrontEnd = {
  format: 'bicep',
  mayConcern: () => true,
  createDocument(text, options) {
    const file = parseBicep(text);
    const analysis = {
      ...(options.parametersText === undefined ? {} : { parametersText: options.parametersText }),
      ...(options.readFile ? { readFile: options.readFile } : {}),
    };
    return { text, model: analyzeBicepFile(file, text, analysis), lines: new LineIndex(text), frontEnd: bicepFrontEnd, syntax: file };
  },
  cursorContext: bicepCursorContext,
  completion: bicepCompletion,
  writeEdits: (doc: TemplateDocument, edits) => writeBicepEdits(doc.text, edits, doc.syntax as BicepFile | undefined),
  // Bicep has no JSON tree: fingerprints fall back to the flagged line (cli/sarif.ts).
  nodePaths: () => () => undefined,
  // The preview's reveal reads JSON only; in Bicep it selects the whole policy (its range comes with the scale set).
  policyPropertyRanges: () => ({}),
};
