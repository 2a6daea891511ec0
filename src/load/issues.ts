// zod's issues as one-line diagnostics with file:line:col and plain wording.
// In a module of its own: it needs the schema, which a valid org file never
// builds (see loadOrgText).
import type * as z from 'zod/mini';
import { formatPath, type Segment } from '../model/paths';
import { keysAt } from '../model/introspect';
import { OrgSchema } from '../model/schema';
import { suggest, type Diagnostic } from './diagnostics';
import type { PositionMap } from './positions';
import { UNKNOWN } from './normalize';
import { noSuchDay } from '../engine/calendar';

const describe = (v: unknown) =>
  v === undefined || v === null ? 'nothing' : typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : typeof v === 'object' && v ? 'a mapping' : String(v);

export function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], file: string, positions: PositionMap, data: unknown, root: z.ZodMiniType = OrgSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const segs = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
    const path = formatPath(segs);
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(segs, root);
      for (const key of issue.keys) {
        const keyPath = formatPath([...segs, key]);
        const loc = positions.get(keyPath)?.key ?? positions.locate(path);
        const s = suggest(key, allowed);
        out.push({
          file: loc?.file ?? file,
          line: loc?.line,
          column: loc?.column,
          path: keyPath,
          message: `unknown key "${key}"${s ? `; did you mean "${s}"?` : allowed.length ? `; expected one of: ${allowed.join(', ')}` : ''}`,
        });
      }
      continue;
    }
    const loc = positions.locateValue(path);
    const got = valueAt(data, segs);
    const inList = typeof segs.at(-1) === 'number';
    let message = issue.message;
    if (inList && (got === null || got === undefined)) {
      message = 'empty list item: fill it in or delete its "-" line';
    } else if (inList && typeof got === 'string' && got.trim().toLowerCase() === UNKNOWN) {
      const field = [...segs].reverse().find((x) => typeof x === 'string');
      message = `"unknown" stands for a whole answer, not one item of a list: write \`${field}: unknown\` instead of the list`;
    } else if (issue.code === 'invalid_value') {
      const values = (issue.values as unknown[]).map(String);
      const s = typeof got === 'string' ? suggest(got, values) : undefined;
      message =
        values.length === 1 && !/^Invalid/.test(issue.message)
          ? `${issue.message}, got ${describe(got)}`
          : `expected one of: ${values.join(', ')}; got ${describe(got)}${s ? ` (did you mean "${s}"?)` : ''}`;
    } else if (issue.code === 'invalid_type' && /^Invalid input: expected \w+/.test(issue.message)) {
      // zod's default wording, for shapes without a custom message (sections, list items).
      const expected = /^Invalid input: expected (\w+)/.exec(issue.message)![1]!;
      message = `expected ${FRIENDLY_TYPES[expected] ?? expected}, got ${describe(got)}`;
      // `outside_help: reading` for a list of one.
      // Only for a plain word: a value is echoed only quoted, never raw (it could hold a line break).
      if (expected === 'array' && (typeof got === 'number' || (typeof got === 'string' && /^[\w.-]+$/.test(got)))) message += `; write [${String(got)}] for a list of one`;
    } else if (issue.code === 'invalid_format' && typeof got === 'string' && noSuchDay(got)) {
      message = `${got} does not exist: ${noSuchDay(got)}`;
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_format' || issue.code === 'too_small' || issue.code === 'too_big') {
      message = `${issue.message}, got ${describe(got)}`;
      if (issue.code === 'invalid_type' && typeof got === 'string' && /^-?\d+(\.\d+)?\s*%$/.test(got.trim())) message += '; write the number without "%"';
    }
    out.push({ file: loc?.file ?? file, line: loc?.line, column: loc?.column, path: path || undefined, message });
  }
  return out;
}

// In engine/calendar.ts, so that --date (cli/options.ts) says the same without loading the schema.
export { noSuchDay };

const FRIENDLY_TYPES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

function valueAt(data: unknown, segs: Segment[]): unknown {
  let cur = data;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
