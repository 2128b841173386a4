import type { RValue, TemplateModel } from '../model/templateModel';
import { clipText } from '../text/clip';
import { MESSAGE_QUOTE_MAX } from './messageText';
import type { RelatedInformation } from './ruleTypes';

/** Template text as a message quotes it: at most `max` characters, cut with "…" (a hover quotes more: DISPLAY_QUOTE_MAX). */
export function clip(text: string, max = MESSAGE_QUOTE_MAX): string {
  return clipText(text, max);
}

/** The other place that set a value (the parameter's declaration), for the finding's relatedInformation. */
export function originRelated(model: TemplateModel, value: RValue): RelatedInformation[] {
  if (value.source !== 'default' && value.source !== 'parametersFile') return [];
  const name = /parameters\(\s*'([^']*)'\s*\)/i.exec(value.expression ?? '')?.[1];
  if (name === undefined) return [];
  const parameter = model.parameters.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!parameter) return [];
  return [
    {
      span: parameter.keySpan,
      message:
        value.source === 'default'
          ? `Parameter '${clip(name)}': its default value sets this.`
          : `Parameter '${clip(name)}': the parameters file sets this value.`,
    },
  ];
}

/** Where a value that is not written literally came from, as a sentence for the details ("" for literals). */
export function originSentence(value: RValue): string {
  const note = originNote(value).trim();
  return note ? `${note.slice(1, 2).toUpperCase()}${note.slice(2, -1)}.` : '';
}

/**
 * Says where a value that is not written literally came from, so a finding on `[parameters('x')]`
 * explains itself: " (the value comes from the default value of parameter 'x')". Empty for literals.
 */
export function originNote(value: RValue): string {
  const expression = value.expression ?? '';
  const parameter = /parameters\(\s*'([^']*)'\s*\)/i.exec(expression)?.[1];
  const variable = /variables\(\s*'([^']*)'\s*\)/i.exec(expression)?.[1];
  switch (value.source) {
    case 'default':
      return parameter
        ? ` (the value comes from the default value of parameter '${parameter}')`
        : ' (the value comes from a parameter default)';
    case 'parametersFile':
      return parameter
        ? ` (the value comes from parameter '${parameter}' in the parameters file)`
        : ' (the value comes from the parameters file)';
    case 'variable':
      return variable ? ` (the value comes from variable '${variable}')` : ' (the value comes from a variable)';
    case 'expression':
      return expression ? ` (the value is computed by ${expression})` : '';
    default:
      return '';
  }
}

/** A value as a message shows it: numbers and booleans bare, strings quoted, containers by kind. */
export function showValue(value: RValue, max = MESSAGE_QUOTE_MAX): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(clip(value.value, max));
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'unknown':
      return value.unknown.expression ? clip(value.unknown.expression, max) : 'an unknown value';
  }
}
