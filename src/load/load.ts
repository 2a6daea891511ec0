// Turns an org file into a typed model plus positions, or into diagnostics.
// Never throws for bad input: every problem becomes a one-line Diagnostic.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { INVALID } from '../model/invalid';
import { formatPath, type Segment } from '../model/paths';
import { validateOrg } from '../model/org-validator.generated';
import type { Org } from '../model/schema';
import type { Diagnostic } from './diagnostics';
import { fastParse } from './fast-yaml';
import { keepYoungGenerationSmall } from './heap';
import { MAX_BYTES, MAX_LIST_ITEMS } from './limits';
import type { PositionMap } from './positions';
import { stripEmpty } from './normalize';
import { confinementRoot, findRepoRoot, isInside } from './repo';

export interface LoadedOrg {
  /** The path as the user gave it (used in every message). */
  file: string;
  org: Org;
  positions: PositionMap;
  /** Fact paths explicitly answered "unknown" (don't know). */
  unknowns: string[];
  text: string;
}

export type LoadResult = { ok: true; value: LoadedOrg } | { ok: false; diagnostics: Diagnostic[] };

/** Reads a text file for the loader; returns a diagnostic for anything but readable UTF-8 text. */
export async function readText(file: string, what = 'a YAML org file'): Promise<{ ok: true; text: string } | { ok: false; diagnostic: Diagnostic }> {
  try {
    // Sync reads: one small file per run, and node:fs/promises would cost every start a few ms to load.
    // Opened without blocking and then judged by what the descriptor is (links
    // followed): a named pipe would otherwise block the run in open() until a
    // writer comes (a CI job hangs), and a stat before open could be raced.
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    let buf: Buffer | undefined;
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return { ok: false, diagnostic: { file, message: `is a directory; expected ${what}` } };
      // The null device reads as empty and never blocks (`--answers /dev/null`: no answers).
      if (isNullDevice(st)) return { ok: true, text: '' };
      if (!st.isFile()) return { ok: false, diagnostic: { file, message: `is ${special(st)}, not a regular file; expected ${what}` } };
      if (st.size <= MAX_BYTES) buf = readBounded(fd, MAX_BYTES, st.size);
    } finally {
      closeSync(fd);
    }
    if (!buf) return { ok: false, diagnostic: { file, message: `is over 5 MB; expected ${what} under 5 MB` } };
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
      return { ok: false, diagnostic: { file, message: `is UTF-16 text; save it as UTF-8 (expected ${what})` } };
    }
    if (buf.includes(0)) return { ok: false, diagnostic: { file, message: `is a binary file; expected ${what}` } };
    let text: string;
    try {
      text = (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(buf);
    } catch {
      // Point at the first byte that is not UTF-8 (often a Latin-1 accented letter).
      const loose = new TextDecoder('utf-8').decode(buf);
      const bad = loose.indexOf('\uFFFD');
      const before = loose.slice(0, Math.max(bad, 0));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      return { ok: false, diagnostic: { file, ...(bad >= 0 ? { line, column } : {}), message: `is not valid UTF-8 text; save it as UTF-8 (expected ${what})` } };
    }
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `no such file; expected ${what}`
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied: cannot read the file'
          : code === 'EISDIR'
            ? `is a directory; expected ${what}`
            : code === 'ENOTDIR'
              ? `no such file: a part of the path before the file name is a file, not a folder; expected ${what}`
              : code === 'ELOOP'
                ? `cannot read the file: too many symbolic links in the path`
                : code === 'ENAMETOOLONG'
                  ? `cannot read the file: the path is too long`
                  : `cannot read the file (${code ?? 'unknown error'})`;
    return { ok: false, diagnostic: { file, message } };
  }
}

function isNullDevice(st: Stats): boolean {
  if (!st.isCharacterDevice()) return false;
  try {
    return statSync('/dev/null').rdev === st.rdev;
  } catch {
    return false;
  }
}

function special(st: Stats): string {
  return st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file';
}

/** The file's bytes, or undefined past `max` (a regular file can still grow while it is read). */
function readBounded(fd: number, max: number, expected: number): Buffer | undefined {
  // One buffer of the size fstat gave, and a byte more to see that the file grew since: a 64 KB
  // chunk per read was most of what linting a portfolio of small files allocated outside the heap.
  let buf = Buffer.allocUnsafe(Math.min(expected, max) + 1);
  let size = 0;
  for (;;) {
    if (size === buf.length) {
      if (size > max) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, size);
      buf = bigger;
    }
    const n = readSync(fd, buf, size, buf.length - size, null);
    if (n === 0) return buf.subarray(0, size);
    size += n;
  }
}

/** One decoder for every file (decode() without `stream` keeps no state between calls); made when first needed. */
let strictUtf8: InstanceType<typeof TextDecoder> | undefined;

/** Loads an org file; `shown` is the name used in messages (defaults to the path). */
export async function loadOrgFile(file: string, shown = file): Promise<LoadResult> {
  const read = await readText(file);
  if (!read.ok) return { ok: false, diagnostics: [{ ...read.diagnostic, file: shown }] };
  return loadOrgText(read.text, shown, { baseDir: dirname(resolve(file)) });
}

export interface LoadOptions {
  /** Where relative paths in the file (people_csv) are resolved from; defaults to the folder of `file`. */
  baseDir?: string;
}

export async function loadOrgText(text: string, file: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const baseDir = opts.baseDir ?? dirname(resolve(file));
  // Before the parse: it allocates most of what a large audit keeps (heap.ts).
  keepYoungGenerationSmall(text.length);
  // js-yaml when it can; the `yaml` library for anything else, and for every syntax error.
  const fast = fastParse(text, file);
  const parse = fast ? { ok: true as const, ...fast } : (await import('./yaml-doc')).slowParse(text, file);
  if (!parse.ok) return { ok: false, diagnostics: parse.diagnostics };
  let raw = parse.raw;
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, diagnostics: [{ file, ...(parse.root ?? {}), message: 'expected a mapping of sections (company:, leadership:, ...) at the top level' }] };
  }

  const { positions } = parse;
  const tooBig = oversized(raw, file, positions);
  if (tooBig) return { ok: false, diagnostics: [tooBig] };
  const unknowns: string[] = [];
  const forbidden: string[] = [];
  // js-yaml's tree (the fast path) is this load's alone and has no shared nodes (no anchors there): its unchanged parts are kept as they are.
  const data = stripEmpty(raw, [], unknowns, forbidden, { reuse: fast !== undefined }) as Record<string, unknown>;
  const diagnostics: Diagnostic[] = forbidden.map((path) => {
    const loc = positions.get(path)?.key ?? positions.locate(path);
    const key = path.slice(path.lastIndexOf('.') + 1);
    return { file: loc?.file ?? file, line: loc?.line, column: loc?.column, path, message: `unknown key "${key}": never a fact name (refused everywhere, as it could reach the program's objects)` };
  });

  if (typeof data.people_csv === 'string' && data.people_csv.trim()) {
    const { loadRoster } = await import('./roster');
    const csv = data.people_csv.trim();
    // Shown relative to the org file as the user named it, so `reps.csv:3:7` is clickable.
    const shownCsv = isAbsolute(csv) ? csv : join(dirname(file), csv);
    // The roster is opened only when it is a .csv file inside the org file's
    // repository (or folder): a pull request must not make CI read, and echo
    // into its annotations, a line of any other file on the runner.
    const refused = refuseRoster(csv, baseDir);
    const roster = refused
      ? { ok: false as const, diagnostics: [{ file: shownCsv, message: refused }] }
      : await loadRoster(resolve(baseDir, csv), shownCsv, positions, unknowns, Array.isArray(data.people) ? data.people.length : 0);
    if (!roster.ok) {
      // A roster that cannot be read is a problem with the org file's people_csv line.
      const loc = positions.locateValue('people_csv');
      diagnostics.push(
        ...roster.diagnostics.map((d) =>
          d.line === undefined && loc ? { file: loc.file, line: loc.line, column: loc.column, path: 'people_csv', message: `roster ${JSON.stringify(d.file)}: ${d.message}` } : d,
        ),
      );
    } else {
      const people = [...(Array.isArray(data.people) ? data.people : []), ...roster.people];
      if (people.length > MAX_LIST_ITEMS) {
        const loc = positions.locateValue('people_csv');
        return {
          ok: false,
          diagnostics: [
            {
              file,
              ...(loc ? { line: loc.line, column: loc.column } : {}),
              path: 'people_csv',
              message: `${people.length.toLocaleString('en-US')} people with the roster; the limit is ${MAX_LIST_ITEMS.toLocaleString('en-US')}`,
            },
          ],
        };
      }
      data.people = people;
    }
  }

  // One at a time: a roster of 50,000 people can give more diagnostics than a spread into push() has room for on the stack.
  for (const d of fractionPercents(data, file, positions)) diagnostics.push(d);
  // Only a file with several respondents' answers pays for building the schema to check them.
  if (Array.isArray(data.responses) && data.responses.length)
    for (const d of (await import('./responses')).checkResponses(data.responses, file, positions, Array.isArray(data.people) ? data.people : [])) diagnostics.push(d);

  // The validator generated from the zod schema accepts a valid org without
  // building the schema (most of a run's start-up otherwise). Anything it does
  // not accept goes to zod itself, which decides and says why.
  let org = validateOrg(data);
  if (org === INVALID) {
    const [{ OrgSchema }, { issuesToDiagnostics }] = await Promise.all([import('../model/schema'), import('./issues')]);
    // zod's JIT would compile a fast path per object schema (new Function,
    // which the V8 code cache cannot keep) only to use it once.
    const parsed = OrgSchema.safeParse(data, { jitless: true });
    if (parsed.success) org = parsed.data;
    else for (const d of issuesToDiagnostics(parsed.error.issues, file, positions, data)) diagnostics.push(d);
  }
  if (diagnostics.length) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return { ok: true, value: { file, org: org as Org, positions, unknowns: unknowns.sort(), text } };
}

/** Why a roster path is not opened (outside the repository, not a .csv file), or undefined when it may be. */
export function refuseRoster(csv: string, baseDir: string): string | undefined {
  const root = confinementRoot(baseDir);
  if (!isInside(root, resolve(baseDir, csv)))
    return `not opened: a roster must be inside ${findRepoRoot(baseDir) ? "the org file's repository" : "the org file's folder"} (this path leads outside it)`;
  if (!/\.csv$/i.test(csv)) return 'not opened: expected a CSV roster, a file whose name ends in .csv';
  return undefined;
}

/**
 * A diagnostic when parsed data is larger than an org file may be: a list of
 * more than MAX_LIST_ITEMS items (700,000 empty people fit in 2 MB of YAML
 * and took 15 s and 1.4 GB to audit). Walked without recursion; the `yaml`
 * path has already bounded what aliases expand to (MAX_NODES) and how deep
 * the data nests, and the fast path reads no aliases, so this stays linear.
 */
function oversized(raw: unknown, file: string, positions: PositionMap): Diagnostic | undefined {
  // First without paths (a path per mapping and list was most of this walk's cost); only a refusal needs one.
  const values: unknown[] = [raw];
  let over = false;
  while (values.length && !over) {
    const value = values.pop();
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) over = true;
      else for (const v of value) if (v !== null && typeof v === 'object') values.push(v);
    } else if (value !== null && typeof value === 'object') {
      for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') values.push(v);
      }
    }
  }
  if (!over) return undefined;
  const stack: [unknown, Segment[]][] = [[raw, []]];
  while (stack.length) {
    const [value, segs] = stack.pop()!;
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        const path = formatPath(segs);
        const loc = positions.locateValue(path);
        return {
          file,
          ...(loc ? { line: loc.line, column: loc.column } : {}),
          path: path || undefined,
          message: `a list of ${value.length.toLocaleString('en-US')} items; the limit is ${MAX_LIST_ITEMS.toLocaleString('en-US')} items per list`,
        };
      }
      value.forEach((v, i) => v !== null && typeof v === 'object' && stack.push([v, [...segs, i]]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (v !== null && typeof v === 'object') stack.push([v, [...segs, k]]);
    }
  }
  return undefined;
}

/**
 * Percentages (`*_pct` fields and attainment, 0 to 100) written as fractions:
 * `crm_active_use_pct: 0.8` almost always means 80 %, not 0.8 %, and taking
 * it literally would score the org on a value nobody meant. Refused with the
 * fix at the value; a real value under 1 % can be written as 0 or 1.
 */
function fractionPercents(data: Record<string, unknown>, file: string, positions: PositionMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (v: unknown, segs: Segment[]) => {
    if (typeof v !== 'number' || !(v > 0 && v < 1)) return;
    const path = formatPath(segs);
    const loc = positions.locateValue(path);
    out.push({
      file: loc?.file ?? file,
      line: loc?.line,
      column: loc?.column,
      path,
      message: `${v} reads as ${v} %; percentages are numbers from 0 to 100: write ${+(v * 100).toFixed(2)} for ${+(v * 100).toFixed(2)} %`,
    });
  };
  // One path, grown and cut as the walk goes (a copy per key was most of this walk's cost); check copies it when it reports.
  const segs: Segment[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x === null || typeof x !== 'object') continue;
        segs.push(i);
        walk(x);
        segs.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        segs.push(k);
        if (k.endsWith('_pct')) check(x, segs);
        else if (k === 'attainment' && Array.isArray(x)) {
          for (let i = 0; i < x.length; i++) {
            segs.push(i);
            check(x[i], segs);
            segs.pop();
          }
        } else if (x !== null && typeof x === 'object' && segs.length < 5) walk(x);
        segs.pop();
      }
    }
  };
  walk(data);
  return out;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
}
