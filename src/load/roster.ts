// A CSV roster (`people_csv: reps.csv`): one row per person, the same fields as
// `people[]`, nested fields as dotted headers (coaching.plan). Lists such as
// attainment are written with `;` between values. Loaded lazily, only when an
// org file names a roster.
import { parse } from 'csv-parse/sync';
import { formatPath } from '../model/paths';
import { schemaAt, kindOf, keysAt } from '../model/introspect';
import { suggest, type Diagnostic } from './diagnostics';
import { readText } from './load';
import type { PositionMap } from './positions';
import { UNKNOWN } from './normalize';

type Row = { record: string[]; info: { lines: number } };

export async function loadRoster(
  absPath: string,
  shownPath: string,
  positions: PositionMap,
  unknowns: string[],
  offset: number,
): Promise<{ ok: true; people: Record<string, unknown>[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const read = await readText(absPath, 'a CSV roster');
  if (!read.ok) return { ok: false, diagnostics: [{ ...read.diagnostic, file: shownPath }] };
  let rows: Row[];
  try {
    rows = parse(read.text, { info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as Row[];
  } catch (e) {
    const err = e as { message: string; lines?: number; column?: number };
    return { ok: false, diagnostics: [{ file: shownPath, line: err.lines, message: `invalid CSV: ${err.message.split('\n')[0]}` }] };
  }
  if (!rows.length) return { ok: true, people: [] };
  const header = rows[0]!.record.map((h) => h.trim());
  const diagnostics: Diagnostic[] = [];
  const personKeys = keysAt(['people', 0]);
  const columnCol: number[] = [];
  let col = 1;
  header.forEach((h, i) => {
    columnCol[i] = col;
    col += (rows[0]!.record[i]?.length ?? 0) + 1;
    if (!schemaAt(['people', 0, ...h.split('.')])) {
      const s = suggest(h.split('.')[0]!, personKeys);
      diagnostics.push({ file: shownPath, line: 1, column: columnCol[i], message: `unknown column "${h}"${s ? `; did you mean "${s}"?` : ''}` });
    }
  });
  if (diagnostics.length) return { ok: false, diagnostics };

  const people = rows.slice(1).map((row, r) => {
    const line = row.info.lines;
    const index = offset + r;
    const person: Record<string, unknown> = {};
    positions.set(formatPath(['people', index]), { key: { file: shownPath, line, column: 1 }, value: { file: shownPath, line, column: 1 } });
    header.forEach((h, i) => {
      const cell = (row.record[i] ?? '').trim();
      const segs = h.split('.');
      const path = formatPath(['people', index, ...segs]);
      const loc = { file: shownPath, line, column: columnCol[i]! };
      positions.set(path, { key: loc, value: loc });
      if (cell === '') return;
      if (cell.toLowerCase() === UNKNOWN) {
        unknowns.push(path);
        return;
      }
      let target = person;
      for (const s of segs.slice(0, -1)) target = (target[s] ??= {}) as Record<string, unknown>;
      target[segs.at(-1)!] = coerce(cell, kindOf(schemaAt(['people', 0, ...segs])!));
    });
    return person;
  });
  return { ok: true, people };
}

function coerce(cell: string, kind: string): unknown {
  if (kind === 'number') return Number.isFinite(Number(cell)) ? Number(cell) : cell;
  if (kind === 'boolean') {
    const v = cell.toLowerCase();
    return ['true', 'yes', 'y'].includes(v) ? true : ['false', 'no', 'n'].includes(v) ? false : cell;
  }
  if (kind === 'array') return cell.split(';').map((s) => s.trim()).filter(Boolean).map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
  return cell;
}
