/**
 * Runs `fn` in a new task, after pending input and paint: through a MessageChannel, because setTimeout(0) is
 * clamped to 4 ms once nested, which would slow the Monte Carlo slices and the deferred controls down.
 */
export function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(0);
}
