// Custom checks of the org schema, in a module of their own so the generated
// fast validator (org-validator.generated.ts) can use the very same functions.

/** A `none` choice ("no outside help") cannot stand beside real answers. */
export const noneAlone = (a: readonly string[]): boolean => !(a.length > 1 && a.includes('none'));
