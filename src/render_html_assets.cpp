// The HTML report's inline style sheet and script. No external resource:
// system fonts only, no images, no request of any kind.
#include "render_html_assets.hpp"

namespace resdiff::detail {

// Colours meet WCAG AA (4.5:1) for their text on their background:
// deletions #8f1d1d on #fde4e4, insertions #0b5a23 on #d8f3df, badge text
// white on #5b21b6, #9a4a05, #0e6377, #1d4ed8, #5f6672.
const char* const html_report_css = R"CSS(
:root{--del:#8f1d1d;--delbg:#fde4e4;--ins:#0b5a23;--insbg:#d8f3df;--cs:#5b21b6;--cl:#9a4a05;--cq:#0e6377;--cc:#1d4ed8;--cr:#5f6672;--line:#d6d9de;--mut:#4b5260;--bg:#f6f7f9}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;font-size:16px;color:#16181d;background:#fff;line-height:1.45}
body{margin:0}
[hidden]{display:none!important}
a{color:#1a4fb8}
.top{background:var(--bg);border-bottom:1px solid var(--line);padding:1rem 1.5rem .8rem}
h1{font-size:1.45rem;margin:0 0 .6rem;font-weight:650}
.h1k{font-weight:400;color:var(--mut)}
.docs{display:grid;grid-template-columns:1fr auto 1fr;gap:1rem;align-items:stretch}
.doc{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.55rem .8rem}
.doc p{margin:.1rem 0}
.doc .which{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--mut);font-weight:600}
.doc.old{border-left:5px solid var(--del)}.doc.new{border-left:5px solid var(--ins)}
.doc .sym{font-weight:700;font-size:1.1rem}
.doc .ttl{font-family:Georgia,"DejaVu Serif",serif}
.doc .date,.doc .kindline,.doc .src{font-size:.88rem;color:var(--mut)}
.arrow{align-self:center;font-size:1.6rem;color:var(--mut)}
main{padding:0 1.5rem 2rem;max-width:1500px;margin:0 auto}
h2{font-size:1.15rem;margin:1.1rem 0 .5rem}
.summary h2{margin-top:.9rem}
.headline{font-size:1.15rem;margin:.2rem 0 .5rem}
.headline .big{display:inline-block;background:var(--cs);color:#fff;border-radius:6px;padding:.05rem .55rem;font-weight:700;font-size:1.35rem}
.headline .of{color:var(--mut)}
.counts{list-style:none;margin:.3rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
.counts li{border-radius:999px;padding:.1rem .65rem;font-size:.9rem}
.cls{display:inline-block;border-radius:999px;padding:.05rem .55rem;color:#fff;font-size:.85rem;white-space:nowrap}
.cls.cs{background:var(--cs)}.cls.cl{background:var(--cl)}.cls.cq{background:var(--cq)}.cls.cc{background:var(--cc)}.cls.cr{background:var(--cr)}
.kd{border:1px solid var(--line);background:#fff}.kd.zero{color:var(--mut);border-style:dashed}
.words{margin:.45rem 0}
.note-routine{margin:.3rem 0;color:var(--mut);font-size:.92rem}
.mapwrap{margin:.5rem 0 .3rem}.maplabel{margin:0 0 .2rem;font-size:.85rem;color:var(--mut)}
.map{display:flex;height:22px;border:1px solid var(--line);border-radius:4px;overflow:hidden;background:#eef0f3}
.seg{display:block;min-width:2px;border-right:1px solid #fff}
.seg.same{background:#e3e6ea}.seg.cs{background:var(--cs)}.seg.cl{background:var(--cl)}.seg.cq{background:var(--cq)}.seg.cc{background:var(--cc)}.seg.cr{background:#a5abb5}
.key{margin:.5rem 0 .2rem;display:flex;flex-wrap:wrap;gap:.35rem;align-items:center;font-size:.9rem}.kl{font-weight:600}
.legend{margin:.2rem 0 .4rem;font-size:.9rem}.legend summary{cursor:pointer;color:var(--mut)}
.legend ul{margin:.3rem 0;padding-left:1.2rem;columns:2;column-gap:2rem}.legend li{margin:.15rem 0;break-inside:avoid}
.bar{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);box-shadow:0 2px 4px rgba(0,0,0,.05);display:flex;flex-wrap:wrap;gap:.4rem 1.1rem;align-items:center;padding:.45rem 0;margin:0 0 .3rem}
.grp{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}
.gl{font-size:.8rem;color:var(--mut);text-transform:uppercase;letter-spacing:.04em;margin-right:.2rem}
.bar button{font:inherit;font-size:.86rem;padding:.15rem .55rem;border:1px solid #9aa1ac;border-radius:5px;background:#fff;color:#16181d;cursor:pointer}
.bar button.cls{border-color:transparent;color:#fff}
.bar button[aria-pressed=true]{outline:3px solid #16181d;outline-offset:1px;font-weight:700}
.bar button:not(.cls)[aria-pressed=true]{background:#16181d;color:#fff}
.bar button:focus-visible,.u:focus-visible{outline:3px solid #1a4fb8;outline-offset:2px}
.nav{margin-left:auto}
.only{flex-basis:100%}
#status{font-size:.86rem;color:var(--mut);min-width:9rem}
.colhead{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--mut);font-weight:600;padding:0 .8rem}
html[data-view=inline] .colhead{display:none}
.parth{border-bottom:2px solid var(--line);padding-bottom:.2rem}
.u{border:1px solid var(--line);border-radius:6px;margin:.55rem 0;padding:.45rem .8rem .55rem;scroll-margin-top:4.5rem;background:#fff}
.u.chg{border-left:5px solid #8d939d}
.u.chg[data-t~=citation]{border-left-color:var(--cc)}.u.chg[data-t~=qualifier]{border-left-color:var(--cq)}
.u.chg[data-t~=lead]{border-left-color:var(--cl)}.u.chg[data-t~=substantive]{border-left-color:var(--cs)}
.u.k-added{border-left-color:var(--ins)!important}.u.k-removed{border-left-color:var(--del)!important}
.u.cur{box-shadow:0 0 0 3px #1a4fb8}
[data-ignored]{display:none}
.uh{font-size:.92rem;font-weight:600;margin:0 0 .3rem;display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
.ids{font-weight:700;font-size:1rem;margin-right:.3rem}
.vl{font-weight:400;color:var(--mut);font-size:.85rem}
.kindb{display:inline-block;border:1px solid #6b7280;border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:600;color:#2b2f36;background:#fff}
.kindb.k-added{border-color:var(--ins);color:var(--ins)}.kindb.k-removed{border-color:var(--del);color:var(--del)}
.kindb.k-moved{border-style:dashed}
.self{margin-left:auto;color:var(--mut);text-decoration:none;font-weight:400}
.meta{margin:.1rem 0 .35rem;padding-left:1.1rem;font-size:.88rem;color:#2b2f36}
.meta .dir{text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
.child{margin-right:.5rem;white-space:nowrap}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.cols.one{grid-template-columns:1fr}
.cols p{margin:0}
.lab{font-size:.75rem;color:var(--mut);text-transform:uppercase;letter-spacing:.04em;margin-bottom:.1rem!important}
.tx,.sc{font-family:Georgia,"DejaVu Serif",serif;font-size:1rem;line-height:1.55;overflow-wrap:anywhere}
.sc{color:#2b2f36}
.none{color:var(--mut);font-style:italic}
.oc{border-right:1px dashed var(--line);padding-right:1.2rem}
del{color:var(--del);background:var(--delbg);text-decoration:line-through;text-decoration-thickness:2px}
ins{color:var(--ins);background:var(--insbg);text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:2px}
del.cr,ins.cr{color:#3f4550;background:#eceef1}
del.cr{text-decoration-style:solid}ins.cr{text-decoration-style:dotted}
.om{font-family:system-ui,"DejaVu Sans",sans-serif;font-size:.7em;vertical-align:super;margin-right:1px;text-decoration:none;display:inline-block}
.om.cl,.mk.cl{color:var(--cl)}.om.cq,.mk.cq{color:var(--cq)}.om.cc,.mk.cc{color:var(--cc)}.om.cr,.mk.cr{color:var(--cr)}.mk.cs{color:var(--cs)}
.cls .mk{color:inherit}
.part{display:inline-block;width:100%;margin:.35rem 0 .1rem;font-family:system-ui,"DejaVu Sans",sans-serif;font-size:.78rem;font-weight:700;color:var(--mut);text-decoration:none;background:#fff}
del.x,.ix{display:none}
.gone{text-decoration:line-through;color:var(--del)}
html[data-view=inline] .oc{display:none}
html[data-view=inline] .cols{grid-template-columns:1fr}
html[data-view=inline] del.x{display:inline}
html[data-view=inline] .ix{display:block}
html[data-view=inline] .nc .lab,html[data-view=inline] .nc .none{display:none}
.samegrp{margin:.35rem 0;border-left:3px solid var(--line);padding-left:.6rem}
.samegrp>summary{cursor:pointer;color:var(--mut);font-size:.9rem;padding:.15rem 0}
.u.same{border-style:dotted;background:#fbfbfc}
.u.same .uh{font-weight:400}
.ghost{margin:.45rem 0;padding:.3rem .8rem;border:1px dashed #8d939d;border-radius:6px;color:#3f4550;font-size:.9rem;background:repeating-linear-gradient(135deg,#f6f7f9,#f6f7f9 8px,#eef0f3 8px,#eef0f3 16px);scroll-margin-top:4.5rem}
.notes{margin-top:1.5rem;font-size:.9rem}
.foot{margin-top:2rem;border-top:1px solid var(--line);font-size:.85rem;color:var(--mut)}
kbd{border:1px solid #9aa1ac;border-radius:3px;padding:0 .25rem;font-size:.8rem}
@media (max-width:800px){.cols,.colhead{grid-template-columns:1fr}.oc{border-right:0;padding-right:0}.docs{grid-template-columns:1fr}.arrow{display:none}.legend ul{columns:1}}
@media print{
 html{font-size:10.5pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .bar,.self,.legend summary,.maplabel,.samegrp,.colhead .x,.foot{display:none!important}
 .legend ul{columns:2}
 main{max-width:none;padding:0}
 .top{background:#fff;padding:0 0 .5rem}
 .u{break-inside:avoid;page-break-inside:avoid;border-radius:0;margin:.3rem 0}
 .u.cur{box-shadow:none}
 .ghost{break-inside:avoid;background:#fff}
 a{color:inherit;text-decoration:none}
 h2{break-after:avoid}
}
)CSS";

// State lives in the URL fragment so a view can be linked and tested:
// #view=inline&filter=moved,substantive&unchanged=show&at=OP9&keys=nn ; a plain fragment
// (#OP9) is an anchor and is revealed even when filtered or collapsed.
const char* const html_report_js = R"JS(
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;
  var all = function (sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); };
  var changes = all('section.u.chg').filter(function (u) { return !u.hasAttribute('data-ignored'); });
  var groups = all('details.samegrp');
  var ghosts = all('.ghost');
  var parts = all('.pgrp');
  var sameBox = doc.getElementById('same');
  var status = doc.getElementById('status');
  var known = {};
  all('button[data-f]').forEach(function (b) { if (b.getAttribute('data-f')) known[b.getAttribute('data-f')] = 1; });
  ['substantive', 'lead', 'qualifier', 'citation', 'routine', 'modified', 'moved', 'added', 'removed',
   'split', 'merged', 'renumbered', 'footnote'].forEach(function (k) { known[k] = 1; });
  var state = { view: 'side', filter: [], same: root.getAttribute('data-context') === '1' };
  var current = null;

  function tags(el) { return (el.getAttribute('data-t') || '').split(' '); }
  function matches(el) {
    if (!state.filter.length) return true;
    var t = tags(el);
    return state.filter.some(function (f) { return t.indexOf(f) >= 0; });
  }
  function shown() { return changes.filter(function (u) { return !u.hidden; }); }
  function say(text) { if (status) status.textContent = text; }
  function count() {
    var n = shown().length;
    say(state.filter.length ? n + ' of ' + changes.length + ' changes shown' : changes.length + ' changes');
  }
  function apply() {
    root.setAttribute('data-view', state.view);
    root.setAttribute('data-filter', state.filter.join(','));
    all('button[data-view]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-view') === state.view));
    });
    all('button[data-f]').forEach(function (b) {
      var f = b.getAttribute('data-f');
      b.setAttribute('aria-pressed', String(f ? state.filter.indexOf(f) >= 0 : state.filter.length === 0));
    });
    var filtering = state.filter.length > 0;
    changes.forEach(function (u) { u.hidden = !matches(u); });
    groups.forEach(function (g) { g.hidden = filtering; });
    ghosts.forEach(function (g) { g.hidden = filtering && state.filter.indexOf('moved') < 0; });
    parts.forEach(function (p) {
      p.hidden = filtering && !p.querySelector('section.u.chg:not([hidden]), .ghost:not([hidden])');
    });
    if (sameBox) sameBox.checked = state.same;
    if (current && current.hidden) { current.classList.remove('cur'); current = null; }
    count();
  }
  function openGroups() { groups.forEach(function (g) { g.open = state.same; }); }
  function writeHash() {
    var h = '#view=' + state.view;
    if (state.filter.length) h += '&filter=' + state.filter.join(',');
    if (state.same) h += '&unchanged=show';
    try { history.replaceState(null, '', h); } catch (e) { /* file: URLs in some browsers */ }
  }
  function reveal(id) {
    var el = id && doc.getElementById(id);
    if (!el) return;
    var unit = el.closest ? (el.closest('section.u') || el) : el;
    if (unit.hidden) { state.filter = []; apply(); }
    for (var p = el.parentNode; p && p !== doc; p = p.parentNode) {
      if (p.tagName === 'DETAILS') p.open = true;
    }
    el.scrollIntoView({ block: 'start' });
    if (unit.classList && unit.classList.contains('chg')) mark(unit);
  }
  function readHash() {
    var h = location.hash.slice(1);
    try { h = decodeURIComponent(h); } catch (e) { return; }
    if (h.indexOf('=') < 0) { reveal(h); return; }
    var target = '', keys = '';
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('='), k = kv.slice(0, i), v = kv.slice(i + 1);
      if (k === 'view' && (v === 'side' || v === 'inline')) state.view = v;
      else if (k === 'filter') state.filter = v.split(',').filter(function (f) { return known[f] === 1; });
      else if (k === 'unchanged') state.same = v === 'show' || v === '1';
      else if (k === 'at') target = v;
      else if (k === 'keys') keys = v;
    });
    apply();
    openGroups();
    if (target) reveal(target);
    // Replays key presses (n, p, j, k) through the page's own key handler: for demos and tests.
    keys.split('').forEach(function (key) {
      doc.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true }));
    });
  }
  function mark(u) {
    if (current) current.classList.remove('cur');
    current = u;
    u.classList.add('cur');
    u.focus({ preventScroll: true });
    var list = shown();
    say('Change ' + (list.indexOf(u) + 1) + ' of ' + list.length);
  }
  function go(step) {
    var list = shown();
    if (!list.length) { say('No change matches the filter'); return; }
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) {
      // Start from what is on screen.
      var top = 80;
      i = step > 0 ? -1 : list.length;
      for (var k = 0; k < list.length; k++) {
        var r = list[k].getBoundingClientRect().top;
        if (step > 0 && r < top) i = k;
        if (step < 0 && r >= top) { i = k; break; }
      }
    }
    i = Math.max(0, Math.min(list.length - 1, i + step));
    list[i].scrollIntoView({ block: 'start' });
    mark(list[i]);
  }
  all('button[data-view]').forEach(function (b) {
    b.addEventListener('click', function () { state.view = b.getAttribute('data-view'); apply(); writeHash(); });
  });
  all('button[data-f]').forEach(function (b) {
    b.addEventListener('click', function () {
      var f = b.getAttribute('data-f');
      if (!f) state.filter = [];
      else if (state.filter.indexOf(f) >= 0) state.filter = state.filter.filter(function (x) { return x !== f; });
      else state.filter = state.filter.concat([f]);
      apply();
      writeHash();
    });
  });
  all('button[data-go]').forEach(function (b) {
    b.addEventListener('click', function () { go(Number(b.getAttribute('data-go'))); });
  });
  if (sameBox) sameBox.addEventListener('change', function () { state.same = sameBox.checked; openGroups(); writeHash(); });
  doc.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target && e.target.tagName;
    if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT') return;
    if (e.key === 'n' || e.key === 'j') { go(1); e.preventDefault(); }
    else if (e.key === 'p' || e.key === 'k') { go(-1); e.preventDefault(); }
  });
  window.addEventListener('hashchange', readHash);
  apply();
  if (location.hash.length > 1) readHash();
  root.setAttribute('data-ready', '1');
  // How long the page took to become usable (ms since navigation), for docs/reports.md.
  if (window.performance && performance.now) root.setAttribute('data-ready-ms', String(Math.round(performance.now())));
})();
)JS";

}  // namespace resdiff::detail
