// casebook: progressive enhancements. Pages work without it: the case
// index then lists every case, and the term links still filter.
(() => {
  'use strict';
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
