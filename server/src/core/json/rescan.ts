import type { TextChange } from '../text/textChange';
import { scanStrictJson, type Containers } from './strictScan';

/**
 * The containers of a new version of a strict-JSON text, from the old version's and one change: only the
 * innermost object or array that encloses the change is scanned again (usually a few lines of one
 * resource), and every other container keeps its entry, moved by the change's length. The result is what
 * scanning the whole new text gives (a property test holds the two equal): the text outside that container
 * is unchanged, and a valid value in place of a valid value leaves the whole valid. Undefined when the
 * change is not strictly inside a container, or the container's new text is not strict JSON (the caller
 * scans the whole text, or takes the tolerant parser's path).
 */
export function rescanStrictJson(old: Containers, text: string, change: TextChange, maxDepth: number): Containers | undefined {
  const changeEnd = change.offset + change.removed;
  const encloses = (i: number) => old.start[i]! < change.offset && changeEnd <= old.end[i]!;
  if (old.count === 0 || !encloses(0)) return undefined;
  // Down from the root, into the child that encloses the change, as long as there is one.
  let c = 0;
  let depth = 0;
  for (;;) {
    let inner = -1;
    for (let child = c + 1; child < old.next[c]! && old.start[child]! < changeEnd; child = old.next[child]!) {
      if (encloses(child)) {
        inner = child;
        break;
      }
    }
    if (inner < 0) break;
    c = inner;
    depth++;
  }
  const delta = change.inserted - change.removed;
  const from = old.start[c]!;
  const local = scanStrictJson(text.slice(from, old.end[c]! + delta + 1), maxDepth - depth);
  if (!local) return undefined;
  const after = old.next[c]!;
  const countDelta = local.count - (after - c);
  const count = old.count + countDelta;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const next = new Int32Array(count);
  // Before the container: unchanged, except its ancestors, which close after it.
  start.set(old.start.subarray(0, c));
  end.set(old.end.subarray(0, c));
  next.set(old.next.subarray(0, c));
  for (let i = 0; i < c; i++) {
    if (old.end[i]! < from) continue;
    end[i] += delta;
    next[i] += countDelta;
  }
  for (let j = 0; j < local.count; j++) {
    start[c + j] = local.start[j]! + from;
    end[c + j] = local.end[j]! + from;
    next[c + j] = local.next[j]! + c;
  }
  for (let i = after; i < old.count; i++) {
    start[i + countDelta] = old.start[i]! + delta;
    end[i + countDelta] = old.end[i]! + delta;
    next[i + countDelta] = old.next[i]! + countDelta;
  }
  return { text, count, start, end, next };
}
