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
// `starts`: the characters a match can begin with, tested first. Every plain
// scalar of a file (names, titles, words) is tried against each type in turn,
// and most begin with a letter no number can: the regular expressions were a
// sixth of the fast parse of a 10,000-person org file.
const scalar = (tag: string, tests: RegExp[], starts: string, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => {
      if (s === null || s.length === 0 || starts.indexOf(s[0]!) < 0) return false;
      for (const t of tests) if (t.test(s)) return true;
      return false;
    },
    construct,
  });
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    // An empty plain scalar never reaches a resolver: js-yaml gives null itself.
    scalar('null', [/^(?:~|[Nn]ull|NULL)$/], '~Nn', () => null),
    scalar('bool', [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/], 'TtFf', (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', INT, '-+0123456789', (s) => (s[1] === 'o' ? parseInt(s.substring(2), 8) : s[1] === 'x' ? parseInt(s.substring(2), 16) : parseInt(s, 10))),
    scalar('float', FLOAT, '-+.0123456789', (s) =>
      FLOAT[0]!.test(s) ? (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : parseFloat(s),
    ),
  ],
});

// Features the fast path leaves to the `yaml` library: anchors, aliases, tags,
// explicit keys (`? `), merge keys (`<<:`), directives (`%YAML`) and tabs. A
// false alarm (say "*note" in free text) only costs the slower path; a second
// document or a syntax error makes js-yaml throw, which falls back too.
export const UNUSUAL = /(?:^|[\s[{,])(?:[&*!]\S|\?\s|<<\s*:)|^%|\t/m;
// UNUSUAL can only match where one of these is: tested first, as each is one
// fast scan of the text, where the expression tries its alternatives at every
// character (a few per cent of linting a portfolio of org files).
const UNUSUAL_MARKS = ['&', '*', '!', '?', '<', '\t', '\n%', '\r%', '\u2028%', '\u2029%'];

/** UNUSUAL.test(text), quickly ruled out for most files. */
export function unusual(text: string): boolean {
  if (!text.startsWith('%') && !UNUSUAL_MARKS.some((m) => text.includes(m))) return false;
  return UNUSUAL.test(text);
}

// Node kinds as js-yaml's state.kind names them, one small number each.
const NONE = 0;
const SCALAR = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const KINDS: Record<string, number> = { scalar: SCALAR, sequence: SEQUENCE, mapping: MAPPING };
/** Set on a node whose start skips line breaks and comments too (see skip). */
const FAR = 4;
/**
 * Set on a node of the shape positions can be read from: a mapping with one
 * pair per key of its result, a list with one child per item, a scalar that
 * is text on one line (as a key must be).
 */
const SOUND = 8;

/**
 * The parse tree as flat arrays indexed by node number (numbered as nodes
 * open, so in document order; node 0 stands above the document). A tree of
 * one object and one children array per node was a quarter of a 10,000-person
 * audit's time and most of its garbage collection; these arrays are a few
 * allocations in all. Children are a linked list (first, next), turned into
 * an index only for the mappings and lists a lookup walks through.
 */
class Tree {
  /** How many nodes (node 0 included). */
  size = 1;
  /** Offset (UTF-16 code units) where js-yaml opened the node: its start is skip(text, open). */
  open: Int32Array;
  /** Kind (NONE, SCALAR, SEQUENCE, MAPPING) in the low bits, FAR above them. */
  flags: Uint8Array;
  /** First child, last child, next sibling: -1 for none. */
  first: Int32Array;
  last: Int32Array;
  next: Int32Array;
  count: Int32Array;
  /**
   * The text of each node that may be a mapping's key (a child at an even
   * place whose result is text), else undefined. Only those: keeping every
   * node's result alive cost more than the rest of the tree.
   */
  names: (string | undefined)[] = [undefined];
  /** A mapping's key -> its key nodes, in order, built when first looked up. */
  private readonly keys = new Map<number, Map<string, number[]>>();
  /** A list's items, built when first looked up. */
  private readonly items = new Map<number, Int32Array>();

  constructor(capacity: number) {
    this.open = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.first = new Int32Array(capacity).fill(-1);
    this.last = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(capacity).fill(-1);
    this.count = new Int32Array(capacity);
  }

  /** A new node opened at `offset`; its number. */
  add(offset: number): number {
    if (this.size === this.open.length) this.grow();
    const id = this.size++;
    this.open[id] = offset;
    this.names.push(undefined);
    return id;
  }

  private grow(): void {
    const n = this.open.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T, fill: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      if (fill) b.fill(fill, a.length);
      return b;
    };
    this.open = more(this.open, 0);
    this.flags = more(this.flags, 0);
    this.first = more(this.first, -1);
    this.last = more(this.last, -1);
    this.next = more(this.next, -1);
    this.count = more(this.count, 0);
  }

  kind(id: number): number {
    return this.flags[id]! & 3;
  }

  append(parent: number, child: number, result: unknown): void {
    if ((this.count[parent]! & 1) === 0 && typeof result === 'string') this.names[child] = result;
    const last = this.last[parent]!;
    if (last < 0) this.first[parent] = child;
    else this.next[last] = child;
    this.last[parent] = child;
    this.count[parent]!++;
  }

  /** The node's children, in order. */
  children(id: number): Int32Array {
    let list = this.items.get(id);
    if (!list) {
      list = new Int32Array(this.count[id]!);
      for (let c = this.first[id]!, i = 0; c >= 0; c = this.next[c]!) list[i++] = c;
      this.items.set(id, list);
    }
    return list;
  }

  /** A mapping's key name -> its key nodes (the value node is each one's next sibling). */
  keyIndex(id: number): Map<string, number[]> {
    let index = this.keys.get(id);
    if (!index) {
      index = new Map();
      for (let k = this.first[id]!; k >= 0 && this.next[k]! >= 0; k = this.next[this.next[k]!]!) {
        const name = this.names[k]!;
        const list = index.get(name);
        if (list) list.push(k);
        else index.set(name, [k]);
      }
      this.keys.set(id, index);
    }
    return index;
  }
}

export interface FastParse {
  raw: unknown;
  positions: PositionMap;
  /** Where the top-level node starts (for "expected a mapping" at the top). */
  root?: { line: number; column: number };
}

/** Parses `text` as one plain YAML document, or returns undefined to fall back. */
export function fastParse(text: string, file: string): FastParse | undefined {
  if (unusual(text)) return undefined;
  // About one node per 8 characters in a typical org file; the arrays double when short.
  const tree = new Tree(Math.max(64, text.length >> 3));
  // The open nodes, node 0 at the bottom; the result of the node that closed last at each depth.
  const stack = new Int32Array(MAX_DEPTH + 2);
  const closed: unknown[] = new Array(MAX_DEPTH + 2).fill(undefined);
  let depth = 1;
  let raw: unknown;
  try {
    raw = load(text, {
      schema: CORE,
      json: false,
      filename: file,
      listener(event: string, state: State) {
        if (event === 'open') {
          // Deep nesting is the `yaml` path's to refuse, with its place (MAX_DEPTH).
          if (depth > MAX_DEPTH) throw new RangeError('nested too deep');
          stack[depth++] = tree.add(state.position);
          return;
        }
        const id = stack[--depth]!;
        const kind = state.kind === null ? NONE : (KINDS[state.kind] ?? NONE);
        const result = state.result;
        // A block value that is a scalar or flow collection is first tried as
        // the key of a block mapping: the trial node is the real one (with
        // this node's start), so this node takes over its children.
        const only = tree.count[id] === 1 ? tree.first[id]! : -1;
        if (only >= 0 && closed[depth + 1] === result && tree.kind(only) === kind) {
          tree.first[id] = tree.first[only]!;
          tree.last[id] = tree.last[only]!;
          tree.count[id] = tree.count[only]!;
        } else if (kind !== MAPPING && kind !== SEQUENCE) {
          tree.first[id] = -1;
          tree.last[id] = -1;
          tree.count[id] = 0;
        }
        const sound =
          kind === MAPPING
            ? tree.count[id]! >> 1 === Object.keys(result as object).length
            : kind === SEQUENCE
              ? tree.count[id] === (result as unknown[]).length
              : // indexOf, not a regular expression: this runs for every scalar.
                typeof result === 'string' && result.indexOf('\n') < 0 && result.indexOf('\r') < 0;
        tree.flags[id] = kind | (kind === NONE && result === null ? 0 : FAR) | (sound ? SOUND : 0);
        closed[depth] = result;
        tree.append(stack[depth - 1]!, id, result);
      },
    });
  } catch {
    return undefined;
  }
  if (depth !== 1 || tree.count[0]! > 1) return undefined;
  const root = tree.first[0]!;
  if (root >= 0 && !plain(tree, root)) return undefined;
  const start = (id: number) => skip(text, tree.open[id]!, (tree.flags[id]! & FAR) !== 0);
  let lines: number[] | undefined;
  const at = (offset: number): Location => {
    lines ??= lineStarts(text);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lines[lo]! + 1 };
  };
  // Positions are worked out when asked for: an audit asks for a few dozen
  // (its findings' evidence), and building all of them up front was a large
  // share of the allocations of a whole run.
  const positions = new PositionMap({
    get: (path) => (root >= 0 ? placeAt(tree, root, path, start, at) : undefined),
    all: () => {
      const out: [string, Place][] = [];
      if (root >= 0) collect(tree, root, [], start, at, out);
      return out;
    },
  });
  const loc = root >= 0 ? at(start(root)) : undefined;
  return { raw, positions, root: loc ? { line: loc.line, column: loc.column } : undefined };
}

/** Whether the tree has the shape positions can be read from (else the `yaml` path takes over). */
function plain(tree: Tree, id: number): boolean {
  const kind = tree.kind(id);
  if (kind === MAPPING) {
    // A failed attempt at one more key may trail the pairs (SOUND: one pair per key).
    if (!(tree.flags[id]! & SOUND)) return false;
    const pairs = tree.count[id]! >> 1;
    for (let k = tree.first[id]!, i = 0; i < pairs; i++, k = tree.next[tree.next[k]!]!) {
      // `null:` or `1.0:` as a key: leave the key's spelling to the `yaml` library.
      // A key on two lines is the `yaml` path's to refuse.
      if (tree.kind(k) !== SCALAR || !(tree.flags[k]! & SOUND)) return false;
      if (!plain(tree, tree.next[k]!)) return false;
    }
  } else if (kind === SEQUENCE) {
    // js-yaml skips the events of an empty item (`-` alone on its line): SOUND is one child per item.
    if (!(tree.flags[id]! & SOUND)) return false;
    for (let c = tree.first[id]!; c >= 0; c = tree.next[c]!) if (!plain(tree, c)) return false;
  }
  return true;
}

/**
 * The place of one path (as formatPath spells it), walking down from the root.
 * A key may hold dots (the `answers:` log is keyed by fact paths), so when one
 * key's subtree does not have the rest of the path, the next matching key is tried.
 */
function placeAt(tree: Tree, root: number, path: string, start: (id: number) => number, at: (offset: number) => Location): Place | undefined {
  const down = (id: number, pos: number, key: number): Place | undefined => {
    if (pos === path.length) return key < 0 ? undefined : { key: at(key), value: at(start(id)) };
    const kind = tree.kind(id);
    if (kind === MAPPING) {
      // Candidate keys are the path's prefixes from here that end before a
      // `.` or `[` (or at its end), looked up by name: a scan of the mapping
      // per lookup made 20,000 unknown keys in one mapping take seconds.
      const index = tree.keyIndex(id);
      const from = pos === 0 ? pos : pos + 1;
      if (pos !== 0 && path[pos] !== '.') return undefined;
      const found: number[] = [];
      for (let end = from; end <= path.length; end++) {
        if (end !== path.length && path[end] !== '.' && path[end] !== '[') continue;
        for (const k of index.get(path.slice(from, end)) ?? []) found.push(k);
      }
      // Node numbers are in document order.
      for (const k of found.sort((a, b) => a - b)) {
        const name = tree.names[k]!;
        const hit = down(tree.next[k]!, from + name.length, start(k));
        if (hit) return hit;
      }
    } else if (kind === SEQUENCE && path[pos] === '[') {
      const close = path.indexOf(']', pos);
      const index = close > pos + 1 ? Number(path.slice(pos + 1, close)) : NaN;
      const items = tree.children(id);
      const item = Number.isInteger(index) && index >= 0 && index < items.length ? items[index]! : -1;
      if (item >= 0) return down(item, close + 1, start(item));
    }
    return undefined;
  };
  return down(root, 0, -1);
}

/** Every place, in document order (for callers that list them all). */
function collect(tree: Tree, id: number, segs: Segment[], start: (id: number) => number, at: (offset: number) => Location, out: [string, Place][]): void {
  const kind = tree.kind(id);
  if (kind === MAPPING) {
    for (let k = tree.first[id]!; k >= 0 && tree.next[k]! >= 0; k = tree.next[tree.next[k]!]!) {
      const v = tree.next[k]!;
      const path = [...segs, tree.names[k]!];
      out.push([formatPath(path), { key: at(start(k)), value: at(start(v)) }]);
      collect(tree, v, path, start, at, out);
    }
  } else if (kind === SEQUENCE) {
    for (let c = tree.first[id]!, i = 0; c >= 0; c = tree.next[c]!, i++) {
      const loc = at(start(c));
      out.push([formatPath([...segs, i]), { key: loc, value: loc }]);
      collect(tree, c, [...segs, i], start, at, out);
    }
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
