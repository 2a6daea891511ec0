// Which files a lint run covers: paths as given, and glob patterns expanded
// here (a quoted pattern in CI reaches us unexpanded; Node 20 has no fs.glob).
// A small matcher, enough for org files: `*`, `?`, `**`, `[abc]`, `[!abc]`,
// `{a,b}`. As in shells, `*` and `?` do not match a leading dot, and `**`
// does not walk into dot folders or node_modules.
// fs.promises, read when a pattern is expanded: node:fs/promises (and the
// streams it loads) costs a few ms, which `lint org.yaml` need not pay.
import { promises as fsp } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { naturalCompare } from '../engine/natural-compare';

export const isGlob = (p: string): boolean => /[*?[{]/.test(p);

/** The regular expression for a pattern over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern.replace(/\\/g, '/'))}$`);
}

function translate(p: string): string {
  let out = '';
  let i = 0;
  const atSegmentStart = () => i === 0 || p[i - 1] === '/';
  while (i < p.length) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*' && atSegmentStart() && (i + 2 === p.length || p[i + 2] === '/')) {
      // `**/` is zero or more folders; a trailing `**` is anything below.
      if (i + 2 === p.length) out += '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?';
      else out += '(?:(?!\\.)[^/]+/)*';
      i += 3;
      continue;
    }
    if (c === '*') {
      out += (atSegmentStart() ? '(?!\\.)' : '') + '[^/]*';
      while (p[i] === '*') i++;
      continue;
    }
    if (c === '?') {
      out += (atSegmentStart() ? '(?!\\.)' : '') + '[^/]';
      i++;
      continue;
    }
    if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end > 0) {
        let body = p.slice(i + 1, end);
        const negate = body[0] === '!' || body[0] === '^';
        if (negate) body = body.slice(1);
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = end + 1;
        continue;
      }
    }
    if (c === '{') {
      const end = matchingBrace(p, i);
      if (end > 0) {
        out += `(?:${splitTopLevel(p.slice(i + 1, end))
          .map(translate)
          .join('|')})`;
        i = end + 1;
        continue;
      }
    }
    out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  return out;
}

function matchingBrace(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/**
 * The files a pattern matches, in natural order (org-1, org-2, …, org-10), as paths written the way the pattern
 * was (relative patterns give relative paths).
 */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const norm = pattern.replace(/\\/g, '/');
  const segs = norm.split('/');
  // The folder to walk from: the segments before the first one with a wildcard.
  const firstMagic = segs.findIndex(isGlob);
  const baseSegs = segs.slice(0, firstMagic);
  const base = baseSegs.join('/') + (baseSegs.length ? '/' : '');
  const rest = segs.slice(firstMagic);
  const deep = rest.includes('**') || rest.some((s) => s.includes('**'));
  const re = globToRegExp(rest.join('/'));
  const root = isAbsolute(norm) ? base || '/' : join(cwd, base);
  const out: string[] = [];

  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder that cannot be read matches nothing
    }
    entries.sort((a, b) => naturalCompare(a.name, b.name));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Linked files count; linked folders are not followed (no loops).
        const st = await fsp.stat(join(dir, e.name)).catch(() => undefined);
        isFile = st?.isFile() ?? false;
        isDir = false;
      }
      if (isFile && re.test(path)) out.push(base + path);
      if (isDir && (deep ? !e.name.startsWith('.') : depth + 1 < rest.length) && e.name !== 'node_modules') await walk(join(dir, e.name), path, depth + 1);
    }
  };
  await walk(root, '', 0);
  // Natural order (org-2 before org-10), the same on every machine.
  return out.sort(naturalCompare);
}
