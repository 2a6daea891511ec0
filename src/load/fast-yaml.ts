// The fast read path: js-yaml parses a typical org file several times faster
// than the `yaml` library from a cold start, which matters for a CLI run once
// per audit. It only handles plain documents; anything unusual (a syntax error,
// duplicate keys, anchors, aliases, tags, directives, explicit keys, or a
// structure whose positions it cannot rebuild) returns undefined, and the
// caller falls back to the `yaml` path, which owns every diagnostic. Values
// follow YAML 1.2 core-schema rules exactly as the `yaml` library resolves
// them, so both paths load the same data.
import { FAILSAFE_SCHEMA, load, Type, type State } from 'js-yaml';
import { formatPath, type Segment } from '../model/paths';
import type { Location } from './diagnostics';
import { MAX_DEPTH } from './limits';
import { PositionMap, type Place } from './positions';

// The `yaml` library's core-schema scalars (yaml/dist/schema/core), tried in its
// order. js-yaml keeps one type per tag, so each tag's variants share one test.
const INT = [/^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/];
const FLOAT = [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
const scalar = (tag: string, tests: RegExp[], construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => s !== null && tests.some((t) => t.test(s)), construct });
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    // An empty plain scalar never reaches a resolver: js-yaml gives null itself.
    scalar('null', [/^(?:~|[Nn]ull|NULL)$/], () => null),
    scalar('bool', [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/], (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', INT, (s) => (s[1] === 'o' ? parseInt(s.substring(2), 8) : s[1] === 'x' ? parseInt(s.substring(2), 16) : parseInt(s, 10))),
    scalar('float', FLOAT, (s) => (FLOAT[0]!.test(s) ? (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : parseFloat(s))),
  ],
});

// Features the fast path leaves to the `yaml` library: anchors, aliases, tags,
// explicit keys (`? `), merge keys (`<<:`), directives (`%YAML`) and tabs. A
// false alarm (say "*note" in free text) only costs the slower path; a second
// document or a syntax error makes js-yaml throw, which falls back too.
const UNUSUAL = /(?:^|[\s[{,])(?:[&*!]\S|\?\s|<<\s*:)|^%|\t/m;

interface Node {
  open: number;
  kind: string | null;
  result: unknown;
  start: number;
  children: Node[];
  /** A mapping's key -> the indexes of its key nodes in children, built when first looked up. */
  index?: Map<string, number[]>;
}

function keyIndex(children: Node[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i + 1 < children.length; i += 2) {
    const name = children[i]!.result as string;
    const list = index.get(name);
    if (list) list.push(i);
    else index.set(name, [i]);
  }
  return index;
}

export interface FastParse {
  raw: unknown;
  positions: PositionMap;
  /** Where the top-level node starts (for "expected a mapping" at the top). */
  root?: { line: number; column: number };
}

/** Parses `text` as one plain YAML document, or returns undefined to fall back. */
export function fastParse(text: string, file: string): FastParse | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const stack: Node[] = [{ open: 0, kind: null, result: undefined, start: 0, children: [] }];
  let raw: unknown;
  try {
    raw = load(text, {
      schema: CORE,
      json: false,
      filename: file,
      listener(event: string, state: State) {
        if (event === 'open') {
          // Deep nesting is the `yaml` path's to refuse, with its place (MAX_DEPTH).
          if (stack.length > MAX_DEPTH) throw new RangeError('nested too deep');
          stack.push({ open: state.position, kind: null, result: undefined, start: 0, children: [] });
          return;
        }
        const node = stack.pop()!;
        node.kind = state.kind;
        node.result = state.result;
        let done: Node = node;
        // A block value that is a scalar or flow collection is first tried as
        // the key of a block mapping: the trial node is the real one.
        const only = node.children.length === 1 ? node.children[0]! : undefined;
        if (only && only.result === node.result && only.kind === node.kind) done = { ...only, open: node.open };
        else if (node.kind !== 'mapping' && node.kind !== 'sequence') node.children = [];
        done.start = node.kind === null && node.result === null ? skip(text, node.open, false) : skip(text, node.open, true);
        stack.at(-1)!.children.push(done);
      },
    });
  } catch {
    return undefined;
  }
  const top = stack[0]!.children;
  if (stack.length !== 1 || top.length > 1) return undefined;
  const lines = lineStarts(text);
  const at = (offset: number): Location => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lines[lo]! + 1 };
  };
  const root = top[0];
  if (root && !plain(root)) return undefined;
  // Positions are worked out when asked for: an audit asks for a few dozen
  // (its findings' evidence), and building all of them up front was a large
  // share of the allocations of a whole run.
  const positions = new PositionMap({
    get: (path) => (root ? placeAt(root, path, at) : undefined),
    all: () => {
      const out: [string, Place][] = [];
      if (root) collect(root, [], at, out);
      return out;
    },
  });
  const loc = root ? at(root.start) : undefined;
  return { raw, positions, root: loc ? { line: loc.line, column: loc.column } : undefined };
}

/** Whether the tree has the shape positions can be read from (else the `yaml` path takes over). */
function plain(node: Node): boolean {
  const { children } = node;
  if (node.kind === 'mapping') {
    // A failed attempt at one more key may trail the pairs.
    const pairs = children.length >> 1;
    if (pairs !== Object.keys(node.result as object).length) return false;
    for (let i = 0; i < pairs; i++) {
      const k = children[2 * i]!;
      // `null:` or `1.0:` as a key: leave the key's spelling to the `yaml` library.
      // A key on two lines is the `yaml` path's to refuse.
      if (k.kind !== 'scalar' || typeof k.result !== 'string' || /[\r\n]/.test(k.result)) return false;
      if (!plain(children[2 * i + 1]!)) return false;
    }
  } else if (node.kind === 'sequence') {
    // js-yaml skips the events of an empty item (`-` alone on its line).
    if (children.length !== (node.result as unknown[]).length) return false;
    for (const c of children) if (!plain(c)) return false;
  }
  return true;
}

/**
 * The place of one path (as formatPath spells it), walking down from the root.
 * A key may hold dots (the `answers:` log is keyed by fact paths), so when one
 * key's subtree does not have the rest of the path, the next matching key is tried.
 */
function placeAt(root: Node, path: string, at: (offset: number) => Location): Place | undefined {
  const down = (node: Node, pos: number, key: number): Place | undefined => {
    if (pos === path.length) return key < 0 ? undefined : { key: at(key), value: at(node.start) };
    const { children } = node;
    if (node.kind === 'mapping') {
      // Candidate keys are the path's prefixes from here that end before a
      // `.` or `[` (or at its end), looked up by name: a scan of the mapping
      // per lookup made 20,000 unknown keys in one mapping take seconds.
      const index = (node.index ??= keyIndex(children));
      const from = pos === 0 ? pos : pos + 1;
      if (pos !== 0 && path[pos] !== '.') return undefined;
      const found: number[] = [];
      for (let end = from; end <= path.length; end++) {
        if (end !== path.length && path[end] !== '.' && path[end] !== '[') continue;
        for (const i of index.get(path.slice(from, end)) ?? []) found.push(i);
      }
      for (const i of found.sort((a, b) => a - b)) {
        const name = children[i]!.result as string;
        const hit = down(children[i + 1]!, from + name.length, children[i]!.start);
        if (hit) return hit;
      }
    } else if (node.kind === 'sequence' && path[pos] === '[') {
      const close = path.indexOf(']', pos);
      const index = close > pos + 1 ? Number(path.slice(pos + 1, close)) : NaN;
      const item = Number.isInteger(index) ? children[index] : undefined;
      if (item) return down(item, close + 1, item.start);
    }
    return undefined;
  };
  return down(root, 0, -1);
}

/** Every place, in document order (for callers that list them all). */
function collect(node: Node, segs: Segment[], at: (offset: number) => Location, out: [string, Place][]): void {
  const { children } = node;
  if (node.kind === 'mapping') {
    for (let i = 0; i + 1 < children.length; i += 2) {
      const path = [...segs, children[i]!.result as string];
      out.push([formatPath(path), { key: at(children[i]!.start), value: at(children[i + 1]!.start) }]);
      collect(children[i + 1]!, path, at, out);
    }
  } else if (node.kind === 'sequence') {
    children.forEach((c, i) => {
      const loc = at(c.start);
      out.push([formatPath([...segs, i]), { key: loc, value: loc }]);
      collect(c, [...segs, i], at, out);
    });
  }
}

/** Where a node's content starts: past spaces, and past line breaks and comments when `far`. */
function skip(text: string, pos: number, far: boolean): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x09) pos++;
    else if (far && (c === 0x0a || c === 0x0d)) pos++;
    else if (far && c === 0x23) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) return text.length;
      pos = nl;
    } else return pos;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
