import { window, type OutputChannel } from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** More crashes than this within the window and the server stays down (something is badly wrong). */
const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the language server whenever its process dies, and tells the user once per session (with a
 * button to the log). Gives up, and says so, after MAX_RESTARTS crashes in WINDOW_MS.
 */
export class RestartPolicy implements ErrorHandler {
  private readonly crashes: number[] = [];
  private notified = false;

  constructor(
    private readonly output: OutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few read or write errors in a row are survivable; more mean a broken pipe: shut down, and
    // closed() restarts the server.
    return { action: count !== undefined && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      const message = `The VMSS Upgrade Policy language server stopped ${this.crashes.length} times in 3 minutes and will not be restarted. Run "VMSS: Restart Language Server" after checking the log.`;
      this.output.appendLine(message);
      void this.tell(message, true);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.appendLine(`The language server stopped unexpectedly; restarting it (${this.crashes.length} in the last 3 minutes).`);
    if (!this.notified) {
      this.notified = true;
      void this.tell('The VMSS Upgrade Policy language server stopped unexpectedly and was restarted.', false);
    }
    return { action: CloseAction.Restart, handled: true };
  }

  private async tell(message: string, isError: boolean): Promise<void> {
    const show = isError ? window.showErrorMessage : window.showWarningMessage;
    if ((await show(message, 'Show Log')) === 'Show Log') this.output.show(true);
  }
}
