// The `yaml` library's read path: the loader falls back to it whenever the fast
// js-yaml path (fast-yaml.ts) declines a document, and it owns every YAML
// syntax diagnostic (one per duplicate key, the first other error, unclosed
// quotes pointed at where they open) and the alias-bomb refusal. Only reached
// through import(), so a plain `audit` never loads the library.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { formatPath, type Segment } from '../model/paths';
import type { Diagnostic, Location } from './diagnostics';
import { PositionMap } from './positions';

const MAX_ALIASES = 100;

export type SlowParse =
  | { ok: true; raw: unknown; positions: PositionMap; root?: { line: number; column: number } }
  | { ok: false; diagnostics: Diagnostic[] };

export function slowParse(text: string, file: string): SlowParse {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const at = (offset: number) => {
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length) {
    return { ok: false, diagnostics: syntaxDiagnostics(doc, text, file, at) };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = e instanceof Error && /alias/i.test(e.message)
      ? `too many alias expansions (over ${MAX_ALIASES}); refusing a possible alias bomb`
      : `cannot read the YAML (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, diagnostics: [{ file, message: msg }] };
  }
  return { ok: true, raw, positions: mapPositions(file, doc.contents, lc), root: doc.contents?.range ? at(doc.contents.range[0]) : undefined };
}

/**
 * One diagnostic per duplicate key, and only the first of any other syntax
 * errors: after the first, the parser's view of the file is unreliable and
 * the rest are usually echoes of the same mistake.
 */
function syntaxDiagnostics(doc: Document, text: string, file: string, at: (offset: number) => { line: number; column: number }): Diagnostic[] {
  const dups = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  return [...dups, ...(first ? [first] : [])].map((e) => {
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]+?)\s*:/.exec(text.slice(e.pos[0]))?.[1]?.replace(/^["']|["']$/g, '');
      return { file, ...at(e.pos[0]), message: `duplicate key${key ? ` "${key}"` : ''}: each key may appear only once in a mapping` };
    }
    // An unclosed quote is reported where the text ends; point at where it opens.
    const open = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(doc, e) : undefined;
    if (open) return { file, ...at(open.offset), message: `invalid YAML: the ${open.quote} quote that starts here is never closed` };
    return { file, ...at(e.pos[0]), message: yamlMessage(e.message) };
  });
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
