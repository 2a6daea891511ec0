// A large org file on Node 24 (V8 13): V8 there grows the young generation
// fast while a parse keeps most of what it allocates, so a 10,000-person audit
// peaked at 280 MiB resident for a live heap under 80 MiB. Keeping the young
// generation from growing (--semi-space-growth-factor=1, which V8 reads at each
// garbage collection, so it takes effect when set at run time) brought that to
// about 175 MiB and cost no CPU time there (it saved some). On Node 20 and 22
// the peak is under 200 MiB already and the same flag costs CPU time on 22, so
// they are left as they are. Only for large files: loading node:v8 costs a few
// million instructions, nothing beside reading a megabyte of YAML but a share
// of a small audit's start-up.

/** Text (UTF-16 code units) past which an org file is large enough for the young generation to be kept small. */
export const LARGE_TEXT = 1024 * 1024;

let tuned = false;
let allowed = false;

/**
 * Lets keepYoungGenerationSmall set its V8 flag in this process. Only the CLI
 * calls it: a flag is process-wide, and a library must not change its host's
 * V8 settings.
 */
export function allowHeapTuning(): void {
  allowed = true;
}

/**
 * Keeps V8's young generation from growing during the load and audit of a
 * text of `length` code units, when it is LARGE_TEXT or more, the CLI allowed
 * it (allowHeapTuning) and the running V8 is 13 (Node 24). Only V8 13: a V8
 * that did not know the flag would print "unrecognized flag" on stderr (issue
 * 9's first fault), so a later V8 is left alone until measured. Process-wide
 * and once per process; never throws. Returns whether this call set the flag.
 */
export function keepYoungGenerationSmall(length: number, v8Version = process.versions.v8): boolean {
  if (!allowed || tuned || length < LARGE_TEXT || Number.parseInt(v8Version, 10) !== 13) return false;
  const v8 = process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined;
  if (!v8) return false;
  tuned = true;
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  } catch {
    // A V8 without the flag keeps its own policy: only memory is at stake.
    return false;
  }
}
