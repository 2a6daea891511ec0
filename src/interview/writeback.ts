// Writes interview answers into the org file's text while keeping everything
// else byte for byte: comments, their alignment, key order, blank lines, flow
// lists written as `[a, b]`. The yaml library's own re-serialisation (String(doc))
// would realign every comment and restyle every flow list, so each answer is
// applied as a small text edit found from the parsed document's node ranges.
// Every edit is checked: the edited text must parse to exactly the data that the
// same edit makes through the Document API (doc.setIn-style); if it does not, or
// the shape is one the text edit does not handle, the Document API's own output
// is used instead (correct data and comments, plainer formatting).
import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, visit, type Node as YNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { keysAt } from '../model/introspect';
import { formatPath, getAt, type Segment } from '../model/paths';
import { stripEmpty, UNKNOWN } from '../load/normalize';

/** The comment that marks a list the interview is still adding items to. */
const MARKER = (path: string) => `# sales-audit interview: ${path} is not finished yet`;
const MARKER_RE = /^[ \t]*# sales-audit interview: (\S+) is not finished yet[ \t]*$/gm;

export interface OrgState {
  /** The file's data with empty values and `unknown` answers removed (as the loader sees it). */
  data: Record<string, unknown>;
  /** Fact paths answered `unknown`. */
  unknowns: Set<string>;
  /** Lists the interview has started but not finished (an "add another?" loop was interrupted). */
  openLists: Set<string>;
}

export class OrgText {
  /** How many edits fell back to the Document API's formatting (for tests and debugging). */
  fallbacks = 0;
  /** Edited with LF line ends and no BOM; written back with the file's own (CRLF stays CRLF, a BOM stays). */
  private lf!: string;
  private crlf!: boolean;
  private bom!: boolean;

  /** `text`: the file's whole text as read (a leading UTF-8 BOM included, if it has one). */
  constructor(text: string) {
    this.reset(text);
  }

  /**
   * Starts again from `text` (the file as another program left it): the next
   * edits apply to it. Its BOM and line ends are the ones kept from then on.
   */
  reset(text: string): void {
    this.bom = text.startsWith('\uFEFF');
    const body = this.bom ? text.slice(1) : text;
    this.crlf = body.includes('\r\n');
    this.lf = this.crlf ? body.replace(/\r\n/g, '\n') : body;
    this.cache = undefined;
  }

  // The parsed form of the current text: parsing is most of an edit's cost, and
  // the session reads the state and edits the same text in turn.
  private cache?: { text: string; doc: Document; state?: OrgState };
  private parsed(): Document {
    if (this.cache?.text !== this.lf) this.cache = { text: this.lf, doc: parseDocument(this.lf) };
    return this.cache.doc;
  }

  /** The file's text with every edit so far, with the file's BOM and line ends. */
  get text(): string {
    return (this.bom ? '\uFEFF' : '') + (this.crlf ? this.lf.replace(/\n/g, '\r\n') : this.lf);
  }

  state(): OrgState {
    const doc = this.parsed();
    if (this.cache!.state) return this.cache!.state;
    const unknowns: string[] = [];
    const raw = doc.toJS() ?? {};
    const data = (raw && typeof raw === 'object' && !Array.isArray(raw) ? stripEmpty(raw, [], unknowns) : {}) as Record<string, unknown>;
    const openLists = new Set<string>();
    for (const m of this.lf.matchAll(MARKER_RE)) openLists.add(m[1]!);
    return (this.cache!.state = { data, unknowns: new Set(unknowns), openLists });
  }

  /**
   * Sets the fact at `segs` (a scalar, a list, an object, or the string `unknown`).
   * With `flow`, a small object of plain values is written on one line.
   */
  set(segs: readonly Segment[], value: unknown, opts: { flow?: boolean } = {}): void {
    flowObjects = opts.flow === true;
    try {
      this.edit(segs, value);
    } finally {
      flowObjects = false;
    }
  }

  setUnknown(segs: readonly Segment[]): void {
    this.edit(segs, UNKNOWN);
  }

  /** Appends an empty item to the list at `segs`; returns its index. */
  appendItem(segs: readonly Segment[]): number {
    const doc = this.parsed();
    const list = doc.getIn(segs, true);
    const index = isSeq(list) ? list.items.length : 0;
    this.edit([...segs, index], {});
    return index;
  }

  /** Marks the list as unfinished, so a later run offers to add more. */
  openList(segs: readonly Segment[]): void {
    const path = formatPath(segs);
    if (this.state().openLists.has(path)) return;
    const doc = this.parsed();
    const seq = doc.getIn(segs, true);
    if (!isSeq(seq) || seq.flow || !seq.items.length || !seq.range) return;
    const t = this.lf;
    const col = column(t, (seq.items[0] as YNode).range![0]) - 2;
    const at = endOfBlock(t, seq.range[1], col);
    this.lf = insertLines(t, at, [`${' '.repeat(Math.max(0, col))}${MARKER(path)}`]);
  }

  closeList(segs: readonly Segment[]): void {
    const path = formatPath(segs);
    this.lf = this.lf.replace(MARKER_RE, (line, p: string) => (p === path ? '\u0000' : line)).replace(/\u0000\r?\n?/g, '');
  }

  private edit(segs: readonly Segment[], value: unknown): void {
    const doc = this.parsed();
    if (doc.errors.length) throw new Error(`cannot edit a file with YAML errors (${doc.errors[0]!.message})`);
    // What the file must hold after the edit, as plain data.
    const want = setJS(doc.toJS(), segs, value);
    let patched: string | undefined;
    try {
      patched = patch(this.lf, doc, want, segs);
    } catch {
      patched = undefined;
    }
    if (patched !== undefined) {
      const check = parseDocument(patched);
      if (!check.errors.length && isDeepStrictEqual(check.toJS(), want)) {
        this.lf = patched;
        this.cache = { text: patched, doc: check };
        return;
      }
    }
    this.fallbacks++;
    const expected = doc.clone();
    structuralSet(expected, segs, value);
    // Only the edited section is re-serialised; the rest stays byte for byte (its
    // flow maps, flow lists and a `...` end marker). The whole document only when that fails.
    const section = spliceSection(this.lf, doc, expected, segs);
    if (section !== undefined) {
      const check = parseDocument(section);
      if (!check.errors.length && isDeepStrictEqual(check.toJS(), want) && commentsKept(this.lf, section)) {
        this.lf = section;
        this.cache = { text: section, doc: check };
        return;
      }
    }
    this.lf = String(expected);
  }
}

// ---- the structural edit (also the fallback) ----

/**
 * The fallback for one top-level section: the text with the section holding
 * `segs[0]` replaced by the yaml library's rendering of that section in
 * `expected` (comments inside it kept by the library). Undefined when the
 * top level is not a block mapping or the section cannot be found.
 */
function spliceSection(t: string, doc: Document, expected: Document, segs: readonly Segment[]): string | undefined {
  const root = doc.contents;
  const next = expected.contents;
  if (!isMap(root) || root.flow || !isMap(next) || !segs.length) return undefined;
  const pair = root.items.find((p) => keyOf(p) === segs[0]);
  const newPair = next.items.find((p) => keyOf(p) === segs[0]);
  if (!newPair) return undefined;
  // The new section alone, without the comment lines above its key (they stay where they are in the text).
  const alone = new Document();
  const copy = (newPair as unknown as { clone(): Pair<unknown, unknown> }).clone();
  if (copy.key && typeof copy.key === 'object') (copy.key as YNode).commentBefore = undefined;
  alone.contents = alone.createNode({}) as unknown as typeof alone.contents;
  (alone.contents as unknown as YAMLMap).items.push(copy);
  const body = alone.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  if (!pair) {
    // A new section: after the last one (before a `...` end marker and anything after it).
    const last = root.items[root.items.length - 1];
    if (!last) return undefined;
    const end = ((last.value ?? last.key) as YNode).range?.[1];
    if (end === undefined) return undefined;
    return insertLines(t, endOfBlock(t, end, 0), body);
  }
  const key = pair.key as YNode;
  const end = ((pair.value ?? pair.key) as YNode | null)?.range?.[1];
  if (!key.range || end === undefined || column(t, key.range[0]) !== 0) return undefined;
  const from = lineStart(t, key.range[0]);
  const to = endOfBlock(t, Math.max(end, key.range[1]), 0);
  return insertLines(t.slice(0, from) + t.slice(to), from, body);
}

/** Whether every comment in `after` was already in `before` (a re-serialised section must not duplicate one). */
function commentsKept(before: string, after: string): boolean {
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const c of t.matchAll(/(?:^|[ \t])(#.*)$/gm)) m.set(c[1]!.trim(), (m.get(c[1]!.trim()) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  for (const [c, n] of count(after)) if (n > (b.get(c) ?? 0)) return false;
  return true;
}

/** The same edit as structuralSet, on plain data (what the text edit is checked against). */
function setJS(root: unknown, segs: readonly Segment[], value: unknown): unknown {
  const top = root && typeof root === 'object' ? root : {};
  let cur = top as Record<string | number, unknown>;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (last) {
      if (Array.isArray(cur) && (seg as number) >= cur.length) cur.push(value);
      else cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (!next || typeof next !== 'object') {
      const made = typeof segs[i + 1] === 'number' ? [] : {};
      if (Array.isArray(cur) && (seg as number) >= cur.length) cur.push(made);
      else cur[seg] = made;
      cur = made as Record<string | number, unknown>;
    } else cur = next as Record<string | number, unknown>;
  });
  return top;
}

function structuralSet(doc: Document, segs: readonly Segment[], value: unknown): void {
  if (!isCollection(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  let node: YNode = doc.contents as YNode;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const next = segs[i + 1];
    const make = () => (last ? newNode(doc, value) : newNode(doc, typeof next === 'number' ? [] : {}));
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p) === seg);
      if (!pair) {
        node.items.push(doc.createPair(seg, make()) as Pair<unknown, unknown>);
      } else if (last || !isCollection(pair.value)) {
        pair.value = make();
      }
      node = node.get(seg, true) as YNode;
    } else if (isSeq(node)) {
      const idx = seg as number;
      if (idx >= node.items.length) node.items.push(make());
      else if (last || !isCollection(node.items[idx])) node.items[idx] = make();
      node = node.items[idx] as YNode;
    } else return;
  }
}

function newNode(doc: Document, value: unknown): YNode {
  const n = doc.createNode(value) as YNode;
  // Lists of plain values read best inline, as the examples write them: [a, b].
  visit(n, {
    Seq: (_k, s) => void (s.flow = s.items.every((x) => isScalar(x))),
    Map: (_k, m) => void (m.flow = flowObjects && m.items.every((p) => isScalar(p.value))),
  });
  return n;
}

const keyOf = (p: Pair<unknown, unknown>) => (isScalar(p.key) ? p.key.value : p.key);

// ---- the text edit ----

function patch(text: string, doc: Document, want: unknown, segs: readonly Segment[]): string | undefined {
  const at = (p: readonly Segment[]) => getAt(want, p);
  const root = doc.contents;
  if (!root || (isScalar(root) && root.value === null)) {
    // An empty file (or only comments): the whole answer becomes the first section.
    if (isCollection(root)) return undefined;
    const body = renderPair(String(segs[0]), at([segs[0]!]), 0);
    return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${body.join('\n')}\n`;
  }
  let node: YNode = root as YNode;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const prefix = segs.slice(0, i + 1);
    const last = i === segs.length - 1;
    const sub = () => at(prefix);
    if (isMap(node)) {
      if (node.flow) return replaceFlow(text, node, at(segs.slice(0, i)));
      const pair = node.items.find((p) => keyOf(p) === seg);
      if (!pair) return insertIntoMap(text, node, segs.slice(0, i), String(seg), sub());
      const v = pair.value as YNode | null;
      if (last || !isCollection(v) || (isCollection(v) && v.flow && !v.items.length)) return replacePairValue(text, pair, sub());
      node = v;
    } else if (isSeq(node)) {
      if (node.flow) return replaceFlow(text, node, at(segs.slice(0, i)));
      const idx = seg as number;
      if (idx === node.items.length) return appendToSeq(text, node, sub());
      const item = node.items[idx] as YNode | undefined;
      if (!item) return undefined;
      if (last || !isCollection(item) || (item.flow === true && item.items.length === 0)) return replaceSeqItem(text, item, sub());
      node = item;
    } else return undefined;
  }
  return undefined;
}

// Set for the length of one edit: write small objects of plain values as flow
// maps (`{ by: Jane, on: 2026-11-27 }`), as the answers: log is best read.
let flowObjects = false;

const isPlain = (x: unknown) => x === null || typeof x !== 'object';

/** A value written on one line: a scalar, `[a, b]`, `[]`, `{}` (and flat objects in a flow edit). */
function isInline(v: unknown): boolean {
  if (isPlain(v)) return true;
  if (Array.isArray(v)) return v.every(isPlain);
  return Object.keys(v as object).length === 0 || (flowObjects && Object.values(v as object).every(isPlain));
}

function renderInline(v: unknown, inFlow = false): string {
  if (Array.isArray(v)) return `[${v.map((x) => renderInline(x, true)).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{ ${entries.map(([k, x]) => `${renderScalar(k, true)}: ${renderInline(x, true)}`).join(', ')} }` : '{}';
  }
  return renderScalar(v, inFlow);
}

function renderScalar(v: unknown, inFlow = false): string {
  const s = new Document(v).toString({ lineWidth: 0 }).replace(/\n$/, '');
  // Inside [ ] or { } a comma or bracket would end the value: quote it (JSON strings are YAML).
  return s.includes('\n') || (inFlow && typeof v === 'string' && /[,[\]{}]/.test(s) && !/^["']/.test(s)) ? JSON.stringify(v) : s;
}

/** Block lines for a value, at indentation 0. */
function renderBlock(v: unknown): string[] {
  const d = new Document(v);
  visit(d, {
    Seq: (_k, s) => void (s.flow = s.items.every((x) => isScalar(x))),
    Map: (_k, m) => void (m.flow = flowObjects && m !== d.contents && m.items.every((p) => isScalar(p.value))),
  });
  return d.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
}

/** `key: value` (or `key:` and an indented block), at the given column. */
function renderPair(key: string, v: unknown, col: number): string[] {
  const pad = ' '.repeat(col);
  const k = renderScalar(key);
  if (isInline(v)) return [`${pad}${k}: ${renderInline(v)}`];
  return [`${pad}${k}:`, ...renderBlock(v).map((l) => `${pad}  ${l}`)];
}

// ---- line helpers ----

const lineStart = (t: string, off: number) => t.lastIndexOf('\n', off - 1) + 1;
const lineEnd = (t: string, off: number) => {
  const i = t.indexOf('\n', off);
  return i < 0 ? t.length : i;
};
const column = (t: string, off: number) => off - lineStart(t, off);

/** Inserts whole lines before the line that starts at `at` (or at the end of the text). */
function insertLines(t: string, at: number, lines: string[]): string {
  if (at >= t.length) return `${t}${t && !t.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`;
  return `${t.slice(0, at)}${lines.join('\n')}\n${t.slice(at)}`;
}

/**
 * Where a block that ends at `end` really ends: past its own line and any
 * comment lines indented deeper than `col` that follow it (they belong to it).
 * Returns the offset of the next line's start.
 */
function endOfBlock(t: string, end: number, col: number): number {
  let at = lineEnd(t, Math.max(0, end - 1)) + 1;
  while (at < t.length) {
    const line = t.slice(at, lineEnd(t, at));
    const m = /^( *)#/.exec(line);
    if (!m || m[1]!.length <= col) break;
    at += line.length + 1;
  }
  return Math.min(at, t.length);
}

/**
 * Replaces text [s, e) on one line with `value`, keeping the column of a
 * trailing comment when there is room (aligned comments stay aligned).
 */
function spliceInline(t: string, s: number, e: number, value: string): string {
  const end = lineEnd(t, e);
  const rest = t.slice(e, end);
  const m = /^([ \t]+)(#.*)$/.exec(rest);
  if (!m) return t.slice(0, s) + value + t.slice(e);
  const hashCol = column(t, e) + m[1]!.length;
  const newEnd = column(t, s) + value.length;
  return t.slice(0, s) + value + ' '.repeat(Math.max(1, hashCol - newEnd)) + m[2]! + t.slice(end);
}

// ---- the edits ----

function replacePairValue(t: string, pair: Pair<unknown, unknown>, v: unknown): string | undefined {
  const key = pair.key as YNode;
  if (!key.range) return undefined;
  const keyEnd = key.range[1];
  const colon = t.indexOf(':', keyEnd);
  if (colon < 0 || t.slice(keyEnd, colon).trim() !== '' || lineEnd(t, keyEnd) < colon) return undefined;
  const val = pair.value as YNode | null;
  const hasText = !!(val && val.range && !(isScalar(val) && val.value === null && val.range[0] === val.range[1]));
  if (hasText && lineStart(t, val!.range![0]) !== lineStart(t, colon)) {
    if (!isCollection(val)) {
      // A scalar on a line of its own below the key (often under a comment line that says why): replaced where it stands.
      const [s, e] = val!.range!;
      if (!isInline(v) || lineEnd(t, s) < e) return undefined;
      return spliceInline(t, s, e, renderInline(v));
    }
    // The old value is a block below the key (list items): remove its lines, then write the new value.
    if (val.flow) return undefined;
    const from = lineEnd(t, colon) + 1;
    const to = endOfBlock(t, val.range![1], column(t, key.range[0]));
    const first = lineStart(t, val.range![0]);
    if (t.slice(from, first).includes('#')) {
      // Comment lines between the key and its items describe the value: they stay, and the new value goes below them.
      const col = Math.max(column(t, val.range![0]), column(t, key.range[0]) + 2);
      const lines = isInline(v) ? [renderInline(v)] : renderBlock(v);
      return insertLines(
        t.slice(0, first) + t.slice(to),
        first,
        lines.map((l) => `${' '.repeat(col)}${l}`),
      );
    }
    const without = t.slice(0, from) + t.slice(to);
    if (isInline(v)) return spliceInline(without, colon + 1, colon + 1, ` ${renderInline(v)}`);
    return insertLines(
      without,
      from,
      renderBlock(v).map((l) => `${' '.repeat(column(t, key.range![0]) + 2)}${l}`),
    );
  }
  const [s, e] = hasText ? [val!.range![0], val!.range![1]] : [colon + 1, colon + 1];
  if (hasText && lineEnd(t, s) < e) return undefined;
  if (isInline(v)) return spliceInline(t, s, e, `${hasText ? '' : ' '}${renderInline(v)}`);
  // A block value: empty the key's line of any old value, then add the block below it.
  const cleared = hasText ? spliceInline(t, s - (t[s - 1] === ' ' ? 1 : 0), e, '') : t;
  const keyCol = column(cleared, key.range[0]);
  const after = lineEnd(cleared, colon) + 1;
  return insertLines(
    cleared,
    after,
    renderBlock(v).map((l) => `${' '.repeat(keyCol + 2)}${l}`),
  );
}

function replaceSeqItem(t: string, item: YNode, v: unknown): string | undefined {
  if (!item.range) return undefined;
  const [s, e] = item.range;
  if (isInline(v)) {
    if (lineEnd(t, s) < e) return undefined;
    return spliceInline(t, s, e, renderInline(v));
  }
  const col = column(t, s);
  const lines = renderBlock(v);
  const text = [lines[0]!, ...lines.slice(1).map((l) => `${' '.repeat(col)}${l}`)].join('\n');
  return t.slice(0, s) + text + t.slice(e);
}

function replaceFlow(t: string, node: YNode, v: unknown): string | undefined {
  if (!node.range || (!isInline(v) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => isInline(x) && !(x && typeof x === 'object' && !Array.isArray(x))))))
    return undefined;
  const [s, e] = node.range;
  if (lineEnd(t, s) < e) return undefined;
  return spliceInline(t, s, e, renderInline(v));
}

function appendToSeq(t: string, seq: YAMLSeq, v: unknown): string | undefined {
  if (!seq.range || !seq.items.length) return undefined;
  const first = seq.items[0] as YNode;
  if (!first.range) return undefined;
  const dashCol = column(t, first.range[0]) - 2;
  if (dashCol < 0 || t.slice(lineStart(t, first.range[0]) + dashCol, first.range[0]).trim() !== '-') return undefined;
  const at = endOfBlock(t, seq.range[1], dashCol);
  const pad = ' '.repeat(dashCol);
  const lines = isInline(v) ? [`- ${renderInline(v)}`] : renderBlock([v]);
  return insertLines(
    t,
    at,
    lines.map((l) => pad + l),
  );
}

function insertIntoMap(t: string, map: YAMLMap, mapPath: readonly Segment[], key: string, v: unknown): string | undefined {
  const firstKey = map.items[0]?.key as YNode | undefined;
  if (!firstKey?.range) return undefined;
  const col = column(t, firstKey.range[0]);
  const order = keysAt(mapPath);
  const rank = order.indexOf(key);
  // The first existing key that comes after the new one in schema order.
  const next =
    rank < 0
      ? undefined
      : map.items.find((p) => {
          const r = order.indexOf(String(keyOf(p)));
          return r > rank;
        });
  const lines = renderPair(key, v, col);
  if (next) {
    const nk = next.key as YNode;
    if (!nk.range) return undefined;
    // Before the next key and the comment lines directly above it (they describe it).
    let at = lineStart(t, nk.range[0]);
    for (;;) {
      if (at === 0) break;
      const prevStart = lineStart(t, at - 1);
      const prev = t.slice(prevStart, at - 1);
      const m = /^( *)#/.exec(prev);
      if (!m || m[1]!.length !== col) break;
      at = prevStart;
    }
    const blankBefore = at > 0 && t.slice(lineStart(t, at - 1), at - 1).trim() === '';
    return insertLines(t, at, blankBefore ? [...lines, ''] : lines);
  }
  const lastPair = map.items[map.items.length - 1]!;
  const lastNode = (lastPair.value ?? lastPair.key) as YNode;
  const end = lastNode.range ? lastNode.range[1] : (lastPair.key as YNode).range![1];
  const at = endOfBlock(t, Math.max(end, (lastPair.key as YNode).range![1]), col);
  // A new top-level section gets a blank line before it, as the sections above have.
  const spaced = col === 0 && isCollection(lastPair.value) && !isInline(v);
  return insertLines(t, at, spaced && at > 0 ? ['', ...lines] : lines);
}
