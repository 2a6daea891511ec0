// What an input file may hold or expand to. Each bound keeps a hostile or
// broken file from costing minutes or gigabytes; README.md ("Limits") states
// them, and each refusal names the limit it hit.

/** The largest org file, roster, config or answers file read, in bytes. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** How deep data may nest, the top-level mapping being level 1 (a real org file needs 6). */
export const MAX_DEPTH = 100;
/** How many values (scalars, lists and mappings) a YAML file may expand to, counting each alias use as a copy of what it names. */
export const MAX_NODES = 500_000;
/** The most items one list may hold; `people:` and a CSV roster together count as one list. */
export const MAX_LIST_ITEMS = 50_000;
