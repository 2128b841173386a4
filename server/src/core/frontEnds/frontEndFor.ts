import { formatOf, type TemplateFormat } from '../formats';
import type { FrontEnd } from '../languageTypes';
import { bicepFrontEnd } from './bicep/bicepFrontEnd';
import { jsonFrontEnd } from './json/jsonFrontEnd';

const FRONT_ENDS: Readonly<Record<TemplateFormat, FrontEnd>> = { json: jsonFrontEnd, bicep: bicepFrontEnd };

/** The front end of a document, chosen once from its language id or file name (formats.ts). */
export function frontEndFor(uriOrPath: string, languageId?: string): FrontEnd {
  return FRONT_ENDS[formatOf(uriOrPath, languageId)];
}
