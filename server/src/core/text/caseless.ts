/** ASCII case-insensitive equality without allocating (property names are ASCII in practice). */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y || x > 127) return a.toLowerCase() === b.toLowerCase();
  }
  return true;
}
