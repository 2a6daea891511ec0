// The order lint lists files in (and its problems by file): natural, the same
// on every machine. Its own module: the glob expander and the lint report
// both use it, and neither should load the other's imports for it.

/**
 * Natural order for file names and paths: runs of digits compare by their
 * number (org-2 before org-10), everything else by UTF-16 code unit, so the
 * order is the same on every machine and Node (no locale, no ICU data).
 * Equal numbers with different leading zeros (org-01, org-1) and otherwise
 * equal names fall back to plain code-unit order: a total order. A comparator
 * for Array.prototype.sort.
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x === y) continue;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      continue;
    }
    // A digit run against text, or text against text: code-unit order of the runs.
    return x < y ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
