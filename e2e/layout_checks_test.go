package e2e

// layoutJS returns what a reader would see as broken on the page as it is
// drawn now, one line each:
//   - the document scrolls sideways (and the elements that stick out);
//   - text leaves the block that holds it, or the screen, other than
//     inside a box that scrolls;
//   - a word of up to 14 letters is broken across lines;
//   - a form control is wider than the screen;
//   - an input's placeholder is cut;
//   - a chart label leaves its SVG's viewBox, is cut with "…", or is drawn
//     smaller than 11.5 px.
const layoutJS = `(() => {
  const problems = [];
  const doc = document.documentElement, vw = doc.clientWidth;
  const name = el => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList && el.classList.length) s += '.' + [...el.classList].join('.');
    const p = el.parentElement;
    return (p && p !== document.body ? name(p) + ' > ' : '') + s;
  };
  const scrolls = el => {
    for (let a = el; a && a !== doc; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return a;
    }
    return null;
  };
  const shown = el => {
    for (let a = el; a; a = a.parentElement) {
      if (a.hidden || a.matches('.visually-hidden, noscript, script, style, template, select, option, title, desc, details:not([open]) > :not(summary)')) return false;
    }
    return el.getClientRects().length > 0;
  };
  if (doc.scrollWidth > vw + 1) {
    const wide = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > vw + 1 && !scrolls(el.parentElement) && shown(el));
    problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' px in ' + vw + ': ' + wide.slice(-3).map(name).join(', '));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('svg') || !shown(el)) continue;
    let block = el;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const box = block.getBoundingClientRect(), scroller = scrolls(el);
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width < 1) continue;
      const out = r.left < box.left - 1 || r.right > box.right + 1;
      const offScreen = !scroller && (r.left < -1 || r.right > vw + 1);
      if ((out || offScreen) && !seen.has(el)) {
        seen.add(el);
        problems.push('text "' + n.textContent.trim().slice(0, 40) + '" leaves ' + (out ? name(block) : 'the screen'));
      }
    }
    // whole words only: a long address may break anywhere, a word may not
    const re = /(?<![^\s(])[\p{L}\p{N}]{2,14}(?=[\s.,;:!?)]|$)/gu;
    let m;
    while ((m = re.exec(n.textContent))) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) problems.push('"' + m[0] + '" is broken across lines in ' + name(el));
    }
  }
  for (const el of document.querySelectorAll('input, select, textarea, button')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (!scrolls(el) && (r.left < -1 || r.right > vw + 1)) problems.push(name(el) + ' reaches ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px on a ' + vw + ' px screen');
    if (el.placeholder) {
      const cs = getComputedStyle(el), ctx = document.createElement('canvas').getContext('2d');
      ctx.font = cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (ctx.measureText(el.placeholder.trim()).width > room + 1) problems.push(name(el) + ': the placeholder "' + el.placeholder.trim() + '" does not fit its ' + Math.round(room) + ' px');
    }
  }
  for (const svg of document.querySelectorAll('main svg')) {
    if (!shown(svg)) continue;
    const vb = svg.viewBox.baseVal, drawn = svg.getBoundingClientRect();
    if (!vb || !vb.width) continue;
    const scale = drawn.width / vb.width;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox(), label = '"' + t.textContent + '" in ' + (svg.id || name(svg));
      if (b.width === 0) continue;
      const m = t.transform.baseVal.consolidate();
      let x = b.x, y = b.y, w = b.width, h = b.height;
      if (m) { // the rotated axis name: its box, turned
        const pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].map(([px, py]) => new DOMPoint(px, py).matrixTransform(m.matrix));
        x = Math.min(...pts.map(p => p.x)); y = Math.min(...pts.map(p => p.y));
        w = Math.max(...pts.map(p => p.x)) - x; h = Math.max(...pts.map(p => p.y)) - y;
      }
      if (x < vb.x - 1 || y < vb.y - 1 || x + w > vb.x + vb.width + 1 || y + h > vb.y + vb.height + 1) problems.push(label + ' leaves the chart');
      if (t.textContent.endsWith('…')) problems.push(label + ' is cut');
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 11.5) problems.push(label + ' is drawn at ' + px.toFixed(1) + ' px');
    }
  }
  return problems;
})()`

// suggestJS says where the open search suggestions are drawn, if anywhere
// off the screen.
const suggestJS = `(() => {
  const list = document.getElementById('cb-suggest');
  if (!list || list.hidden) return ['no suggestions are open'];
  const r = list.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const problems = [];
  if (r.left < 0 || r.right > vw) problems.push('the suggestions reach ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px on a ' + vw + ' px screen');
  if (r.bottom > vh + 1) problems.push('the suggestions end at ' + Math.round(r.bottom) + ' px, below the ' + vh + ' px screen');
  if (list.scrollHeight > list.clientHeight + 1 && getComputedStyle(list).overflowY === 'hidden') problems.push('the suggestions are cut at the bottom');
  return problems;
})()`
