// The org file's JSON Schema, generated from the zod schema (never hand-kept),
// for editor completion via the yaml-language-server line. Every fact also
// accepts `unknown` ("don't know") and an empty value, as the loader does.
import * as z from 'zod/mini';
import { OrgSchema } from './schema';

type JsonSchema = Record<string, unknown>;

export function orgJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(OrgSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    // Turn the interview's meta into the keywords editors show on hover.
    override: ({ jsonSchema: js }) => {
      const m = js as JsonSchema & { question?: string; help?: string; choices?: Record<string, string> };
      // Question and help as two sentences: a question without an end mark gets a full stop.
      if (m.question) m.description = m.help ? `${sentence(m.question)} ${m.help}` : m.question;
      if (m.choices && Array.isArray(m.enum)) m.enumDescriptions = (m.enum as string[]).map((v) => m.choices![v] ?? v);
      for (const k of ['question', 'help', 'choices', 'unit', 'item', 'csv', 'source', 'askIf', 'askWhileRecent', 'askWithout', 'askAlways', 'measurable', 'notAfterToday', 'offerFrom']) delete m[k];
    },
  }) as JsonSchema;
  allowUnknown(schema, true);
  return { ...schema, title: 'sales-audit org file (version 1)' };
}

/** Ends a text with a full stop unless it already ends with ., ? or !. */
const sentence = (t: string) => (/[.?!:)]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

// Properties of objects (other than the free-text maps) may also be `unknown` or null.
function allowUnknown(node: unknown, isRoot = false): void {
  if (!node || typeof node !== 'object') return;
  const n = node as JsonSchema;
  const props = n.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      allowUnknown(value);
      if (isRoot && (key === 'waivers' || key === 'notes' || key === 'answers' || key === 'sources' || key === 'version' || key === '$schema')) continue;
      props[key] = { anyOf: [value, { const: 'unknown', description: "Don't know (the interview will not ask again)" }, { type: 'null' }] };
    }
  }
  if (n.items) allowUnknown(n.items);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(n[k])) for (const s of n[k] as unknown[]) allowUnknown(s);
}
