// Issue 16 item 7: HTML by construction. Every page the product writes (the
// report, the --baseline section, the diff and history pages, the questionnaire
// form; the PDF is printed from the report's HTML) is built with the escaping
// template of src/report/html-template.ts. Here: the template's own rules; every
// writer fed data whose every string holds markup, quote breaks, a javascript:
// URL and control characters, with none of it live in the page; the writers'
// source holding no hand-placed escape and no HTML built as a plain string; and
// the report renderer not loading the org schema (it reads the report only).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { diffAudits } from '../../src/engine/diff';
import { failedPoint, HISTORY_SCHEMA_VERSION, historyPoint, type History } from '../../src/engine/history';
import type { AuditReport } from '../../src/engine/types';
import { loadOrgFile } from '../../src/load/load';
import { renderQuestionnaireHtml } from '../../src/questionnaire/html';
import { buildQuestionnaire, type Questionnaire } from '../../src/questionnaire/questions';
import { gaugeDelta, renderDiffHtml, SINCE_CSS, sinceSection } from '../../src/report/diff-html';
import { renderHistoryHtml } from '../../src/report/history-html';
import { renderHtml } from '../../src/report/html';
import { css, cssString, html, join as joinHtml, script, trusted } from '../../src/report/html-template';
import { render } from '../../src/report/index';
import { fixture, FIXTURES, ROOT } from './helpers';

// ---- hostile data ----

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'javascript:alert(1)', '</style></script><!--', '\u0000\u0007\u001b[31m\u007f\u000b'];
/** The same string for the same input, so keys and the values that refer to them still match. */
const hostile = (s: string) => `${s} ${PAYLOADS.join(' ')}`;
/** Record fields whose keys are data (fact paths, note names): their keys get the payloads too. */
const DATA_KEYED = new Set(['labels', 'questions', 'notes']);

/** Every string of a value made hostile, `keep` (enum-like fields the writers switch on) aside. */
function poison<T>(value: T, keep: ReadonlySet<string> = new Set(), keyed = false): T {
  if (typeof value === 'string') return hostile(value) as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, keep)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [keyed ? hostile(k) : k, keep.has(k) ? v : poison(v, keep, DATA_KEYED.has(k))])) as T;
  return value;
}

// ---- what "nothing live" means ----

const TAGS = new Set(
  (
    'html head meta title style script body main header footer section article nav figure figcaption p span b i h1 h2 h3 h4 dl dt dd div ul ol li a code time bdi table caption thead tbody tr th td ' +
    'svg circle rect path line text g desc br form fieldset legend label input button template'
  ).split(' '),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*\/?>/y;
const ATTR = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Reads a page as a browser's tokenizer would and fails on anything live: a
 * tag that is not one of ours, an event handler, a link or load off the page,
 * a raw control character, a script or style other than the one the CSP allows
 * by its hash. Returns the text of each <script> and <style>.
 */
function assertInert(page: string, what: string, scripts: 0 | 1) {
  expect(page, `${what}: a control character`).not.toMatch(CONTROL);
  const raw: Record<'style' | 'script', string[]> = { style: [], script: [] };
  let i = page.startsWith('<!doctype html>\n') || page.startsWith('<!DOCTYPE html>\n') ? 16 : -1;
  expect(i, `${what}: the doctype`).toBe(16);
  for (;;) {
    const lt = page.indexOf('<', i);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(page);
    expect(m, `${what}: markup that is not a well-formed tag at ${JSON.stringify(page.slice(lt, lt + 80))}`).not.toBeNull();
    const [whole, close, name, attrs] = m!;
    const tag = name!.toLowerCase();
    expect(TAGS.has(tag), `${what}: <${tag}>`).toBe(true);
    for (const [, attr, value] of attrs!.matchAll(ATTR)) {
      expect(attr!.toLowerCase(), `${what}: an event handler on <${tag}>`).not.toMatch(/^on/);
      if (/^(href|src|action|formaction|xlink:href|srcset|poster)$/i.test(attr!)) expect(value, `${what}: ${attr} leaves the page`).toMatch(/^#/);
      expect(value ?? '', `${what}: a javascript: URL as an attribute`).not.toMatch(/^\s*javascript:/i);
    }
    i = lt + whole.length;
    if (!close && (tag === 'style' || tag === 'script')) {
      // Raw text: it ends at the first `</style` or `</script`, whatever comes before.
      const end = page.toLowerCase().indexOf(`</${tag}`, i);
      raw[tag].push(page.slice(i, end));
      i = end;
    }
  }
  expect(raw.style, `${what}: one <style>`).toHaveLength(1);
  expect(raw.script, `${what}: scripts`).toHaveLength(scripts);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!.replace(/&#39;/g, "'");
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
  expect(csp, `${what}: the CSP allows the style by its hash`).toContain(`style-src 'sha256-${sha(raw.style[0]!)}'`);
  if (scripts) expect(csp, `${what}: the CSP allows the script by its hash`).toContain(`script-src 'sha256-${sha(raw.script[0]!)}'`);
  else expect(csp).not.toContain('script-src');
  expect(csp).toContain("default-src 'none'");
  return raw;
}

/** The payloads are on the page, as text. */
function assertShown(page: string, what: string) {
  expect(page, `${what}: the script payload as text`).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(page, `${what}: the attribute break as text`).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  expect(page, `${what}: the control characters, replaced`).toContain('\ufffd\ufffd\ufffd[31m\ufffd\ufffd');
}

async function hostileReport(name: string): Promise<AuditReport> {
  // Status, severity, category and the like are the engine's own words, never a file's; everything else gets the payloads.
  return poison(await fixture(name), new Set(['status', 'severity', 'category', 'kind', 'effort', 'gradeStatus', 'grade', 'origin', 'auditDate', 'date', 'expires']));
}

// ---- the template ----

describe('the html template', () => {
  it('escapes text and attribute values, and writes a fragment it made as it is', () => {
    const name = `<b a="1" b='2'>&`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe('<p title="&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;">&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;</p>');
    const inner = html`<i>${name}</i>`;
    expect(html`<p>${inner}</p>`.text).toBe('<p><i>&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;</i></p>');
    // Glued into a plain string, a fragment is no HTML at all (no toString).
    expect(`<p>${inner as unknown as string}</p>`).toBe('<p>[object Object]</p>');
    // A fragment's text is escaped like any string once it is only a string.
    expect(html`<p>${inner.text}</p>`.text).toBe('<p>&lt;i&gt;&amp;lt;b a=&amp;quot;1&amp;quot; b=&amp;#39;2&amp;#39;&amp;gt;&amp;amp;&lt;/i&gt;</p>');
  });

  it('joins arrays without escaping their fragments again, escapes their strings, and writes nothing for null, undefined and false', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`, 3, null, undefined, false]}</ul>`.text).toBe('<ul>&lt;a&gt;<li>ok</li>3</ul>');
    expect(joinHtml([html`<b>1</b>`, html`<b>${'<2>'}</b>`], ', ').text).toBe('<b>1</b>, <b>&lt;2&gt;</b>');
  });

  it('replaces control characters, keeps tabs, line ends and every script of the world', () => {
    expect(html`${'a\u0000b\u001bc\td\ne\u007f'}`.text).toBe('a\ufffdb\ufffdc\td\ne\ufffd');
    expect(html`${'Söhne 株式会社 شركة'}`.text).toBe('Söhne 株式会社 شركة');
  });

  it('takes only a safe URL at the start of a URL attribute', () => {
    const link = (u: string) => html`<a href="${u}">x</a>`.text;
    expect(link('javascript:alert(1)')).toBe('<a href="about:invalid">x</a>');
    expect(link(' JavaScript:alert(1)')).toBe('<a href="about:invalid">x</a>');
    expect(link('data:text/html,<script>')).toBe('<a href="about:invalid">x</a>');
    expect(link('#findings')).toBe('<a href="#findings">x</a>');
    expect(link('https://example.com/?a=1&b="2"')).toBe('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">x</a>');
    expect(link('report.html')).toBe('<a href="report.html">x</a>');
    // After a fixed start the value cannot choose the scheme.
    expect(html`<a href="#rule-${'javascript:x'}">x</a>`.text).toBe('<a href="#rule-javascript:x">x</a>');
  });

  it('refuses what cannot be made safe whatever the data: an unquoted attribute, a bare string between attributes, plain text in <style> or <script>', () => {
    const v = 'x';
    expect(() => html`<p class=${v}>`).toThrow(/unquoted attribute/);
    expect(() => html`<p ${v}>`).toThrow(/cannot go in a tag/);
    expect(html`<p${html` hidden`}>`.text).toBe('<p hidden>');
    expect(() => html`<style>${v}</style>`).toThrow(/cannot go in <style>/);
    expect(() => html`<script>${v}</script>`).toThrow(/cannot go in <script>/);
    expect(() => html`<p title="${html`<b>`}">`).toThrow(/attribute value/);
    expect(() => html`<p>${css`a{}`}</p>`).toThrow(/cannot go in text/);
    expect(() => html`<p>${true as unknown as string}</p>`).toThrow(/boolean cannot go in text/);
  });

  it('css: a string becomes a CSS string literal that cannot close the string, the rule or the <style>', () => {
    const name = `"; } body { display: none } </style><script>x()</script>\\ \n株`;
    const sheet = css`@top-left { content: ${name}; }`;
    const literal = cssString(name);
    expect(sheet.text).toBe(`@top-left { content: ${literal}; }`);
    expect(literal.slice(1, -1)).not.toMatch(/["'<>;{}\n]/);
    expect(literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))).toBe(name.replace('\n', ' '));
    expect(html`<style>${sheet}</style>`.text).toBe(`<style>${sheet.text}</style>`);
  });

  it('script: values go in as JSON that cannot end the script', () => {
    const s = script`var D = ${{ name: '</script><script>alert(1)</script><!--', sep: '\u2028' }};`;
    expect(s.text).toBe('var D = {"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u003c!--","sep":"\\u2028"};');
    expect(JSON.parse(s.text.slice('var D = '.length, -1))).toEqual({ name: '</script><script>alert(1)</script><!--', sep: '\u2028' });
  });

  it('trusted: a style sheet or script taken as it is (build-time constants only)', () => {
    expect(html`<style>${trusted.css('a { b: c }')}</style>`.text).toBe('<style>a { b: c }</style>');
  });
});

// ---- every writer, hostile data ----

describe('every HTML writer, with markup, quote breaks, javascript: URLs and control characters in every string', () => {
  it.each(['acme', 'hostile', 'all-waived', 'blank', 'long-words'])('the report (%s), as the CLI renders it and straight from the renderer', async (name) => {
    const r = await hostileReport(name);
    const direct = renderHtml(r);
    assertInert(direct, `renderHtml ${name}`, 0);
    assertShown(direct, `renderHtml ${name}`);
    // The CLI's path (sanitised data, guarded line starts) on A4 and Letter: the same rules hold.
    for (const paper of ['a4', 'letter'] as const) assertInert(await render('html', r, { color: false, paper }), `render html ${name} ${paper}`, 0);
  });

  it('the report with a --baseline section (and so the PDF, printed from that HTML)', async () => {
    const before = await hostileReport('acme');
    const after = await hostileReport('hostile');
    const d = diffAudits({ report: before, label: hostile('main:acme.yaml') }, { report: after, label: hostile('acme.yaml') });
    const page = renderHtml(after, { extra: { html: sinceSection(d), css: SINCE_CSS, gauge: gaugeDelta(d) } });
    assertInert(page, 'report --baseline', 0);
    assertShown(page, 'report --baseline');
    expect(page).toContain('id="since"');
  });

  it('the diff page, with the facts that changed', async () => {
    const load = async (name: string) => {
      const l = await loadOrgFile(`${FIXTURES}${name}.yaml`, `${name}.yaml`);
      if (!l.ok) throw new Error(name);
      return poison(l.value.org);
    };
    const d = diffAudits(
      { report: await hostileReport('acme'), org: await load('acme'), label: hostile('main:acme.yaml') },
      { report: await hostileReport('hostile'), org: await load('hostile'), label: hostile('acme.yaml') },
    );
    expect(d.facts?.changed.length).toBeGreaterThan(0);
    const page = renderDiffHtml(d);
    assertInert(page, 'diff', 0);
    assertShown(page, 'diff');
  });

  it('the history page: file name, commit messages, dates, errors and category titles', async () => {
    const r = await fixture('acme');
    const commit = (i: number) => ({ hash: hostile(String(i).repeat(40)), date: hostile(`2026-0${i}-01`), subject: hostile(`commit ${i}`), path: hostile('acme.yaml') });
    const h: History = {
      schemaVersion: HISTORY_SCHEMA_VERSION,
      tool: { name: 'sales-audit', version: hostile('1.0.0') },
      file: hostile('orgs/acme.yaml'),
      categories: r.categories.map((c) => ({ id: c.id, title: hostile(c.title) })),
      points: [historyPoint(commit(1), r), failedPoint(commit(2), hostile('acme.yaml:1:1: bad')), historyPoint(commit(3), r)].map((p) => ({ ...p, grade: p.grade && hostile(p.grade) }) as typeof p),
    };
    const page = renderHistoryHtml(h);
    assertInert(page, 'history', 0);
    assertShown(page, 'history');
  });

  it('the questionnaire form: roster names, question texts, choices, units, and the rules handed to its script', () => {
    const people = [{ name: hostile('AE 1') }, { name: hostile('AE 2'), title: hostile('Rep') }];
    for (const group of ['management', 'reps', 'operations'] as const) {
      const qn: Questionnaire = poison(buildQuestionnaire(rules, { group, people }), new Set(['kind', 'valueKind', 'type', 'group', 'pattern', 'anonymous']));
      const page = renderQuestionnaireHtml(qn, hostile('1.0.0'));
      const raw = assertInert(page, `questionnaire ${group}`, 1);
      assertShown(page, `questionnaire ${group}`);
      // The script is the form's own, with the rules as JSON in front; nothing in them can end it.
      const s = raw.script[0]!;
      expect(s).toMatch(/^var D = \{/);
      expect(s).not.toMatch(/<\/script|<!--/i);
      const data = JSON.parse(/^var D = (.*);\n/.exec(s)![1]!) as { q: unknown[] };
      expect(JSON.stringify(data)).toContain('<script>alert(1)</script>');
    }
  });
});

// ---- the source: no way around the template ----

const SRC = join(ROOT, 'src');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
/** The source without comments (which may well mention `<style>` or esc()). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
const rel = (file: string) => file.slice(ROOT.length);

/** The modules that write HTML pages or parts of them. */
const WRITERS = ['src/report/html.ts', 'src/report/diff-html.ts', 'src/report/history-html.ts', 'src/questionnaire/html.ts'];

describe('the HTML writers build HTML only with the template', () => {
  it('every module that writes HTML is one of the writers checked here', () => {
    const found = sources(SRC)
      .filter((f) => !f.endsWith('html-template.ts'))
      .filter((f) => /<!doctype|<html\b|from '[^']*html-template'/i.test(code(f)))
      .map(rel);
    expect(found.sort()).toEqual([...WRITERS, 'src/questionnaire/form-script.ts', 'src/report/index.ts'].sort());
  });

  it.each(WRITERS)('%s: no escape function, no HTML in a plain string or an untagged template', (file) => {
    const text = code(join(ROOT, file));
    expect(text).not.toMatch(/\besc\(|escapeHtml|escapeText|\.replace\(\/\[&<>/);
    // A string literal that starts with markup ('<p>', "<td") would be concatenated HTML.
    expect(text.match(/['"]\s*<\/?[a-zA-Z!][^'"]*['"]/g) ?? []).toEqual([]);
    // A template literal that starts with markup must be the html template.
    for (const m of text.matchAll(/([\w$.]*)`\s*<\/?[a-zA-Z!]/g)) expect(m[1], `${file}: ${m[0]}`).toBe('html');
  });

  it('only the template module makes a fragment, and `trusted` takes only a file inlined by the build', () => {
    for (const f of sources(SRC)) {
      const text = code(f);
      if (!f.endsWith('html-template.ts')) expect(text, rel(f)).not.toMatch(/new (Html|Css|Script)\(|HTML_BRAND/);
      for (const m of text.matchAll(/\btrusted\.(css|script)\(([^)]*)\)/g)) {
        const arg = m[2]!;
        expect(arg, `${rel(f)}: trusted.${m[1]}(${arg})`).toMatch(/^[A-Z_]+$/);
        expect(text, `${rel(f)}: ${arg} is a file's text, inlined by the build`).toMatch(new RegExp(`import ${arg} from '\\./[\\w-]+\\.(css|js)\\?raw';`));
      }
    }
  });

  it('the style sheets and the form script are files of their own, with no HTML in them', () => {
    for (const f of ['src/report/html.css', 'src/report/since.css', 'src/report/page.css', 'src/report/history.css', 'src/questionnaire/form.css']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(text, f).not.toMatch(/<\/?style|<script|\$\{/i);
      expect(text.length, f).toBeGreaterThan(300);
    }
    const js = readFileSync(join(ROOT, 'src/questionnaire/form.js'), 'utf8');
    expect(js).not.toMatch(/<\/script/i);
    expect(js).toContain("getElementById('qf')");
  });
});

// ---- the report renderer reads the report only ----

describe('the HTML report reads only the report', () => {
  it('its module graph has neither the org schema nor zod', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/report/html.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          // The style sheet's text is not code: any text will do.
          name: 'raw',
          setup(b) {
            b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: a.path, namespace: 'raw' }));
            b.onLoad({ filter: /.*/, namespace: 'raw' }, () => ({ contents: '', loader: 'text' }));
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.some((p) => p.endsWith('src/report/html.ts'))).toBe(true);
    expect(inputs.filter((p) => /src\/model\/(schema|introspect)\.ts$|node_modules\/zod\//.test(p))).toEqual([]);
  });

  it('the questions of the "Not assessed" appendix come from the report, and the JSON report carries them', async () => {
    const r = await fixture('blank');
    const missing = [...new Set(r.rules.flatMap((x) => (x.status === 'off' ? [] : x.missing)))];
    expect(missing.length).toBeGreaterThan(5);
    // Every missing fact the model asks a question for has it in the report, keyed by its path.
    const { metaOf, schemaAt } = await import('../../src/model/introspect');
    for (const p of missing) expect(r.questions[p], p).toBe(metaOf(schemaAt(p)).question);
    expect(Object.keys(r.questions).length).toBeGreaterThan(5);
    const page = renderHtml(r);
    const [path, question] = Object.entries(r.questions)[0]!;
    expect(page).toContain(`<code class="path">${path}</code> — ${html`${question}`.text}</li>`);
    // Another question in the report is what the page shows: the renderer reads nothing else.
    const changed = renderHtml({ ...r, questions: { ...r.questions, [path]: 'Asked from the report?' } });
    expect(changed).toContain(`<code class="path">${path}</code> — Asked from the report?</li>`);
    const json = JSON.parse(await render('json', r, { color: false })) as AuditReport;
    expect(json.questions).toEqual(r.questions);
  });
});
