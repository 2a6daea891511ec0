// Shared by the lint tests: run the built binary, find fixtures, parse XML back.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE } from '../e2e/run';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/sales-audit.js');
export const FIX = join(ROOT, 'test/fixtures/lint');
export const DATE = '2026-11-27';
export { NODE };
export const MULTITOOL = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
export const SARIF_SCHEMA = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

if (!existsSync(join(ROOT, 'dist/cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(NODE, [BIN, ...args], { cwd: opts.cwd ?? FIX, env: env as NodeJS.ProcessEnv, input: '', encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of the lint fixtures (for tests that add files or configs). */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-lint-'));
  cpSync(FIX, dir, { recursive: true });
  return dir;
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)));

/**
 * A strict little XML parser, enough to read JUnit back: it throws on a tag
 * that does not close, an unknown entity, a bare `<` or `&`, or text after the
 * root element.
 */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at offset ${i}`);
  };
  const skipProlog = () => {
    if (xml.startsWith('<?xml', i)) i = xml.indexOf('?>', i) + 2;
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const checkText = (t: string) => {
    if (t.includes('<')) fail('bare <');
    for (const m of t.matchAll(/&([^;\s]*);?/g)) if (!/^(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos)$/i.test(m[1]!) || !m[0].endsWith(';')) fail(`bad entity ${m[0]}`);
    return decode(t);
  };
  const element = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/.exec(xml.slice(i));
    if (!open) fail('expected an element');
    i += open![0].length;
    const node: XmlNode = { name: open![1]!, attrs: {}, children: [], text: '' };
    for (const a of open![2]!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
      if (a[1]! in node.attrs) fail(`duplicate attribute ${a[1]}`);
      node.attrs[a[1]!] = checkText(a[2]!);
    }
    if (open![3]) return node;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`<${node.name}> never closes`);
      node.text += checkText(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith(`</${node.name}>`, i)) {
        i += node.name.length + 3;
        return node;
      }
      if (xml.startsWith('</', i)) fail(`mismatched close inside <${node.name}>`);
      node.children.push(element());
    }
  };
  skipProlog();
  const root = element();
  if (xml.slice(i).trim()) fail('text after the root element');
  return root;
}

export const childrenNamed = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
