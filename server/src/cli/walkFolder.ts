import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const TEMPLATE_FILE = /\.(json|jsonc|bicep)$/;

/**
 * The template-like files under `root` (*.json, *.jsonc, *.bicep, names matched case-sensitively), as paths
 * relative to it with `/` between folders. One `readdir` per folder, with the entries' types, and a `stat`
 * only for symbolic links: the glob library this replaces (tinyglobby) cost about 15 ms on a folder of 300.
 * The same files it found: hidden files and folders (a leading `.`) and `node_modules` are skipped, links
 * to files and folders are followed (a broken link is skipped), a folder that cannot be read is skipped.
 * A link to a folder the walk is inside of is not followed (a loop; tinyglobby went round it once more).
 */
export function walkTemplateFiles(root: string): string[] {
  const out: string[] = [];
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    return out;
  }
  // The real paths of the folders the walk is inside of, to stop at a link back to one of them.
  const inside: string[] = [];
  const walk = (dir: string, real: string, prefix: string) => {
    inside.push(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.charCodeAt(0) === 46 /* . */ || name === 'node_modules') continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      const path = join(dir, name);
      let targetReal = join(real, name);
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
          if (isDirectory) targetReal = realpathSync(path);
        } catch {
          continue;
        }
        if (isDirectory && inside.includes(targetReal)) continue;
      }
      if (isDirectory) walk(path, targetReal, `${prefix}${name}/`);
      else if (isFile && TEMPLATE_FILE.test(name)) out.push(prefix + name);
    }
    inside.pop();
  };
  walk(root, rootReal, '');
  return out;
}
