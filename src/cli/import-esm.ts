// import() for the ESM-only packages loaded lazily (the prompt library). Built,
// the CLI runs as vm scripts whose own import() Node 20 loses when they come
// from a code cache, so the launcher (bin/sales-audit.js, globalThis.__salesAuditImport) lends its own; from source
// (tests), plain import() works.
type Importer = (specifier: string) => Promise<unknown>;

export function importEsm(specifier: string): Promise<unknown> {
  const lent = (globalThis as { __salesAuditImport?: Importer }).__salesAuditImport;
  return lent ? lent(specifier) : import(specifier);
}
