// HTML by construction: every page the product writes (the report, the diff and
// history pages, the questionnaire form) is built with the `html` tagged
// template, which escapes every value it is given unless that value was itself
// made by a template. So no interpolation can forget its escape: a string from
// an org file, a commit message or a file name is text wherever it lands.
//
// The template knows where each value goes from its own static text (cached
// per call site): element content and quoted attribute values get the value
// escaped; a URL attribute that starts with a value takes only a safe URL;
// a value as an unquoted attribute, a bare string between attributes, and
// anything but `css`/`script` output inside <style>/<script> are programming
// errors and throw. Style sheets and scripts have their own templates with
// their own escaping (`css`: CSS string literals; `script`: JSON).

const HTML_BRAND = Symbol('sales-audit html');

/**
 * A piece of HTML made by `html` (or `join`): inserted as is by another
 * template, never escaped again. No toString: in a plain string it shows as
 * [object Object], so HTML cannot be glued together outside the template.
 */
export class Html {
  /** @internal Made only by this module's functions. */
  constructor(
    brand: symbol,
    /** The markup. */
    readonly text: string,
  ) {
    if (brand !== HTML_BRAND) throw new TypeError('Html is made by the html template only');
  }
}

/** A style sheet (the text inside <style>), made by `css` or `trusted.css`. */
export class Css {
  /** @internal */
  constructor(
    brand: symbol,
    /** The CSS text. */
    readonly text: string,
  ) {
    if (brand !== HTML_BRAND) throw new TypeError('Css is made by the css template only');
  }
}

/** A script (the text inside <script>), made by `script` or `trusted.script`. */
export class Script {
  /** @internal */
  constructor(
    brand: symbol,
    /** The script text. */
    readonly text: string,
  ) {
    if (brand !== HTML_BRAND) throw new TypeError('Script is made by the script template only');
  }
}

/** What an `html` template takes: text (escaped), numbers, fragments, and lists of them; null, undefined and false write nothing. */
export type HtmlValue = Html | Css | Script | string | number | boolean | null | undefined | readonly HtmlValue[];

// ---- escaping ----

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML content and quoted attribute values: the five metacharacters
 * become entities, control characters (but tab, LF and CR) become U+FFFD.
 * Private to this module: pages are built with `html`, which calls it.
 */
function escapeText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The attributes whose value is a URL: a value at their start must be a safe URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'srcset', 'data']);
/** Same-page anchors, relative paths (no scheme), http(s) and mailto: nothing that runs (javascript:, data:, vbscript:). */
const SAFE_URL = /^(?:#|[^:/?#]*(?:[/?#]|$)|https?:|mailto:)/i;

// ---- where each value goes ----

/** A value's place in the template, read from the static text before it. */
type Slot = { kind: 'text' } | { kind: 'attr'; url: boolean } | { kind: 'tag' } | { kind: 'style' } | { kind: 'script' };

const slotsCache = new WeakMap<TemplateStringsArray, Slot[]>();

/** Reads the static parts as an HTML tokenizer would (text, tag, quoted attribute value) and says where each value goes. */
function slotsOf(strings: TemplateStringsArray): Slot[] {
  const cached = slotsCache.get(strings);
  if (cached) return cached;
  const slots: Slot[] = [];
  let state: 'text' | 'tag' | 'attr' = 'text';
  let quote = '';
  let raw: 'style' | 'script' | '' = '';
  let attrName = '';
  let attrStart = false;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    for (let j = 0; j < s.length; j++) {
      const ch = s[j]!;
      if (state === 'text') {
        if (ch === '<' && /[a-zA-Z/!]/.test(s[j + 1] ?? '')) {
          const tag = /^<([a-zA-Z]+)/.exec(s.slice(j))?.[1]?.toLowerCase();
          raw = tag === 'style' || tag === 'script' ? tag : '';
          state = 'tag';
        }
      } else if (state === 'tag') {
        if (ch === '>') state = 'text';
        else if (ch === '"' || ch === "'") {
          quote = ch;
          state = 'attr';
          attrName = /([^\s="'<>/]+)\s*=\s*$/.exec(s.slice(0, j))?.[1]?.toLowerCase() ?? '';
          attrStart = true;
          continue;
        }
      } else if (ch === quote) state = 'tag';
      attrStart = false;
    }
    if (i === strings.length - 1) break;
    if (state === 'tag') {
      if (/=\s*$/.test(s)) throw new TypeError(`html: an unquoted attribute value after ${JSON.stringify(s.slice(-40))}; quote it`);
      slots.push({ kind: 'tag' });
    } else if (state === 'attr') slots.push({ kind: 'attr', url: attrStart && URL_ATTRIBUTES.has(attrName) });
    else if (raw && /<(style|script)\b[^>]*>$/i.test(s)) slots.push({ kind: raw });
    else slots.push({ kind: 'text' });
    // A value ends any run of static text: the next static part starts mid-attribute or mid-text, not at a value's start.
    attrStart = false;
  }
  slotsCache.set(strings, slots);
  return slots;
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : v instanceof Html ? 'html' : v instanceof Css ? 'css' : v instanceof Script ? 'a script' : typeof v;
}

function write(slot: Slot, v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  switch (slot.kind) {
    case 'text':
      if (v instanceof Html) return v.text;
      if (Array.isArray(v)) return v.map((x: HtmlValue) => write(slot, x)).join('');
      if (typeof v === 'string') return escapeText(v);
      if (typeof v === 'number') return escapeText(String(v));
      break;
    case 'attr':
      if (typeof v === 'string' || typeof v === 'number') {
        const text = String(v);
        return escapeText(slot.url && !SAFE_URL.test(text) ? 'about:invalid' : text);
      }
      break;
    case 'tag':
      // Only whole attributes made by a template (` data-gates`), never a bare string.
      if (v instanceof Html) return v.text;
      if (Array.isArray(v)) return v.map((x: HtmlValue) => write(slot, x)).join('');
      break;
    case 'style':
      if (v instanceof Css) return v.text;
      break;
    case 'script':
      if (v instanceof Script) return v.text;
      break;
  }
  throw new TypeError(`html: ${describe(v)} cannot go in ${slot.kind === 'attr' ? 'an attribute value' : slot.kind === 'tag' ? 'a tag' : slot.kind === 'text' ? 'text' : `<${slot.kind}>`}`);
}

// ---- the templates ----

/**
 * The HTML template: `html\`<p class="x">${text}</p>\``. Strings and numbers
 * are escaped for where they go (text or a quoted attribute value); values
 * made by `html` are inserted as they are; arrays join their items; null,
 * undefined and false write nothing. Inside <style> only `css` output goes,
 * inside <script> only `script` output.
 * @throws TypeError on a value where it cannot go (a programming error, whatever the data).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const slots = slotsOf(strings);
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += write(slots[i]!, values[i]!) + strings[i + 1]!;
  return new Html(HTML_BRAND, out);
}

/** Joins fragments with a separator (itself markup, a constant), without escaping them again. */
export function join(parts: readonly Html[], separator: '' | '\n' | ', ' | ' · ' = ''): Html {
  return new Html(HTML_BRAND, parts.map((p) => p.text).join(separator));
}

/**
 * A CSS string literal that is safe inside a <style> element: every character
 * but letters, digits and spaces becomes a hex escape, so no value can close
 * the string, the rule or the element (`</style>`); control characters become spaces.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value.replace(/[\u0000-\u001f\u007f]/g, ' ')) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** The CSS template: strings become CSS string literals (`cssString`), finite numbers stay numbers, `css` output goes in as is. */
export function css(strings: TemplateStringsArray, ...values: (Css | string | number)[]): Css {
  let out = strings[0]!;
  values.forEach((v, i) => {
    if (v instanceof Css) out += v.text;
    else if (typeof v === 'number' && Number.isFinite(v)) out += String(v);
    else if (typeof v === 'string') out += cssString(v);
    else throw new TypeError(`css: ${describe(v)} cannot go in a style sheet`);
    out += strings[i + 1]!;
  });
  return new Css(HTML_BRAND, out);
}

/**
 * JSON that is safe inside a <script>: no `<` (so no `</script>` or `<!--`), no
 * line separators, and no DEL or C1 control (which JSON.stringify leaves raw) in the page.
 */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The script template: every value is written as JSON (`var D = ${data};`), `script` output goes in as is. */
export function script(strings: TemplateStringsArray, ...values: unknown[]): Script {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += (v instanceof Script ? v.text : scriptJson(v)) + strings[i + 1]!;
  });
  return new Script(HTML_BRAND, out);
}

/**
 * Text taken as it is, for build-time constants only: the style sheets and the
 * form's script, which live in their own files (src/report/*.css,
 * src/questionnaire/form.js) and are inlined by the build. Never for anything
 * read at run time (test/report/html-construction.test.ts checks every use).
 */
export const trusted = {
  css: (constant: string): Css => new Css(HTML_BRAND, constant),
  script: (constant: string): Script => new Script(HTML_BRAND, constant),
} as const;
