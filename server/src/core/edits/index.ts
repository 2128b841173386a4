/** The neutral quick-fix edits rules describe; each front end writes them (frontEnds/json/jsonWriter.ts, frontEnds/bicep/bicepWriter.ts). */
export type { JsonValue, NeutralEdit, TextEdit } from './neutralEdit';
export { applyTextEdits } from './neutralEdit';
