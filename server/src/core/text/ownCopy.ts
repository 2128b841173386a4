/**
 * A copy of a substring that does not keep the text it was cut from alive. V8 makes a substring of 13
 * characters or more a "sliced string" that points into its parent, so one property name kept by a model
 * keeps a whole 6 MB version of the document in memory. The language server carries models over from one
 * version to the next (arm/reuseAnalysis.ts), so without copies every edited version stayed reachable through
 * a few names and values (55 old texts, 345 MB, in a heap snapshot after a burst of edits). Concatenating makes
 * a rope, and slicing the rope flattens it into a new string: the result points at that copy, not the parent.
 * The lazy tree copies only in later versions of a large text, whose models the server carries over
 * (json/lazyTree.ts: stringValue). The copy is two strings (the flattened rope and a slice of it), not one.
 */
export function ownCopy(sub: string): string {
  return sub.length < 13 ? sub : (' ' + sub).slice(1);
}
