/**
 * The webview's link to the extension. Inside VS Code it wraps `acquireVsCodeApi()` (which may be called
 * only once); in a plain browser (tests, the dev page) a stand-in logs what would be posted, records it on
 * `window.vmssPreviewPosted` for tests, and keeps state in sessionStorage so a reload restores it.
 */
import { parseHostMessage } from './protocol';
import type { HostMessage, WebviewMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

export interface Host {
  post(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
  /** Calls `handler` with every valid message from the extension; invalid ones are ignored and logged. */
  listen(handler: (message: HostMessage) => void): void;
}

const STATE_KEY = 'vmssPreviewState';

function standIn(): VsCodeApi {
  const posted: unknown[] = [];
  (window as unknown as { vmssPreviewPosted: unknown[] }).vmssPreviewPosted = posted;
  return {
    postMessage(message) {
      posted.push(message);
      console.info('[vmss-preview] post', message);
    },
    getState() {
      const raw = sessionStorage.getItem(STATE_KEY);
      try {
        return raw === null ? undefined : JSON.parse(raw);
      } catch {
        return undefined;
      }
    },
    setState(state) {
      sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
    },
  };
}

export function createHost(): Host {
  const api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : standIn();
  const post = (message: WebviewMessage) => api.postMessage(message);
  return {
    post,
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
    listen(handler) {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const message = parseHostMessage(event.data);
        if (message) handler(message);
        else {
          const type =
            typeof event.data === 'object' && event.data !== null ? String((event.data as { type?: unknown }).type) : typeof event.data;
          console.warn('[vmss-preview] ignored an unknown or malformed message', type);
          post({ type: 'log', level: 'warn', message: `preview ignored an unknown or malformed message (type ${type.slice(0, 40)})` });
        }
      });
    },
  };
}
