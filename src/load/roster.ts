// A CSV roster (`people_csv: reps.csv`): one row per person, the same fields as
// `people[]`, nested fields as dotted headers (coaching.plan). Lists such as
// attainment are written with `;` between values; performance actions as
// `date action` items (`2026-04-01 pay_cut; 2026-06-01 release`). Cells are
// separated by `,`, or by `;` or a tab when the header line is (what many
// spreadsheet locales export). Loaded lazily, only when an org file names a
// roster.
import { parse } from 'csv-parse/sync';
import { formatPath } from '../model/paths';
import { schemaAt, kindOf, keysAt } from '../model/introspect';
import { suggest, type Diagnostic } from './diagnostics';
import { readText } from './load';
import { keepYoungGenerationSmall } from './heap';
import type { Place, PositionMap } from './positions';
import { isUnknown } from './normalize';

type Row = { record: string[]; info: { lines: number } };
type Cell = { line: number; column: number; quoted?: boolean };

/** The columns a roster may have: every field of a person, nested ones dotted (coaching.plan). */
export function rosterColumns(): string[] {
  const out: string[] = [];
  for (const k of keysAt(['people', 0])) {
    const s = schemaAt(['people', 0, k]);
    if (s && kindOf(s) === 'object') for (const n of keysAt(['people', 0, k])) out.push(`${k}.${n}`);
    else out.push(k);
  }
  return out;
}

export async function loadRoster(
  absPath: string,
  shownPath: string,
  positions: PositionMap,
  unknowns: string[],
  offset: number,
): Promise<{ ok: true; people: Record<string, unknown>[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const read = await readText(absPath, 'a CSV roster');
  if (!read.ok) return { ok: false, diagnostics: [{ ...read.diagnostic, file: shownPath }] };
  const text = read.text;
  // A roster of thousands of people: as for a large org file (heap.ts).
  keepYoungGenerationSmall(text.length);
  const delimiter = detectDelimiter(text);
  let rows: Row[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, relax_column_count: false, delimiter }) as unknown as Row[];
  } catch (e) {
    const err = e as { message: string; lines?: number; code?: string };
    const message =
      err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? `invalid CSV: ${err.message.replace(/^Invalid Record Length: expect (\d+), got (\d+) on line \d+$/, 'the row has $2 cells, the header has $1')}`
        : `invalid CSV: ${err.message
            .split('\n')[0]!
            .replace(/^Invalid \w+ \w+: /, '')
            .replace(/:? at line \d+$/, '')}`;
    return { ok: false, diagnostics: [{ file: shownPath, ...(err.lines ? { line: err.lines, column: 1 } : {}), message }] };
  }
  if (!rows.length) return { ok: true, people: [] };
  const cells = cellPositions(text, delimiter);
  const header = rows[0]!.record.map((h) => h.trim());
  const diagnostics: Diagnostic[] = [];
  const columns = rosterColumns();
  const seen = new Set<string>();
  header.forEach((h, i) => {
    const at = { line: cells[0]?.[i]?.line ?? 1, column: cells[0]?.[i]?.column ?? 1 };
    if (seen.has(h)) {
      diagnostics.push({ file: shownPath, ...at, message: `duplicate column "${h}"` });
      return;
    }
    seen.add(h);
    if (!columns.includes(h)) {
      const s = suggest(h, columns);
      diagnostics.push({
        file: shownPath,
        ...at,
        message: `unknown column "${h}"${s ? `; did you mean "${s}"?` : `; expected any of: ${columns.join(', ')}`}`,
      });
    }
  });
  if (diagnostics.length) return { ok: false, diagnostics };

  positions.add(rosterPlaces(shownPath, header, rows, cells, offset));
  const people = rows.slice(1).map((row, r) => {
    const rowCells = cells[r + 1] ?? [];
    const rowAt = { line: rowCells[0]?.line ?? row.info.lines, column: 1 };
    const index = offset + r;
    const person: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const cell = (row.record[i] ?? '').trim();
      if (cell === '') return;
      const segs = h.split('.');
      const { line, column } = rowCells[i] ?? rowAt;
      const loc = { file: shownPath, line, column };
      if (isUnknown(cell)) {
        unknowns.push(formatPath(['people', index, ...segs]));
        return;
      }
      let target = person;
      for (const s of segs.slice(0, -1)) target = (target[s] ??= {}) as Record<string, unknown>;
      const kind = kindOf(schemaAt(['people', 0, ...segs])!);
      if (kind === 'array') {
        // List cells (`45;40;38`): each item gets its own place, for messages such as attainment[1].
        const raw = row.record[i] ?? '';
        const items: { value: string; column: number }[] = [];
        let col = loc.column + (rowCells[i]?.quoted ? 1 : 0);
        for (const part of raw.split(';')) {
          const value = part.trim();
          if (value !== '') items.push({ value, column: col + part.length - part.trimStart().length });
          col += part.length + 1;
        }
        const element = schemaAt(['people', 0, ...segs, 0]);
        if (element && kindOf(element) === 'object') {
          // `2026-04-01 pay_cut`: each item is a date and a word, as keysAt orders them (date, action).
          const [first, second] = keysAt(['people', 0, ...segs, 0]);
          const parsed = items.map((it) => /^(\S+)\s+(\S+)$/.exec(it.value));
          const bad = parsed.findIndex((m) => !m);
          if (bad >= 0) {
            diagnostics.push({
              file: shownPath,
              line: loc.line,
              column: items[bad]!.column,
              path: formatPath(['people', index, ...segs, bad]),
              message: `expected "${first} ${second}" items such as "2026-04-01 pay_cut", separated by ";"; got ${JSON.stringify(items[bad]!.value)}`,
            });
            return;
          }
          target[segs.at(-1)!] = parsed.map((m) => ({ [first!]: m![1], [second!]: m![2] }));
        } else {
          target[segs.at(-1)!] = items.map((it) => (Number.isFinite(Number(it.value)) ? Number(it.value) : it.value));
        }
      } else {
        target[segs.at(-1)!] = coerce(cell, kind);
      }
    });
    return person;
  });
  if (diagnostics.length) return { ok: false, diagnostics };
  return { ok: true, people };
}

/**
 * Each roster cell's place, worked out when asked for (only the cells a
 * finding cites, or an error): a place per cell set up front was most of the
 * time and memory of loading a large roster. The places are those of the
 * cells: `people[N]` at its row (column 1), `people[N].<column>` at its cell,
 * and each item of a list cell (`people[N].attainment[1]`, `45;40;38`) at
 * the item; N counts on from `offset` (the org file's own people).
 */
function rosterPlaces(file: string, header: readonly string[], rows: readonly Row[], cells: readonly Cell[][], offset: number) {
  // A column by its path under a person (`coaching.plan`), and whether its cells are lists.
  const columns = new Map<string, number>();
  const lists: boolean[] = [];
  header.forEach((h, i) => {
    const segs = h.split('.');
    columns.set(formatPath(['people', 0, ...segs]).slice('people[0]'.length), i);
    lists.push(kindOf(schemaAt(['people', 0, ...segs])!) === 'array');
  });
  const records = rows.map((row) => row.record);
  const lines = rows.map((row) => row.info.lines);
  const rowAt = (r: number) => ({ line: cells[r + 1]?.[0]?.line ?? lines[r + 1]!, column: 1 });
  const cellAt = (r: number, i: number) => {
    const { line, column } = cells[r + 1]?.[i] ?? rowAt(r);
    return { file, line, column };
  };
  // The columns where a list cell's items start, as the loader reads them (empty items skipped).
  const itemColumns = (r: number, i: number): number[] => {
    const raw = records[r + 1]![i] ?? '';
    const cell = raw.trim();
    if (cell === '' || isUnknown(cell)) return [];
    const out: number[] = [];
    let col = cellAt(r, i).column + (cells[r + 1]?.[i]?.quoted ? 1 : 0);
    for (const part of raw.split(';')) {
      if (part.trim() !== '') out.push(col + part.length - part.trimStart().length);
      col += part.length + 1;
    }
    return out;
  };
  const count = rows.length - 1;
  const rowPlace = (r: number): Place => ({ key: { file, ...rowAt(r) }, value: { file, ...rowAt(r) } });
  const same = (loc: Place['key']): Place => ({ key: loc, value: loc });
  return {
    get(path: string): Place | undefined {
      const m = /^people\[(\d+)\]/.exec(path);
      if (!m) return undefined;
      const r = Number(m[1]) - offset;
      if (!(r >= 0 && r < count)) return undefined;
      const rest = path.slice(m[0].length);
      if (rest === '') return rowPlace(r);
      const i = columns.get(rest);
      if (i !== undefined) return same(cellAt(r, i));
      const item = /^(.*)\[(\d+)\]$/.exec(rest);
      const j = item ? columns.get(item[1]!) : undefined;
      if (j === undefined || !lists[j]) return undefined;
      const column = itemColumns(r, j)[Number(item![2])];
      return column === undefined ? undefined : same({ ...cellAt(r, j), column });
    },
    all(): [string, Place][] {
      const out: [string, Place][] = [];
      for (let r = 0; r < count; r++) {
        out.push([formatPath(['people', offset + r]), rowPlace(r)]);
        header.forEach((h, i) => {
          const segs = h.split('.');
          const loc = cellAt(r, i);
          out.push([formatPath(['people', offset + r, ...segs]), same(loc)]);
          if (lists[i]) itemColumns(r, i).forEach((column, k) => out.push([formatPath(['people', offset + r, ...segs, k]), same({ ...loc, column })]));
        });
      }
      return out;
    },
  };
}

/**
 * The cell separator: `,` unless the header line (outside quotes) holds more
 * `;` or tabs than commas. A semicolon-separated roster (what many
 * spreadsheet locales export) was read as one column named "name;title;...".
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Where each cell of each non-empty record starts (1-based line and column),
 * scanning the text the way csv-parse reads it: `delimiter` between cells, `"` quotes with `""` escapes, records ending at LF or CRLF
 * (not inside quotes), empty lines skipped.
 */
export function cellPositions(text: string, delimiter = ','): Cell[][] {
  const records: Cell[][] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < text.length) {
    // An empty line: skipped, as csv-parse does with skip_empty_lines.
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      col = 1;
      continue;
    }
    const record: Cell[] = [];
    for (;;) {
      const cell: Cell = { line, column: col };
      if (text[i] === '"') cell.quoted = true;
      record.push(cell);
      let quoted = false;
      // One cell.
      while (i < text.length) {
        const c = text[i]!;
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') {
            i += 2;
            col += 2;
            continue;
          }
          if (c === '"') quoted = false;
          if (c === '\n') {
            line++;
            col = 1;
            i++;
            continue;
          }
        } else {
          if (c === '"') quoted = true;
          else if (c === delimiter || c === '\n' || (c === '\r' && text[i + 1] === '\n')) break;
        }
        i++;
        col++;
      }
      if (text[i] === delimiter) {
        i++;
        col++;
        continue;
      }
      break;
    }
    records.push(record);
    if (i < text.length) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      col = 1;
    }
  }
  return records;
}

function coerce(cell: string, kind: string): unknown {
  if (kind === 'number') return Number.isFinite(Number(cell)) ? Number(cell) : cell;
  if (kind === 'boolean') {
    const v = cell.toLowerCase();
    return ['true', 'yes', 'y'].includes(v) ? true : ['false', 'no', 'n'].includes(v) ? false : cell;
  }
  return cell;
}
