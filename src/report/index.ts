// The format registry. Renderers are imported lazily so a command only loads
// the ones it prints (the JSON path never loads chalk or cli-table3).
import type { AuditReport } from '../engine/types';
import type { Css, Html } from './html-template';
import { escapeJsonControls, guardLineStarts, sanitize } from './safe';

export const AUDIT_FORMATS = ['text', 'markdown', 'json', 'html', 'csv', 'pdf'] as const;
export type Format = (typeof AUDIT_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  width?: number;
  /** html (and pdf): force A4 or US Letter; without it the HTML fits either. */
  paper?: 'a4' | 'letter';
  /** text: the config files that applied, nearest first, as shown (the header names them). */
  configFiles?: readonly string[];
  /** html: a section after the cover, with its CSS and a line under the score gauge (audit --baseline), made by the HTML template. */
  htmlExtra?: { html: Html; css: Css; gauge?: Html };
}

/**
 * Renders a report in one format. Every format gets input that cannot reach a
 * terminal or a CI log as a control sequence or a command (see ./safe): the
 * JSON keeps the data exact and escapes, the others get sanitised strings.
 */
export async function render(format: Format, report: AuditReport, opts: RenderOptions): Promise<string> {
  if (format === 'json') return escapeJsonControls((await import('./json')).renderJson(report));
  return guardLineStarts(await renderFormat(format, sanitize(report), { ...opts, configFiles: sanitize(opts.configFiles) }));
}

async function renderFormat(format: Format, report: AuditReport, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text')).renderText(report, opts);
    case 'markdown':
      return (await import('./markdown')).renderMarkdown(report);
    case 'json':
      return (await import('./json')).renderJson(report);
    case 'html':
      return (await import('./html')).renderHtml(report, { paper: opts.paper, ...(opts.htmlExtra ? { extra: opts.htmlExtra } : {}) });
    case 'csv':
      return (await import('./csv')).renderCsv(report);
    case 'pdf':
      // Bytes printed by a browser, not a string: the CLI renders html and calls ./pdf printPdf.
      throw new Error('the pdf format is printed from html by the CLI (see src/report/pdf.ts)');
  }
}
