// The `yaml` library's read path: the loader falls back to it whenever the fast
// js-yaml path (fast-yaml.ts) declines a document, and it owns every YAML
// syntax diagnostic (one per duplicate key, the first other error, unclosed
// quotes pointed at where they open) and every refusal of what a document
// expands to (toPlain). Only reached through import(), so a plain `audit`
// never loads the library.
import { isAlias, isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { formatPath, type Segment } from '../model/paths';
import type { Diagnostic, Location } from './diagnostics';
import { MAX_DEPTH, MAX_NODES } from './limits';
import { PositionMap } from './positions';

export type SlowParse = { ok: true; raw: unknown; positions: PositionMap; root?: { line: number; column: number } } | { ok: false; diagnostics: Diagnostic[] };

export function slowParse(text: string, file: string): SlowParse {
  const lc = new LineCounter();
  // Duplicate keys are found by duplicateKeys: the library's own check scans
  // the whole mapping for each key (20,000 keys took seconds).
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const at = (offset: number) => {
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  const dups = duplicateKeys(doc.contents).map((d) => ({ file, ...at(d.offset), message: `duplicate key ${JSON.stringify(d.key)}: each key may appear only once in a mapping` }));
  if (doc.errors.length || dups.length) {
    return { ok: false, diagnostics: [...dups, ...syntaxDiagnostics(doc, text, file, at)] };
  }
  const plain = toPlain(doc.contents, file, lc);
  if (!plain.ok) return { ok: false, diagnostics: [plain.diagnostic] };
  return { ok: true, raw: plain.raw, positions: mapPositions(file, doc.contents, lc), root: doc.contents?.range ? at(doc.contents.range[0]) : undefined };
}

/** Each key that repeats one before it in the same mapping (walked without recursion: nesting may be deep). */
function duplicateKeys(root: Node | null | undefined): { key: string; offset: number }[] {
  const out: { key: string; offset: number }[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && k.value !== null && !(k.value === '<<' && k.type === 'PLAIN')) {
          const key = String(k.value);
          if (seen.has(key) && k.range) out.push({ key, offset: k.range[0] });
          seen.add(key);
        }
        stack.push(pair.value, k);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

class Refusal {
  constructor(
    readonly offset: number | undefined,
    readonly message: string,
  ) {}
}

interface Built {
  value: unknown;
  /** Values this node expands to, itself included. */
  size: number;
  /** Levels of nesting below and including it (a scalar is 1). */
  height: number;
}

/**
 * The document's contents as plain data, or a diagnostic. Replaces the yaml
 * library's toJS so that what a file expands to stays bounded by its size:
 * each node is built once (an alias reuses it and is charged its expanded
 * size, so work stays linear), a cyclic alias, a key that is not one line of
 * text, a null key, and nesting deeper than MAX_DEPTH are refused with their
 * place, and merge keys (`<<: *defaults`) are honoured. Objects never get a
 * prototype from the file: a `__proto__` key stays an own property, for the
 * loader to refuse by name.
 */
export function toPlain(root: Node | null | undefined, file: string, lc: LineCounter): { ok: true; raw: unknown } | { ok: false; diagnostic: Diagnostic } {
  const anchors = new Map<string, Node>();
  const built = new Map<Node, Built>();
  const active = new Set<Node>();
  let total = 0;
  const charge = (n: number, offset: number | undefined) => {
    total += n;
    if (total > MAX_NODES) throw new Refusal(offset, `the data grows past ${MAX_NODES.toLocaleString('en-US')} values here (each alias counts as a copy of what it names); that is the limit`);
  };
  const start = (n: unknown): number | undefined => (n as Node | null)?.range?.[0];

  const build = (node: unknown, depth: number): Built => {
    if (node === null || node === undefined) {
      charge(1, undefined);
      return { value: null, size: 1, height: 1 };
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) throw new Refusal(start(node), `alias *${node.source} has no anchor &${node.source} before it`);
      if (active.has(target)) throw new Refusal(start(node), `alias *${node.source} is inside the node it refers to (a cycle); YAML data cannot contain itself`);
      const b = built.get(target)!;
      if (depth + b.height - 1 > MAX_DEPTH) throw new Refusal(start(node), `nested deeper than ${MAX_DEPTH} levels (through alias *${node.source})`);
      charge(b.size, start(node));
      return b;
    }
    const n = node as Node;
    if (depth > MAX_DEPTH) throw new Refusal(start(n), `nested deeper than ${MAX_DEPTH} levels`);
    if (n.anchor) anchors.set(n.anchor, n);
    charge(1, start(n));
    const before = total;
    let result: Built;
    active.add(n);
    if (isScalar(n)) {
      result = { value: n.value, size: 1, height: 1 };
    } else if (isSeq(n)) {
      const out: unknown[] = [];
      let height = 1;
      for (const item of n.items) {
        const b = build(item, depth + 1);
        out.push(b.value);
        height = Math.max(height, b.height + 1);
      }
      result = { value: out, size: 0, height };
    } else if (isMap(n)) {
      const out: Record<string, unknown> = {};
      const own = new Set<string>();
      const merges: Built[] = [];
      let height = 1;
      for (const pair of n.items) {
        const k = pair.key as Node | null;
        const at = start(k) ?? start(pair.value);
        if (isScalar(k) && k.value === '<<' && k.type === 'PLAIN') {
          merges.push(...mergeSources(pair.value, depth));
          continue;
        }
        const key = keyName(k, at);
        own.add(key);
        const b = build(pair.value, depth + 1);
        height = Math.max(height, b.height + 1);
        setOwn(out, key, b.value);
      }
      // Merge keys: the mapping's own keys win, then earlier sources over later ones.
      for (const m of merges) {
        height = Math.max(height, m.height);
        for (const [key, v] of Object.entries(m.value as Record<string, unknown>)) if (!Object.prototype.hasOwnProperty.call(out, key)) setOwn(out, key, v);
      }
      result = { value: out, size: 0, height };
    } else {
      throw new Refusal(start(n), 'cannot read this YAML node');
    }
    active.delete(n);
    result.size = total - before + 1;
    built.set(n, result);
    return result;
  };

  const keyName = (k: Node | null, at: number | undefined): string => {
    let key: unknown = k;
    if (isAlias(k)) {
      const target = anchors.get(k.source);
      key = target && !active.has(target) && isScalar(target) ? target : undefined;
      if (!key) throw new Refusal(at, 'a key must be a plain name, not an alias of a list or a mapping');
    }
    if (key === null || (isScalar(key) && (key.value === null || key.value === undefined))) {
      throw new Refusal(at, 'a null key (`~:`, `null:` or a lone `:`) is not a fact name; write the name before the colon');
    }
    if (!isScalar(key)) throw new Refusal(at, 'a key must be a plain name, not a list or a mapping (a complex `? ` key)');
    // An anchored key (`&k name: ...`) may be aliased later, as a key or a value.
    if (key.anchor && !built.has(key)) {
      anchors.set(key.anchor, key);
      built.set(key, { value: key.value, size: 1, height: 1 });
    }
    const name = String(key.value);
    if (/[\r\n]/.test(name)) throw new Refusal(at, 'a key must be on one line (a block scalar or multi-line key is not a fact name)');
    return name;
  };

  const mergeSources = (value: unknown, depth: number): Built[] => {
    const bad = (at: number | undefined) => new Refusal(at, 'a merge key (<<) takes a mapping or an alias of one (<<: *defaults), or a list of them');
    const one = (v: unknown): Built => {
      const b = build(v, depth);
      if (b.value === null || typeof b.value !== 'object' || Array.isArray(b.value)) throw bad(start(v));
      return b;
    };
    if (isSeq(value) && !(value as Node).anchor) return value.items.map(one);
    return [one(value)];
  };

  try {
    return { ok: true, raw: build(root, 1).value };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const where = e.offset === undefined ? {} : (({ line, col }) => ({ line, column: col }))(lc.linePos(e.offset));
    return { ok: false, diagnostic: { file, ...where, message: e.message } };
  }
}

/** An own property even for `__proto__`, which plain assignment would turn into the prototype. */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/**
 * One diagnostic per duplicate key, and only the first of any other syntax
 * errors: after the first, the parser's view of the file is unreliable and
 * the rest are usually echoes of the same mistake.
 */
function syntaxDiagnostics(doc: Document, text: string, file: string, at: (offset: number) => { line: number; column: number }): Diagnostic[] {
  const first = doc.errors[0];
  return (first ? [first] : []).map((e) => {
    // The library's composer recurses per level and reports running out of stack: say what the limit is, and where it is passed.
    if (e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message)) {
      const deep = tooDeep(text);
      return { file, ...at(deep ?? e.pos[0]), message: `nested deeper than ${MAX_DEPTH} levels` };
    }
    // An unclosed quote is reported where the text ends; point at where it opens.
    const open = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(doc, e) : undefined;
    if (open) return { file, ...at(open.offset), message: `invalid YAML: the ${open.quote} quote that starts here is never closed` };
    return { file, ...at(e.pos[0]), message: yamlMessage(e.message) };
  });
}

/** Where the first node nested deeper than MAX_DEPTH starts, from the library's concrete syntax tree (built without recursion). */
function tooDeep(text: string): number | undefined {
  type Tok = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[]; start?: { offset?: number } };
  for (const token of new Parser().parse(text)) {
    const stack: [Tok, number][] = [[token as Tok, 0]];
    while (stack.length) {
      const [t, depth] = stack.pop()!;
      if (!t || typeof t !== 'object') continue;
      if (t.type === 'document') stack.push([t.value as Tok, depth]);
      else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
        if (depth + 1 > MAX_DEPTH) return t.offset ?? t.start?.offset;
        for (const item of t.items ?? []) stack.push([item.value as Tok, depth + 1], [item.key as Tok, depth + 1]);
      }
    }
  }
  return undefined;
}

function unclosedQuote(doc: Document, e: YAMLError): { offset: number; quote: string } | undefined {
  let found: { offset: number; quote: string } | undefined;
  visit(doc, {
    Scalar(_k, n) {
      if (isScalar(n) && n.range && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range[0] < e.pos[0] && n.range[1] >= e.pos[0]) {
        found = { offset: n.range[0], quote: n.type === 'QUOTE_DOUBLE' ? 'double' : 'single' };
      }
    },
  });
  return found;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/multiple documents/i.test(first)) return 'invalid YAML: more than one document (a "---" line); an org file holds one';
  return `invalid YAML: ${first}`;
}

/** Each fact path's place, from the Document's node ranges. */
export function mapPositions(file: string, root: Node | null | undefined, lc: LineCounter, map = new PositionMap()): PositionMap {
  const at = (offset: number): Location => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
  const walk = (node: unknown, segs: Segment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined || !keyNode?.range) continue;
        const path = [...segs, key];
        const valueNode = pair.value as Node | null;
        const keyLoc = at(keyNode.range[0]);
        map.set(formatPath(path), { key: keyLoc, value: valueNode?.range ? at(valueNode.range[0]) : keyLoc });
        walk(valueNode, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!n?.range) return;
        const loc = at(n.range[0]);
        map.set(formatPath([...segs, i]), { key: loc, value: loc });
        walk(n, [...segs, i]);
      });
    }
  };
  walk(root, []);
  return map;
}
