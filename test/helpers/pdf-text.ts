// The text of a PDF, page by page and line by line from the top, with each
// line's position (pdfjs-dist, a dev dependency): what the browser tests check
// page breaks with, by where text actually landed on the printed pages.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  text: string;
  /** Distance from the top of the page, in points. */
  top: number;
  /** Font size, in points (the tallest glyph run on the line). */
  size: number;
}

export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

/** Every page's lines, top to bottom; runs on one baseline (within 2 pt) are one line, left to right. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const runs: { text: string; x: number; top: number; size: number }[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , , d, x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, top: height - y!, size: Math.abs(d!) });
      }
      runs.sort((a, b) => a.top - b.top || a.x - b.x);
      const lines: PdfLine[] = [];
      let cur: { runs: typeof runs; top: number } | undefined;
      for (const r of runs) {
        if (cur && Math.abs(r.top - cur.top) <= 2) cur.runs.push(r);
        else {
          if (cur) lines.push(toLine(cur));
          cur = { runs: [r], top: r.top };
        }
      }
      if (cur) lines.push(toLine(cur));
      pages.push({ height, lines });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

function toLine(l: { runs: { text: string; x: number; size: number }[]; top: number }): PdfLine {
  const runs = [...l.runs].sort((a, b) => a.x - b.x);
  return {
    text: runs
      .map((r) => r.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    top: l.top,
    size: Math.max(...runs.map((r) => r.size)),
  };
}
