// casebook: progressive enhancements. Pages work without it: the case
// index then lists every case, and the term links still filter.
(() => {
  'use strict';
  // Boxes that scroll sideways (wide tables, charts on a phone) are in the
  // keyboard's tab order so they can be scrolled without a mouse; while
  // one fits its screen there is nothing to scroll, and it leaves it.
  const scrollers = document.querySelectorAll('.table-scroll[tabindex], .chart-scroll[tabindex]');
  const tabIfScrolls = () => {
    for (const box of scrollers) {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else if (box !== document.activeElement) box.removeAttribute('tabindex');
    }
  };
  if (scrollers.length) {
    tabIfScrolls();
    window.addEventListener('resize', tabIfScrolls);
  }
  // Insights: each row of filter links becomes one drop-down that goes to
  // the chosen share of the library (the links stay the way without it).
  for (const row of document.querySelectorAll('.insights-filter p')) {
    const links = Array.from(row.querySelectorAll('a'));
    const name = row.querySelector('.filter-name');
    if (!name || links.length < 2) continue;
    const select = document.createElement('select');
    select.append(new Option('—', ''));
    for (const a of links) {
      const opt = new Option(a.textContent, a.href);
      opt.selected = a.hasAttribute('aria-current');
      select.append(opt);
    }
    select.addEventListener('change', () => { if (select.value) location.assign(select.value); });
    const label = document.createElement('label');
    label.append(name.textContent + ' ', select);
    row.replaceChildren(label);
  }
  for (const form of document.querySelectorAll('form.filter-form[data-filter-for]')) {
    const list = document.getElementById(form.dataset.filterFor);
    if (!list) continue; // nothing to filter: leave the form hidden
    const cards = Array.from(list.querySelectorAll('li.card'));
    const selects = Array.from(form.querySelectorAll('select[name]'));
    const out = form.querySelector('output');
    // Select X matches data-X: industry is one value, the others "|" lists
    // (whole items, not substrings). Compared roughly as slugs, because the
    // site merges terms that slugify alike ("CX", "cx") under one name.
    const slug = v => v.normalize('NFC').toLowerCase().replace(/[\s!-/:-@[-^`{-~]+/g, '-').replace(/^[-_]+|-+$/g, '');
    const matches = (card, s) => {
      const have = card.getAttribute('data-' + s.name) || '', want = slug(s.value);
      return s.name === 'industry' ? slug(have) === want : have.split('|').some(v => slug(v) === want);
    };
    const apply = () => {
      let shown = 0;
      for (const card of cards) {
        card.hidden = !selects.every(s => !s.value || matches(card, s));
        if (!card.hidden) shown++;
      }
      if (out) out.textContent = `${shown} ${form.dataset.of || 'of'} ${cards.length} ${form.dataset.noun || 'cases'}`;
      // Keep the choice in the URL to share it. Absolute, as <base href> would
      // skew a relative one; replace, as filtering is not navigation.
      const url = new URL(location.href);
      for (const s of selects) {
        if (s.value) url.searchParams.set(s.name, s.value);
        else url.searchParams.delete(s.name);
      }
      try {
        history.replaceState(history.state, '', url.href);
      } catch (e) { /* refused on some file:// pages; the filter still works */ }
    };
    // The URL beats values the browser restored; unknown values mean "any".
    const params = new URLSearchParams(location.search);
    for (const s of selects) {
      const v = params.get(s.name) || '';
      s.value = Array.from(s.options).some(o => o.value === v) ? v : '';
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', e => e.preventDefault()); // no reload on Enter
    form.hidden = false;
    apply();
  }
})();

// Hover previews: a page carries, in a JSON data block, the title and
// summary of every page its text links to, so showing one needs no request.
// The preview appears on hover (after a short pause) and on keyboard focus,
// is announced through aria-describedby, and goes on Escape, blur or leave.
(() => {
  'use strict';
  const data = document.getElementById('cb-previews');
  if (!data) return;
  let previews;
  try { previews = JSON.parse(data.textContent); } catch (e) { return; }
  const tip = document.createElement('div');
  tip.id = 'cb-preview';
  tip.className = 'preview';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  let current = null, timer = 0;
  const linkFor = el => {
    const a = el && el.closest ? el.closest('main a[href]') : null;
    return a && previews[a.getAttribute('href').split('#')[0]] ? a : null;
  };
  const show = a => {
    const p = previews[a.getAttribute('href').split('#')[0]];
    tip.replaceChildren();
    for (const [cls, text] of [['kind', p.kind], ['title', p.title], ['summary', p.summary]]) {
      if (!text) continue;
      const el = document.createElement(cls === 'title' ? 'strong' : 'span');
      el.className = cls;
      el.textContent = text; // text, never HTML: titles and summaries stay inert
      tip.appendChild(el);
    }
    const r = a.getBoundingClientRect();
    tip.hidden = false;
    const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + 'px';
    tip.style.top = (r.bottom + window.scrollY + 6) + 'px';
    a.setAttribute('aria-describedby', tip.id);
    current = a;
  };
  const hide = () => {
    clearTimeout(timer);
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  };
  document.addEventListener('mouseover', e => {
    const a = linkFor(e.target);
    if (a === current) return;
    hide();
    if (a) timer = setTimeout(() => show(a), 250);
  });
  document.addEventListener('focusin', e => { const a = linkFor(e.target); hide(); if (a) show(a); });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', e => { if (e.key === 'Escape') hide(); });
  // No hiding on scroll: the preview sits in page coordinates, and focusing
  // a link scrolls it into view, which would close it at once.
})();
