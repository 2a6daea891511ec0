// The format registry. Renderers are imported lazily so a command only loads
// the ones it prints (the JSON path never loads chalk or cli-table3).
import type { AuditReport } from '../engine/types';

export const AUDIT_FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof AUDIT_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  width?: number;
}

export async function render(format: Format, report: AuditReport, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text')).renderText(report, opts);
    case 'markdown':
      return (await import('./markdown')).renderMarkdown(report);
    case 'json':
      return (await import('./json')).renderJson(report);
  }
}
