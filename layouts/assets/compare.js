// casebook compare: the reader picks two to four cases on compare/ and
// sees their journeys on one chart (stages matched by name), their
// Expected / Target / Delivered panels side by side, their chains aligned
// by role and their ratings on one 2x2. The choice is kept in the URL's
// hash (#slug,slug), so it can be shared and survives a reload. The cases
// come from data.js (window.casebookCompare), a script because file://
// pages cannot fetch. Everything is built as DOM nodes, text as text:
// no inline styles or scripts, for the site's CSP.
(() => {
  'use strict';
  const data = window.casebookCompare;
  const form = document.getElementById('compare-form');
  const out = document.getElementById('compare-out');
  if (!data || !form || !out) return;
  form.hidden = false;
  const bySlug = new Map(data.cases.map(c => [c.slug, c]));
  const T = k => data.text[k] || k;
  const MAX = 4;

  const make = ns => (tag, attrs, ...kids) => {
    const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k);
    return e;
  };
  const el = make(null);
  const sv = make('http://www.w3.org/2000/svg');
  const fold = s => String(s).trim().toLowerCase();
  const MARKS = ['', '8 4', '2 4', '12 4 2 4'];

  function mark(i, x, y) {
    const cls = { class: 'mark' };
    switch (i % 4) {
      case 1: return sv('rect', { ...cls, x: x - 4, y: y - 4, width: 8, height: 8 });
      case 2: return sv('path', { ...cls, d: `M${x} ${y - 5}l5 9h-10z` });
      case 3: return sv('path', { ...cls, d: `M${x} ${y - 5}l5 5l-5 5l-5-5z` });
      default: return sv('circle', { ...cls, cx: x, cy: y, r: 4.5 });
    }
  }

  function journey(cases) {
    const keys = [], names = [];
    for (const c of cases) for (const s of c.journey || []) {
      if (!keys.includes(fold(s.stage))) { keys.push(fold(s.stage)); names.push(s.stage); }
    }
    if (!keys.length) return null;
    const left = 34, slot = Math.max(110, 600 / keys.length), top = 20 + 20 * cases.length, plotH = 200;
    const w = left + slot * keys.length + 24, h = top + plotH + 50;
    const y = v => top + plotH * (1 - v / 10), x = i => left + slot * (i + 0.5);
    const svg = sv('svg', { class: 'chart journey-chart compare-chart', viewBox: `0 0 ${w} ${h}`, width: Math.round(w * 0.96), role: 'img', 'aria-label': T('journey') + '. ' + T('compare_journey_desc') });
    cases.forEach((c, i) => {
      const ly = 20 + 20 * i;
      svg.append(sv('g', { class: `series case-${i}` },
        sv('line', { class: 'delivered', x1: left, y1: ly - 4, x2: left + 28, y2: ly - 4, 'stroke-dasharray': MARKS[i % 4] }), mark(i, left + 14, ly - 4)),
      sv('text', { x: left + 36, y: ly }, c.title));
    });
    for (let v = 0; v <= 10; v += 2) {
      svg.append(sv('line', { class: 'grid', x1: left, y1: y(v), x2: w - 24, y2: y(v) }), sv('text', { class: 'tick', x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    cases.forEach((c, i) => {
      const g = sv('g', { class: `series case-${i}` });
      const at = new Map((c.journey || []).map(s => [fold(s.stage), s]));
      for (const [cls, val] of [['expected thin', s => s.expected], ['delivered', s => s.delivered]]) {
        let run = [];
        const flush = () => { if (run.length > 1) g.append(sv('polyline', { class: cls, points: run.join(' '), 'stroke-dasharray': MARKS[i % 4] })); run = []; };
        keys.forEach((k, j) => { const s = at.get(k); if (s) run.push(`${x(j)},${y(val(s))}`); else flush(); });
        flush();
      }
      keys.forEach((k, j) => {
        const s = at.get(k);
        if (s) g.append(mark(i, x(j), y(s.delivered)), sv('title', {}, `${c.title}, ${names[j]}: ${T('delivered')} ${s.delivered}`));
      });
      svg.append(g);
    });
    // A stage's name on two lines at most, each as wide as its slot holds.
    const per = Math.floor((slot - 8) / 7);
    names.forEach((n, j) => {
      const words = n.split(/\s+/), lines = [''];
      for (const word of words) {
        const last = lines.length - 1;
        if (lines[last] && (lines[last] + ' ' + word).length > per) lines.push(word); else lines[last] = (lines[last] ? lines[last] + ' ' : '') + word;
      }
      lines.slice(0, 2).forEach((line, k) => svg.append(sv('text', { class: 'stage', x: x(j), y: top + plotH + 20 + 15 * k, 'text-anchor': 'middle' },
        k === 1 && lines.length > 2 ? line.slice(0, per - 1) + '…' : line.length > per ? line.slice(0, per - 1) + '…' : line)));
    });
    const box = el('div', { class: 'chart-scroll', tabindex: '0' });
    box.append(svg);
    return box;
  }

  function quadrant(cases) {
    const rated = cases.map((c, i) => [c, i]).filter(([c]) => c.ratings && c.ratings.service !== undefined && c.ratings.experience !== undefined);
    if (!rated.length) return null;
    const pad = 30, side = 220, pos = v => pad + side * v / 10;
    const svg = sv('svg', { class: 'chart quadrant-chart compare-chart', viewBox: `0 0 ${side + 2 * pad} ${side + 2 * pad}`, role: 'img', 'aria-label': T('ratings') });
    svg.append(sv('rect', { class: 'field', x: pad, y: pad, width: side, height: side }),
      sv('line', { class: 'midline', x1: pos(5), y1: pad, x2: pos(5), y2: pad + side }),
      sv('line', { class: 'midline', x1: pad, y1: pad + side - side / 2, x2: pad + side, y2: pad + side / 2 }),
      sv('text', { class: 'axis-name', x: pad + side / 2, y: pad + side + 24, 'text-anchor': 'middle' }, T('service')),
      sv('text', { class: 'axis-name', x: 12, y: pad + side / 2, transform: `rotate(-90 12 ${pad + side / 2})`, 'text-anchor': 'middle' }, T('experience')));
    for (const [c, i] of rated) {
      const cx = pos(c.ratings.service), cy = pad + side - side * c.ratings.experience / 10;
      svg.append(sv('g', { class: `series case-${i}` }, mark(i, cx, cy), sv('title', {}, `${c.title}: ${T('service')} ${c.ratings.service}, ${T('experience')} ${c.ratings.experience}`)));
    }
    return svg;
  }

  function worst(c, gap) {
    let best = null;
    for (const s of c.journey || []) { const g = gap(s); if (g > 0 && (!best || g > best.g)) best = { g, stage: s.stage }; }
    return best ? [el('strong', {}, String(best.g)), ` ${T('points_at')} ${best.stage}`] : ['0'];
  }

  function panels(cases) {
    return el('section', { class: 'compare-etd', 'aria-label': T('etd') }, cases.map(c => {
      const e = c.etd || {};
      const row = (cls, key, ...val) => el('div', { class: cls }, el('dt', {}, T(key)), el('dd', {}, ...val));
      return el('div', { class: 'compare-case' }, el('h2', {}, el('a', { href: c.href }, c.title)), el('dl', {},
        row('expected', 'expected', e.expected || ''),
        row('gap positioning', 'gap_positioning', ...worst(c, s => s.expected - s.target)),
        row('target', 'target', e.target || ''),
        row('gap execution', 'gap_execution', ...worst(c, s => s.target - s.delivered)),
        row('delivered', 'delivered', e.delivered || '')));
    }));
  }

  function chains(cases) {
    const roles = [], cells = new Map();
    cases.forEach((c, i) => (c.chain || []).forEach(a => {
      const role = a.role || a.actor, k = fold(role);
      if (!cells.has(k)) { roles.push([k, role]); cells.set(k, cases.map(() => [])); }
      cells.get(k)[i].push(a);
    }));
    if (!roles.length) return null;
    return el('section', { class: 'compare-chains' }, el('h2', {}, T('compare_chains')), el('div', { class: 'table-scroll', tabindex: '0' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T('role')), cases.map(c => el('th', { scope: 'col' }, c.title)))),
      el('tbody', {}, roles.map(([k, role]) => el('tr', {}, el('th', { scope: 'row' }, role),
        cells.get(k).map(list => el('td', {}, list.length ? list.map(a => el('span', { class: `party care-${a.care}` },
          el('span', { class: 'care' }, a.careLabel), ' ' + a.actor)) : '—'))))))));
  }

  let current = [];
  function show(slugs, keep) {
    slugs = [...new Set(slugs)].filter(s => bySlug.has(s)).slice(0, MAX);
    current = slugs;
    for (const box of form.querySelectorAll('input[name=c]')) {
      box.checked = slugs.includes(box.value);
      box.disabled = !box.checked && slugs.length >= MAX;
    }
    if (keep) {
      const hash = slugs.length ? '#' + slugs.join(',') : '';
      if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
    }
    if (slugs.length < 2) { out.replaceChildren(); return; }
    const cases = slugs.map(s => bySlug.get(s));
    out.replaceChildren(
      el('h2', { class: 'compare-title' }, cases.map(c => c.title).join(' · ')),
      el('div', { class: 'compare-top' },
        el('section', { class: 'compare-journey', 'aria-label': T('journey') }, journey(cases)),
        el('section', { class: 'compare-quadrant', 'aria-label': T('ratings') }, quadrant(cases))),
      panels(cases), chains(cases));
  }

  const fromURL = () => decodeURIComponent(location.hash.slice(1)).split(',');
  // A pick keeps the order cases were picked in: the ones shown, then the new one.
  form.addEventListener('change', () => {
    const checked = [...form.querySelectorAll('input[name=c]:checked')].map(b => b.value);
    show([...current.filter(s => checked.includes(s)), ...checked.filter(s => !current.includes(s))], true);
  });
  window.addEventListener('hashchange', () => show(fromURL(), false));
  show(fromURL(), false);
})();
