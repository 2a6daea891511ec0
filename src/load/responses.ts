// Several respondents: each answer kept under `responses:` is checked against
// its fact's schema when the org file loads, so a hand-edited answer that no
// rule could read (`plan.shared_with_reps: maybe`) is refused with its place,
// as the same value in the body would be. Loaded only for a file with
// responses: it builds the schema.
import { formatPath, parsePath, personIndex, splitPersonKey } from '../model/paths';
import { suggest } from './diagnostics';
import { schemaAt, unwrap } from '../model/introspect';
import type { Diagnostic } from './diagnostics';
import { isUnknown } from './normalize';
import type { PositionMap } from './positions';

/**
 * One diagnostic per answer that names no fact, that its fact does not take,
 * that is about a person (`people[name=…]`) the roster does not list, or that
 * names a person of the roster by position (`people[3].…`, as older files
 * did) where a name is there to key it by. A position key is refused, not
 * migrated: nothing in the file says whether the roster was reordered or edited
 * since the answer was stored, and a migration would then tie a respondent's
 * answer to another person without a word. The message gives the name key of
 * the person now at that position, for the consultant to check and write. A
 * position key about a person with no name (the only key such a person has,
 * as the interview stores it) is read as before.
 * @param people the roster as loaded (CSV roster included)
 */
export function checkResponses(responses: unknown, file: string, positions: PositionMap, people: readonly unknown[] = []): Diagnostic[] {
  if (!Array.isArray(responses)) return [];
  const out: Diagnostic[] = [];
  responses.forEach((r, i) => {
    const answers = r && typeof r === 'object' ? (r as { answers?: unknown }).answers : undefined;
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return;
    for (const [key, value] of Object.entries(answers)) {
      const path = formatPath(['responses', i, 'answers', key]);
      const at = (value: boolean) => {
        const loc = value ? positions.locateValue(path) : (positions.get(path)?.key ?? positions.locate(path));
        return { file: loc?.file ?? file, line: loc?.line, column: loc?.column, path };
      };
      // An answer about a person by position, where the roster gives a name (or has no one there): refused, see above.
      const byPosition = /^people\[(\d+)\]((?:\.|\[).+)$/.exec(key);
      if (byPosition) {
        const n = Number(byPosition[1]);
        const person = people[n] as { name?: unknown } | undefined;
        const name = typeof person?.name === 'string' && person.name.trim() ? person.name.trim() : undefined;
        if (n >= people.length)
          out.push({ ...at(false), message: `an answer keyed by roster position ${n}, and people lists ${people.length}: key it by the person's name, people[name=…]${byPosition[2]}` });
        else if (name !== undefined)
          out.push({
            ...at(false),
            message: `an answer keyed by roster position goes to another person once people is reordered or edited: write people[name=${name}]${byPosition[2]} if it is about ${name} (at that position now)`,
          });
        if (n >= people.length || name !== undefined) continue;
      }
      // An answer about a person by name: the name must be the roster's (an answer is never moved to someone else, nor dropped unsaid).
      const named = splitPersonKey(key);
      if (named && personIndex(people, named.name) === undefined) {
        const names = people.map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string');
        const s = suggest(named.name, names);
        out.push({ ...at(false), message: `no person named "${named.name}" in people${s ? ` (did you mean "${s}"?)` : ''}: an answer about a person is keyed by a name of the roster` });
        continue;
      }
      // A rep's answer about themselves, or an answer about a person by name, is checked as the same fact of a person.
      const segs = parsePath(key.startsWith('self.') ? `people[0].${key.slice(5)}` : named ? `people[0]${named.rest}` : key);
      const s = segs.length && !segs.includes(-1) && segs[0] !== 'notes' ? schemaAt(segs) : undefined;
      if (segs[0] === 'notes') continue;
      if (!s) {
        out.push({ ...at(false), message: `unknown fact "${key}": an answer is keyed by a fact path, e.g. plan.shared_with_reps or self.coaching.one_to_one` });
        continue;
      }
      if (isUnknown(value)) continue;
      const parsed = unwrap(s).safeParse(value);
      if (!parsed.success) out.push({ ...at(true), message: parsed.error.issues[0]?.message ?? 'not a value this fact takes' });
    }
  });
  return out;
}
