import { EventEmitter, Uri, type Memento } from 'vscode';
import type { ServerApi } from './serverApi';

const KEY = 'vmssUpgrade.parametersFiles';

/**
 * The parameters file the user chose per template, kept in workspace state so the choice survives a
 * reload, and sent to the server again whenever it (re)starts.
 */
export class ParametersChoices {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: Memento,
    private readonly api: ServerApi,
  ) {}

  get(template: Uri): Uri | undefined {
    const chosen = this.all()[template.toString()];
    return chosen ? Uri.parse(chosen) : undefined;
  }

  async set(template: Uri, parameters: Uri | null): Promise<void> {
    const all = { ...this.all() };
    if (parameters) all[template.toString()] = parameters.toString();
    else delete all[template.toString()];
    await this.state.update(KEY, all);
    await this.api.setParametersFile(template, parameters);
    this.changed.fire(template);
  }

  /** After a (re)start the server knows no choice: tell it all of them. */
  async resend(): Promise<void> {
    for (const [template, parameters] of Object.entries(this.all()))
      await this.api.setParametersFile(Uri.parse(template), Uri.parse(parameters));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private all(): Readonly<Record<string, string>> {
    return this.state.get<Record<string, string>>(KEY, {});
  }
}
