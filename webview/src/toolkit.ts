/**
 * The only module that touches @vscode/webview-ui-toolkit (deprecated upstream since 2025, see
 * anchors-code.md §2): it registers the components the preview uses and builds them. Swapping to another
 * kit, or to plain elements, changes this file only. Views get elements back and never name a tag.
 * The toolkit's badge and progress ring bind inline `style` attributes, which the CSP (rightly) blocks,
 * so those two are plain elements styled with theme variables.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());
}

export interface ButtonOptions {
  readonly appearance?: 'primary' | 'secondary';
  readonly title?: string;
  readonly testId?: string;
}

export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  b.setAttribute('appearance', options.appearance ?? 'secondary');
  if (options.title) b.setAttribute('title', options.title);
  if (options.testId) b.dataset.testid = options.testId;
  b.addEventListener('click', onClick);
  return b;
}

/** A select; `onChange` gets the chosen value. `label` becomes the accessible name. */
export function dropdown(
  label: string,
  values: readonly { value: string; text: string }[],
  selected: string,
  onChange: (value: string) => void,
  testId?: string,
): HTMLElement {
  const d = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  d.setAttribute('aria-label', label);
  if (testId) d.dataset.testid = testId;
  for (const v of values) {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', v.value);
    o.textContent = v.text;
    if (v.value === selected) o.setAttribute('selected', '');
    d.append(o);
  }
  d.addEventListener('change', () => onChange(d.value));
  return d;
}

/** A text field with a visible label; `onInput` fires on every edit with the raw text. */
export function textField(label: string, value: string, onInput: (text: string) => void, testId?: string): HTMLElement {
  const f = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  f.setAttribute('value', value);
  f.setAttribute('size', '8');
  if (testId) f.dataset.testid = testId;
  f.textContent = label;
  f.addEventListener('input', () => onInput(f.value));
  f.addEventListener('change', () => onInput(f.value));
  return f;
}

export function setInvalid(field: HTMLElement, invalid: boolean, message: string): void {
  field.classList.toggle('invalid', invalid);
  if (invalid) field.setAttribute('title', message);
  else field.removeAttribute('title');
  field.setAttribute('aria-invalid', String(invalid));
}

export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void, testId?: string): HTMLElement {
  const c = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  c.textContent = label;
  if (checked) c.setAttribute('checked', '');
  if (testId) c.dataset.testid = testId;
  c.addEventListener('change', () => onChange(c.checked));
  return c;
}

export function badge(text: string): HTMLElement {
  const b = document.createElement('span');
  b.className = 'badge';
  b.textContent = text;
  return b;
}

/** An indeterminate spinner (CSS animation only). */
export function progressRing(label: string): HTMLElement {
  const p = document.createElement('span');
  p.className = 'spinner';
  p.setAttribute('role', 'progressbar');
  p.setAttribute('aria-label', label);
  return p;
}
