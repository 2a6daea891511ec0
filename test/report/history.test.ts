// The history renderers: the sparkline's fixed scale, the cap on the terminal
// chart, and the table that lists every commit.
import { describe, expect, it } from 'vitest';
import { failedPoint, HISTORY_SCHEMA_VERSION, type History, type HistoryPoint } from '../../src/engine/history';
import { renderHistoryMarkdown, renderHistoryText, sparkline, SPARK_MAX } from '../../src/report/history';

const point = (i: number, score: number): HistoryPoint => ({
  commit: i.toString(16).padStart(40, '0'),
  date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  subject: `c${i}`,
  path: 'acme.yaml',
  score,
  upTo: score,
  coverage: 100,
  grade: null,
  gradeStatus: 'incomplete',
  categories: {},
  findings: 1,
});
const history = (points: HistoryPoint[]): History => ({ schemaVersion: HISTORY_SCHEMA_VERSION, tool: { name: 'sales-audit', version: 't' }, file: 'acme.yaml', categories: [], points });

describe('history renderers', () => {
  it('sparkline: one mark per value on a fixed 0..100 scale, · for a version that could not be audited', () => {
    expect(sparkline([0, 12.5, 25, 50, 99, 100, null])).toBe('▁▂▃▅██·');
  });

  it('the terminal chart shows the last SPARK_MAX commits and says so; the table lists all', () => {
    const pts = Array.from({ length: SPARK_MAX + 7 }, (_, i) => point(i, i % 100));
    const text = renderHistoryText(history(pts));
    const marks = /^ {2}Score +(\S+) /m.exec(text)![1]!;
    expect([...marks]).toHaveLength(SPARK_MAX);
    expect(text).toContain(`the last ${SPARK_MAX} of ${SPARK_MAX + 7}`);
    expect(text.split('\n').filter((l) => /^ {2}2026-/.test(l))).toHaveLength(SPARK_MAX + 7);
  });

  it('a version that could not be audited: no numbers, the reason, in text and markdown', () => {
    const h = history([point(1, 40), failedPoint({ hash: 'a'.repeat(40), date: '2026-02-01', subject: 'broken', path: 'acme.yaml' }, 'acme.yaml:1:10: bad'), point(3, 60)]);
    expect(renderHistoryText(h)).toContain('broken (could not be audited: acme.yaml:1:10: bad)');
    expect(renderHistoryMarkdown(h)).toContain('| 2026-02-01 | `aaaaaaa` | ? | ? | ? | unreadable |  | broken (could not be audited: acme.yaml:1:10: bad) |');
  });
});
