// The mid-size example's roster repeated to any size, for tests of large organisations.
import { readFileSync } from 'node:fs';

const MID = readFileSync('templates/examples/mid-size-gaps.yaml', 'utf8');

/** The mid-size example with its people repeated to `n` (names suffixed " r1", " r2"... from the second round), as YAML text. */
export function repeated(n: number): string {
  const lines = MID.split('\n');
  const start = lines.indexOf('people:') + 1;
  let end = start;
  while (end < lines.length && (lines[end]!.startsWith(' ') || lines[end] === '')) end++;
  const items: string[][] = [];
  for (let i = start; i < end; i++) {
    if (lines[i]!.startsWith('  - ')) items.push([]);
    items.at(-1)?.push(lines[i]!);
  }
  const body: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i % items.length]!;
    const round = Math.floor(i / items.length);
    body.push(round ? item[0]!.replace(/name: (.*)$/, `name: $1 r${round}`) : item[0]!, ...item.slice(1));
  }
  return [...lines.slice(0, start), ...body, ...lines.slice(end)].join('\n');
}
