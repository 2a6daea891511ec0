// The org file's sections: a plain list, cheap to import (the CLI's option
// declarations use it before any schema is built).
/** Interview sections, in the order they are asked and reported. */
export const SECTIONS = ['company', 'leadership', 'roles', 'plan', 'process', 'metrics', 'people', 'policies', 'admin', 'tools', 'recruiting', 'friction', 'compensation', 'marketing'] as const;
export type Section = (typeof SECTIONS)[number];
