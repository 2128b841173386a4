/**
 * The preview in a plain browser, for looking at it while working on it: `npm run build`, then
 * `node --import tsx test/webview/devServer.ts [port]` and open the printed URL
 * (`?theme=light|dark|high-contrast`, `&fixture=document|faulted` from test/fixtures/webview/).
 */
import { serve } from './harness';

const port = Number(process.argv[2] ?? 5178);
void serve({ dev: true, port }).then((s) => {
  console.log(`preview dev page: ${s.origin}/?theme=dark&fixture=document`);
});
