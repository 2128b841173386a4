export type { JsonValue, NeutralEdit, TextEdit } from './neutralEdit';
export { applyTextEdits } from './neutralEdit';
export { applyNeutralEdits, writeJsonEdits } from './jsonWriter';
export { inferFormatting } from './formatting';
