// Wording the interview command prints or shows in --help, kept beside the
// prompts it describes so the two cannot drift apart.

/**
 * After the first write of a session made `bak`: what that copy is. Said as
 * "before this session" because that is always true: for a file an earlier
 * interview created (or half filled), the copy is that earlier session's
 * result, not an original the user wrote.
 */
export function backupNote(target: string, bak: string): string {
  return `A copy of ${target} as it was before this session is in ${bak}; later sessions leave that copy alone.`;
}

/** For `interview --help`: what an empty answer does, and the backup. */
export const HELP_EMPTY_ANSWERS = `Every question takes "Don't know" (written as \`unknown\`, not asked again) or
"Skip for now" (asked next time): pick one from a list, or press Enter with no
answer (nothing typed, nothing ticked) and choose. In a list of several
choices, "None of these" (an empty list) is on that menu too, unless the list
has its own "None" choice to tick; "None", "Don't know" and "Skip for now"
each go on their own.`;

export const HELP_BACKUP = `The first session that changes an existing file copies it to <file>.bak
first, with the same permissions (never overwritten afterwards: for a file the
interview created, that is the file as an earlier session left it). Each save
holds <file>.lock for a moment, so two sessions on one file lose no answer.`;
