import type { RValue } from '../model/templateModel';

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
export function showValue(value: RValue): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
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
      return value.unknown.expression || 'an unknown value';
  }
}
