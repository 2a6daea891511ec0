
'use strict';
var form = document.getElementById('qf');
var summary = document.getElementById('summary');
var statusEl = document.getElementById('status');
var seq = 0;
var ATTRS = ['id', 'for', 'name', 'aria-labelledby', 'aria-describedby', 'href'];

function ownQuestions(root) {
  // The questions directly in a scope (the form or one item), not those of items inside it.
  var all = root.querySelectorAll('[data-q]');
  var out = [];
  for (var i = 0; i < all.length; i++) if (scopeOf(all[i]) === root) out.push(all[i]);
  return out;
}
function scopeOf(q) {
  var item = q.parentElement.closest('.item');
  return item && form.contains(item) ? item : form;
}
function rule(q) { return D.q[+q.getAttribute('data-q')]; }
function ctl(q) {
  for (var i = 0; i < q.children.length; i++) if (q.children[i].classList.contains('ctl')) return q.children[i];
  return null;
}
function box(q, cls) {
  for (var i = 0; i < q.children.length; i++) {
    var b = q.children[i].querySelector && q.children[i].querySelector('input.' + cls);
    if (b && q.children[i].classList.contains('opt')) return b;
  }
  return null;
}
function strip(t) { return t.replace(/\s*%$/, ''); }

// One question's answer: {s: 'empty'|'unknown'|'value'|'error', v, m}.
function read(q) {
  var r = rule(q);
  var dk = box(q, 'dk');
  if (dk && dk.checked) return { s: 'unknown' };
  var c = ctl(q);
  if (r.kind === 'items') {
    var none = box(q, 'none');
    if (none && none.checked) return { s: 'value', v: [] };
    return { s: 'items' };
  }
  if (r.kind === 'select' || r.kind === 'boolean') {
    var on = c.querySelector('input:checked');
    if (!on) return { s: 'empty' };
    return { s: 'value', v: r.kind === 'boolean' ? on.value === 'true' : on.value };
  }
  if (r.kind === 'checkbox') {
    var picked = [];
    var boxes = c.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) picked.push(boxes[i].value);
    if (!picked.length) return { s: 'empty' };
    if (picked.length > 1 && picked.indexOf('none') >= 0) return { s: 'error', m: r.m.noneAlone + '; got ' + picked.join(', ') };
    return { s: 'value', v: picked };
  }
  var t = c.querySelector('input').value.trim();
  if (t === '') return { s: 'empty' };
  if (r.kind === 'number') return number(r, t);
  if (r.kind === 'date') {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    var d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (!d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return { s: 'error', m: r.m.date + ', got ' + JSON.stringify(t) };
    return { s: 'value', v: t };
  }
  if (r.kind === 'values') {
    var parts = t.split(/[,;]/).map(function (x) { return x.trim(); }).filter(Boolean);
    if (r.valueKind !== 'number') return { s: 'value', v: parts };
    var vals = [];
    for (var j = 0; j < parts.length; j++) {
      var n = Number(strip(parts[j]));
      if (!isFinite(n) || strip(parts[j]) === '') return { s: 'error', m: 'item ' + (j + 1) + ': ' + r.m.nan + ', got ' + JSON.stringify(parts[j]) };
      var bad = range(r, n);
      if (bad) return { s: 'error', m: 'item ' + (j + 1) + ': ' + bad + ', got ' + n };
      vals.push(n);
    }
    return { s: 'value', v: vals };
  }
  return { s: 'value', v: t };
}
function range(r, n) {
  if (r.integer && Math.floor(n) !== n) return r.m.int;
  if (r.min !== undefined && n < r.min) return r.m.min;
  if (r.max !== undefined && n > r.max) return r.m.max;
  return '';
}
// As the terminal reads a typed number (src/interview/prompter.ts parseNumber): 40 or 40% where the unit is %, a fraction refused.
function number(r, t) {
  var bare = r.unit === '%' ? strip(t) : t;
  var n = bare === '' ? NaN : Number(bare);
  if (!isFinite(n)) return { s: 'error', m: r.m.nan + ', got ' + JSON.stringify(t) };
  if (r.integer && Math.floor(n) !== n) return { s: 'error', m: r.m.int + ', got ' + n };
  if (r.unit === '%' && n > 0 && n < 1) {
    var pct = +(n * 100).toFixed(2);
    return { s: 'error', m: n + ' reads as ' + n + ' %; percentages are numbers from 0 to 100: write ' + pct + ' for ' + pct + ' %' };
  }
  var bad = range(r, n);
  return bad ? { s: 'error', m: bad + ', got ' + n } : { s: 'value', v: n };
}

function gateOpen(q, index) {
  var field = q.getAttribute('data-gate');
  if (!field) return true;
  var on = (index.get(scopeOf(q)) || {})[field];
  if (!on) return true;
  if (on.hidden) return false;
  var a = read(on);
  if (a.s !== 'value') return true; // not answered (or don't know): the question may apply
  return rule(q).gate.indexOf(a.v) >= 0;
}
// Shows the questions whose gate is open, and disables what "Don't know" or
// "There are none" answers, for the questions in root (the form, or a new item).
function refresh(root) {
  var qs = (root || form).querySelectorAll('[data-q]');
  // Each scope's questions by field, for the gates.
  var index = new Map();
  for (var s = 0; s < qs.length; s++) {
    var sc = scopeOf(qs[s]);
    if (!index.has(sc)) index.set(sc, {});
    index.get(sc)[qs[s].getAttribute('data-field')] = qs[s];
  }
  // In document order, so a gate is settled before the questions after it.
  for (var i = 0; i < qs.length; i++) qs[i].hidden = !gateOpen(qs[i], index);
  for (var k = 0; k < qs.length; k++) update(qs[k]);
}
function update(q) {
  var dk = box(q, 'dk');
  var none = box(q, 'none');
  var off = (dk && dk.checked) || (none && none.checked);
  var c = ctl(q);
  if (none) none.disabled = !!(dk && dk.checked);
  var inputs = c.querySelectorAll('input, button, select, textarea');
  for (var j = 0; j < inputs.length; j++) inputs[j].disabled = !!off;
  if (rule(q).kind === 'items') c.hidden = !!off;
  // Back on: the questions inside get their own state again.
  if (!off && rule(q).kind === 'items') { var inner = c.querySelectorAll('[data-q]'); for (var n = 0; n < inner.length; n++) update(inner[n]); }
}
// After an answer: a question another one depends on shows or hides it (the whole form
// is looked at again); any other only updates itself, so a large roster stays quick.
function changed(q) {
  if (q.hasAttribute('data-gates')) refresh();
  else update(q);
}

function showError(q, message) {
  var e = document.getElementById(q.id + '-e');
  q.setAttribute('aria-invalid', message ? 'true' : 'false');
  var inputs = ctl(q).querySelectorAll('input');
  for (var i = 0; i < inputs.length; i++) {
    if (message) inputs[i].setAttribute('aria-invalid', 'true');
    else inputs[i].removeAttribute('aria-invalid');
  }
  e.textContent = message || '';
  e.hidden = !message;
}
function check(q) {
  var a = read(q);
  showError(q, a.s === 'error' ? a.m : '');
  return a;
}

function uniq(root) {
  seq++;
  var els = root.querySelectorAll('*');
  for (var i = 0; i < els.length; i++) {
    for (var j = 0; j < ATTRS.length; j++) {
      var v = els[i].getAttribute(ATTRS[j]);
      if (v && v.indexOf('__ID__') >= 0) els[i].setAttribute(ATTRS[j], v.split('__ID__').join(String(seq)));
    }
  }
}
function renumber(list) {
  var items = list.querySelector(':scope > .ctl > .items').children;
  for (var i = 0; i < items.length; i++) items[i].querySelector(':scope > legend .n').textContent = String(i + 1);
}
function addItem(list) {
  var tpl = list.querySelector(':scope > .ctl > template');
  var frag = tpl.content.cloneNode(true);
  uniq(frag);
  var item = frag.firstElementChild;
  list.querySelector(':scope > .ctl > .items').appendChild(frag);
  renumber(list);
  refresh(item);
  var first = item.querySelector('input');
  if (first) first.focus();
}

// ---- the answers file ----
var ESC = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
function yamlString(s) {
  return JSON.stringify(s).replace(ESC, function (ch) { return '\\u' + ('000' + ch.charCodeAt(0).toString(16)).slice(-4); });
}
function yamlValue(v) {
  if (Array.isArray(v)) return '[' + v.map(yamlValue).join(', ') + ']';
  if (typeof v === 'string') return yamlString(v);
  return String(v);
}
// A key as YAML reads it back: plain when it can be ("people[name=AE 4].x"), else double-quoted (a name with ": " or "#"); as yaml.ts writes it.
function yamlKey(k) {
  return /^[A-Za-z_][\w.[\]=\- ]*[\w\]]$/.test(k) ? k : JSON.stringify(k);
}
// Lines "key: value" of one scope; prefix is the list item's key ("roles[0].") or "" at the top.
function collect(scope, prefix, out, errors) {
  var qs = ownQuestions(scope);
  for (var i = 0; i < qs.length; i++) {
    var q = qs[i];
    if (q.hidden) continue;
    var key = yamlKey(prefix + q.getAttribute('data-field'));
    var a = check(q);
    if (a.s === 'error') { errors.push(q); continue; }
    if (a.s === 'unknown') { out.push(key + ': unknown'); continue; }
    if (a.s === 'value') { out.push(key + ': ' + yamlValue(a.v)); continue; }
    if (a.s !== 'items') continue;
    var items = q.querySelector(':scope > .ctl > .items').children;
    var n = 0;
    for (var j = 0; j < items.length; j++) {
      var lines = [];
      collect(items[j], key + '[' + n + '].', lines, errors);
      // An item left empty is not an item: the next one takes its number.
      if (lines.length) { Array.prototype.push.apply(out, lines); n++; }
    }
  }
}
function save(ev) {
  ev.preventDefault();
  var lines = [];
  var errors = [];
  collect(form, '', lines, errors);
  summary.textContent = '';
  if (errors.length) {
    var h = document.createElement('h2');
    h.textContent = errors.length === 1 ? 'One answer needs a fix before saving:' : errors.length + ' answers need a fix before saving:';
    var ul = document.createElement('ul');
    errors.forEach(function (q) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + q.id;
      a.textContent = q.querySelector(':scope > legend').textContent + ' \u2014 ' + read(q).m;
      li.appendChild(a);
      ul.appendChild(li);
    });
    summary.appendChild(h);
    summary.appendChild(ul);
    summary.hidden = false;
    summary.focus();
    statusEl.textContent = '';
    return;
  }
  summary.hidden = true;
  var head = ['respondent:'];
  var name = document.getElementById('respondent-name');
  if (name && name.value.trim()) head.push('  name: ' + yamlString(name.value.trim()));
  head.push('  group: ' + D.group);
  if (D.anonymous) head.push('  anonymous: true');
  var text = '# Answers for sales-audit (' + D.group + '), saved from the questionnaire form.\n' + head.concat(lines).join('\n') + '\n';
  var url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  var link = document.createElement('a');
  link.href = url;
  link.download = D.file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  statusEl.textContent = 'Saved ' + D.file + ' (' + lines.length + ' answers). Send that file back to the person who sent you this form.';
}

// Errors are shown by Save, then go as soon as the answer is fixed: an error
// appearing on leaving a field would move the page under the next click.
form.addEventListener('change', function (ev) {
  var q = ev.target.closest('[data-q]');
  if (!q) return;
  if (q.getAttribute('aria-invalid') === 'true') check(q);
  changed(q);
});
form.addEventListener('input', function (ev) {
  var q = ev.target.closest('[data-q]');
  if (!q) return;
  if (q.getAttribute('aria-invalid') === 'true') check(q);
  changed(q);
});
form.addEventListener('click', function (ev) {
  var b = ev.target.closest('button');
  if (!b) return;
  var list = b.closest('[data-q]');
  if (b.classList.contains('add')) addItem(list);
  if (b.classList.contains('remove')) {
    var item = b.closest('.item');
    var owner = item.parentElement.closest('[data-q]');
    item.remove();
    renumber(owner);
    owner.querySelector(':scope > .ctl > button.add').focus();
  }
});
form.addEventListener('submit', save);
refresh();
