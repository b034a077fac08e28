// casebook search: the client for the index generator/search builds. It
// mirrors search.Query in Go step for step (parse, match, score, facets,
// phrases), so that `casebook search` and the browser agree. Index files are
// scripts calling cbSearch(key, data), loaded with <script> elements, which
// work from file:// where fetch does not. Text from the index is always
// inserted as text, never as HTML.
(() => {
  'use strict';

  // --- loading ------------------------------------------------------------
  const loaded = new Map(); // key -> data
  const waiting = new Map(); // key -> [resolve]
  window.cbSearch = (key, data) => {
    loaded.set(key, data);
    for (const done of waiting.get(key) || []) done(data);
    waiting.delete(key);
  };
  const requested = new Map(); // src -> promise
  const loadScript = (base, lang, name) => {
    const key = lang + '/' + name, src = base + name + '.js';
    if (loaded.has(key)) return Promise.resolve(loaded.get(key));
    if (!requested.has(src)) {
      requested.set(src, new Promise((resolve, reject) => {
        waiting.set(key, [...(waiting.get(key) || []), resolve]);
        const s = document.createElement('script');
        s.src = src;
        s.async = true;
        const fail = why => { requested.delete(src); waiting.delete(key); reject(new Error(why + ' ' + src)); };
        s.onerror = () => fail('cannot load');
        // A script that ran without calling cbSearch is not an index file
        // (an old file, a proxy's error page): fail rather than wait forever.
        s.onload = () => { if (!loaded.has(key)) fail('no index data in'); };
        document.head.appendChild(s);
      }));
    }
    return requested.get(src);
  };

  // --- words --------------------------------------------------------------
  const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
  const words = s => fold(s).match(/[\p{L}\p{N}]+/gu) || [];
  const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  const DIGIT = {};
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET[i]] = i;
  // A list is numbers in base 32, a digit a character; digits from 32 up
  // say more follow. Ids are gaps; postings add a weight after each gap.
  const decode = (s, weighted) => {
    const out = [];
    let i = 0, prev = -1;
    while (i < s.length) {
      let n = 0, d;
      do { d = DIGIT[s[i++]]; n = n * 32 + (d & 31); } while (d >= 32);
      prev += n + 1;
      if (weighted) out.push([prev, DIGIT[s[i++]]]); else out.push(prev);
    }
    return out;
  };
  const runes = s => Array.from(s);
  const commonPrefix = (a, b) => {
    const x = runes(a), y = runes(b);
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n]) n++;
    return n;
  };
  const oneEdit = (a, b) => {
    let x = runes(a), y = runes(b);
    if (x.length > y.length) [x, y] = [y, x];
    if (y.length - x.length > 1 || !x.length || x[0] !== y[0]) return false;
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    if (i === x.length) return y.length - x.length === 1;
    const same = (p, q) => p.join('\u0000') === q.join('\u0000');
    if (x.length === y.length) {
      if (same(x.slice(i + 1), y.slice(i + 1))) return true;
      return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && same(x.slice(i + 2), y.slice(i + 2));
    }
    return same(x.slice(i), y.slice(i + 1));
  };

  // The same constants as generator/search/query.go.
  const EXACT = 1, PREFIX = 0.5, STEM = 0.3, TYPO = 0.3, TYPO_MIN = 5, EXPANSIONS = 10, PHRASE_CHECKED = 50, MAX_WEIGHT = 63;
  const FACETS = ['type', 'industry', 'tag', 'framework'], RECORDS_PER_FILE = 4;
  const TOP = '\u{10FFFF}';

  class Index {
    constructor(base, lang) { this.base = base; this.lang = lang; }
    load(name) { return loadScript(this.base, this.lang, name); }
    async open() {
      if (!this.meta) {
        this.meta = await this.load('meta');
        this.stop = new Set(this.meta.stop);
      }
      return this;
    }
    stemLen(n) { return Math.max(4, n - Math.trunc(n * this.meta.stem)); }
    dictPieces(lo, hi) {
      const d = this.meta.dicts;
      let first = 0;
      while (first < d.length && d[first] < lo) first++;
      if (first === d.length || d[first] !== lo) first = Math.max(first - 1, 0);
      const pieces = [];
      for (let i = first; i < d.length && d[i] <= hi; i++) pieces.push(i);
      return pieces;
    }
    parse(text) {
      const clauses = [];
      text.split('"').forEach((part, i) => {
        const ws = words(part);
        if (i % 2 === 1 && ws.length > 1) {
          const kept = ws.filter(w => !this.stop.has(w));
          if (kept.length) clauses.push({ words: kept, phrase: ws });
          return;
        }
        for (const w of ws) if (!this.stop.has(w)) clauses.push({ words: [w] });
      });
      return clauses;
    }
    matchFactor(w, n, term) {
      if (term === w) return EXACT;
      const tn = runes(term).length;
      if (term.startsWith(w)) return PREFIX + 0.4 * n / tn;
      if (n < TYPO_MIN) return 0;
      let best = 0;
      const shared = commonPrefix(w, term);
      if (shared >= this.stemLen(n)) best = STEM + 0.2 * shared / Math.max(n, tn);
      if (best === 0 && oneEdit(w, term)) best = TYPO;
      return best;
    }
    async matchWord(w) {
      const r = runes(w), n = r.length;
      const lo = n >= TYPO_MIN ? r.slice(0, this.stemLen(n)).join('') : w;
      const ranges = [[lo, lo + TOP]];
      if (n >= TYPO_MIN) ranges.push([r[0], r[0] + TOP]);
      const found = [], seen = new Set();
      for (const [a, b] of ranges) {
        const pieces = this.dictPieces(a, b);
        const dicts = await Promise.all(pieces.map(p => this.load('d/' + p)));
        for (const dict of dicts) {
          for (const term in dict) {
            if (seen.has(term)) continue;
            seen.add(term);
            const f = this.matchFactor(w, n, term);
            if (f > 0) found.push({ term, factor: f, shard: dict[term][0], df: dict[term][1] });
          }
        }
      }
      found.sort((a, b) => b.factor - a.factor || b.df - a.df || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      found.length = Math.min(found.length, EXPANSIONS + 1);
      const shards = await Promise.all(found.map(c => this.load('s/' + c.shard)));
      // One rarity for all the words w matched, that of the commonest: a
      // rare misspelling or longer form must not outrank the word itself.
      const df = Math.max(0, ...found.map(c => c.df)), N = this.meta.n;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const scores = new Map();
      found.forEach((c, k) => {
        for (const [doc, weight] of decode(shards[k][c.term] || '', true)) {
          const s = c.factor * idf * weight / MAX_WEIGHT;
          if (s > (scores.get(doc) || 0)) scores.set(doc, s);
        }
      });
      return { scores, terms: found.map(c => c.term) };
    }
    // query returns {total, ids (ranked), scores, facets, terms}.
    async query(text, filter, withFacets) {
      // the facet lists load beside the words', not after them
      if (Object.keys(filter).length || withFacets) this.load('facets').catch(() => {});
      await this.open();
      const clauses = this.parse(text);
      const perWord = [], terms = new Set();
      for (const c of clauses) {
        for (const w of c.words) {
          const m = await this.matchWord(w);
          perWord.push(m.scores);
          m.terms.forEach(t => terms.add(t));
        }
      }
      let scores = new Map();
      if (perWord.length) {
        for (const [id, s] of perWord[0]) {
          let total = s;
          for (const m of perWord.slice(1)) {
            if (!m.has(id)) { total = -1; break; }
            total += m.get(id);
          }
          if (total >= 0) scores.set(id, total);
        }
        if (!scores.size && perWord.length > 1) { // no page has every word: rank those with some
          for (const m of perWord) for (const [id, s] of m) scores.set(id, (scores.get(id) || 0) + s);
        }
      } else if (!words(text).length) { // no words (only stop words match nothing): facets alone choose
        for (let id = 0; id < this.meta.n; id++) scores.set(id, 0);
      }
      let facets = null;
      if (Object.keys(filter).length || withFacets) facets = await this.applyFacets(filter, scores, withFacets);
      const ids = Array.from(scores.keys()).sort((a, b) => scores.get(b) - scores.get(a) || a - b);
      await this.phrasesFirst(clauses, ids);
      return { total: ids.length, ids, scores, facets, terms: Array.from(terms) };
    }
    async applyFacets(filter, scores, withFacets) {
      const lists = await this.load('facets');
      const values = this.meta.facets;
      const chosen = {};
      for (const f in filter) {
        const i = (values[f] || []).indexOf(filter[f]);
        chosen[f] = new Set(i >= 0 ? decode(lists[f][i], false) : []);
      }
      const passesBut = (id, skip) => Object.keys(chosen).every(f => f === skip || chosen[f].has(id));
      let counts = null;
      if (withFacets) {
        counts = {};
        for (const f of FACETS) {
          counts[f] = (values[f] || []).map((v, i) => ({
            value: v,
            count: decode(lists[f][i], false).filter(id => scores.has(id) && passesBut(id, f)).length,
          }));
        }
      }
      for (const id of Array.from(scores.keys())) if (!passesBut(id, '')) scores.delete(id);
      return counts;
    }
    async phrasesFirst(clauses, ids) {
      const phrases = clauses.filter(c => c.phrase).map(c => c.phrase);
      if (!phrases.length) return;
      const n = Math.min(ids.length, PHRASE_CHECKED);
      const recs = await Promise.all(ids.slice(0, n).map(id => this.record(id)));
      const holds = new Set();
      recs.forEach((r, k) => {
        const ws = words(r.t + '\n' + (r.s || '') + '\n' + (r.x || '')).join(' ');
        if (phrases.every(p => (' ' + ws + ' ').includes(' ' + p.join(' ') + ' '))) holds.add(ids[k]);
      });
      const head = ids.slice(0, n);
      ids.splice(0, n, ...head.filter(id => holds.has(id)), ...head.filter(id => !holds.has(id)));
    }
    // Records come RECORDS_PER_FILE pages to a file, as index.go writes them.
    async record(id) { return (await this.load('r/' + Math.floor(id / RECORDS_PER_FILE)))[id % RECORDS_PER_FILE]; }
  }
  window.casebookSearch = { Index, words, fold };

  // --- showing results ----------------------------------------------------
  // highlight appends text to el with every word that matched wrapped in
  // <mark>; matched holds the folded indexed words the query matched.
  const highlight = (el, text, matched) => {
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    let last = 0, m;
    while ((m = re.exec(text))) {
      if (matched.has(fold(m[0]))) {
        el.append(text.slice(last, m.index));
        const mark = document.createElement('mark');
        mark.textContent = m[0];
        el.append(mark);
        last = m.index + m[0].length;
      }
    }
    el.append(text.slice(last));
  };
  // excerpt is about 30 words of the record's text around its first
  // matched word, or its summary.
  const excerpt = (rec, matched) => {
    const text = (rec.x || '').replace(/\s+/g, ' ');
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    let m;
    while ((m = re.exec(text))) {
      if (matched.has(fold(m[0]))) {
        let start = Math.max(0, text.lastIndexOf(' ', Math.max(0, m.index - 70)));
        if (m.index - start > 90) start = m.index;
        const end = text.indexOf(' ', Math.min(text.length, m.index + 130));
        return (start > 0 ? '…' : '') + text.slice(start, end < 0 ? text.length : end).trim() + (end < 0 ? '' : ' …');
      }
    }
    return rec.s || text.slice(0, 160);
  };
  // hrefFor links a page by its site-relative folder; root is the site's
  // root relative to this page ("../../", or "" on the home page).
  const hrefFor = (root, url) => new URL(url + 'index.html', new URL(root || './', location.href)).href;

  const resultItem = (root, rec, matched, kindLabel) => {
    const li = document.createElement('li');
    li.className = 'result';
    const a = document.createElement('a');
    a.href = hrefFor(root, rec.u);
    highlight(a, rec.t, matched);
    const meta = document.createElement('span');
    meta.className = 'result-meta';
    meta.textContent = [kindLabel, rec.i, rec.d].filter(Boolean).join(' · ');
    const p = document.createElement('p');
    highlight(p, excerpt(rec, matched), matched);
    li.append(a, meta, p);
    return li;
  };

  // --- the box on every page ----------------------------------------------
  const box = document.querySelector('form.site-search');
  const isTyping = el => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  document.addEventListener('keydown', e => {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement)) {
      const input = document.querySelector('#search-q') || (box && box.querySelector('input'));
      if (input) { e.preventDefault(); input.focus(); input.select(); }
    }
  });
  if (box && box.dataset.index) {
    const input = box.querySelector('input');
    const index = new Index(box.dataset.index, box.dataset.lang);
    const list = document.createElement('ul');
    list.id = 'cb-suggest';
    list.className = 'suggest';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    box.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-autocomplete', 'list');
    let active = -1, seq = 0, timer = 0;
    const options = () => Array.from(list.querySelectorAll('[role=option]'));
    const setActive = i => {
      const opts = options();
      active = opts.length ? (i + opts.length) % opts.length : -1;
      opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
      if (active >= 0) input.setAttribute('aria-activedescendant', opts[active].id);
      else input.removeAttribute('aria-activedescendant');
    };
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };
    const run = async () => {
      const q = input.value, mine = ++seq;
      if (!q.trim()) { close(); return; }
      let found, recs;
      try {
        found = await index.query(q, {}, false);
        recs = await Promise.all(found.ids.slice(0, 5).map(id => index.record(id)));
      } catch (err) { return; } // an index that cannot load leaves the box a plain form
      if (mine !== seq) return; // a newer query is on its way
      const matched = new Set(found.terms);
      list.replaceChildren();
      // Options hold no links (a listbox's options are its only controls):
      // each knows where it leads, and choosing it goes there.
      const option = (id, href) => {
        const li = document.createElement('li');
        li.id = id;
        li.setAttribute('role', 'option');
        li.dataset.href = href;
        list.append(li);
        return li;
      };
      recs.forEach((rec, k) => {
        const strong = document.createElement('strong');
        highlight(strong, rec.t, matched);
        const small = document.createElement('span');
        highlight(small, excerpt(rec, matched), matched);
        option('cb-suggest-' + k, hrefFor(box.dataset.root, rec.u)).append(strong, small);
      });
      const all = option('cb-suggest-all', box.action + '?q=' + encodeURIComponent(q));
      all.className = 'suggest-all';
      all.textContent = found.total ? `${box.dataset.all} (${found.total})` : box.dataset.none;
      list.hidden = false;
      // As tall as the screen below the box allows; the list scrolls beyond.
      list.style.maxHeight = Math.max(120, window.innerHeight - list.getBoundingClientRect().top - 8) + 'px';
      list.dataset.query = q; // what the list shows, for tests and styles
      input.setAttribute('aria-expanded', 'true');
      setActive(-1);
    };
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener('keydown', e => {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); setActive(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(active - 1); }
      else if (e.key === 'Escape') { close(); }
    });
    // Enter submits the form: to the chosen suggestion if there is one,
    // else to the search page with the query.
    box.addEventListener('submit', e => {
      if (list.hidden || active < 0) return;
      e.preventDefault();
      location.assign(options()[active].dataset.href);
    });
    // mousedown, not click: it comes before the box's blur closes the list
    list.addEventListener('mousedown', e => {
      const opt = e.target.closest('[role=option]');
      if (opt) { e.preventDefault(); location.assign(opt.dataset.href); }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
  }

  // --- the search page ----------------------------------------------------
  // Its URL holds the query and facets (?q=...&industry=...&lang=fi), so a
  // search can be shared; choosing a facet replaces the URL, as filtering
  // is not navigation.
  const page = document.getElementById('search-page');
  if (page) {
    const input = page.querySelector('input[name=q]');
    const facetsEl = page.querySelector('.facets');
    const status = document.getElementById('search-status');
    const results = document.getElementById('search-results');
    const more = document.getElementById('search-more');
    const labels = JSON.parse(page.dataset.labels || '{}');
    const indexes = {};
    for (const [lang, base] of Object.entries(JSON.parse(page.dataset.indexes || '{}'))) indexes[lang] = new Index(base, lang);
    const params = new URLSearchParams(location.search);
    const state = { q: params.get('q') || '', lang: indexes[params.get('lang')] ? params.get('lang') : page.dataset.lang, filter: {} };
    for (const f of FACETS) if (params.get(f)) state.filter[f] = params.get(f);
    input.value = state.q;
    let seq = 0, shown = 0, found = null, timer = 0;

    const remember = () => {
      const url = new URL(location.href);
      url.search = '';
      if (state.q) url.searchParams.set('q', state.q);
      if (state.lang !== page.dataset.lang) url.searchParams.set('lang', state.lang);
      for (const f of FACETS) if (state.filter[f]) url.searchParams.set(f, state.filter[f]);
      try { history.replaceState(history.state, '', url.href); } catch (e) { /* some file:// pages refuse */ }
    };
    const select = (name, label, options, value) => {
      const l = document.createElement('label');
      l.append(label + ' ');
      const sel = document.createElement('select');
      sel.name = name;
      const any = new Option(page.dataset.any, '');
      sel.append(any);
      for (const o of options) {
        const opt = new Option(`${o.label} (${o.count})`, o.value);
        opt.disabled = o.count === 0 && o.value !== value;
        sel.append(opt);
      }
      sel.value = value || '';
      l.append(sel);
      return l;
    };
    // showMore appends the next ten results of the current search. The
    // ten are claimed before the records load, so two quick clicks show
    // twenty, not the same ten twice; a newer search meanwhile wins.
    const showMore = async () => {
      const mine = seq, res = found, index = indexes[state.lang];
      const ids = res.ids.slice(shown, shown + 10);
      shown += ids.length;
      more.hidden = shown >= res.total;
      const recs = await Promise.all(ids.map(id => index.record(id)));
      if (mine !== seq) return;
      const matched = new Set(res.terms);
      for (const rec of recs) results.append(resultItem(page.dataset.root, rec, matched, labels[rec.k] || rec.k));
    };
    const run = async () => {
      const mine = ++seq;
      remember();
      if (!state.q.trim() && !Object.keys(state.filter).length) {
        results.replaceChildren(); status.textContent = ''; facetsEl.hidden = true; more.hidden = true;
        return;
      }
      let counts, res;
      try {
        const index = indexes[state.lang];
        res = await index.query(state.q, state.filter, true);
        // The language facet counts the same search in every language.
        counts = await Promise.all(Object.keys(indexes).map(async lang => ({
          value: lang, label: labels['lang:' + lang] || lang, count: lang === state.lang ? res.total : (await indexes[lang].query(state.q, state.filter, false)).total,
        })));
      } catch (err) {
        if (mine === seq) status.textContent = String(err.message || err);
        return;
      }
      if (mine !== seq) return; // a newer search is on its way; this one's results are dropped
      found = res;
      facetsEl.replaceChildren();
      if (counts.length > 1) facetsEl.append(select('lang', labels.lang, counts, state.lang));
      for (const f of FACETS) {
        const opts = found.facets[f].map(c => ({ value: c.value, label: f === 'type' ? (labels[c.value] || c.value) : c.value, count: c.count }));
        if (opts.length > 1 || state.filter[f]) facetsEl.append(select(f, labels[f], opts, state.filter[f]));
      }
      facetsEl.hidden = false;
      status.textContent = found.total ? `${found.total} ${page.dataset.found}` : page.dataset.none;
      results.replaceChildren();
      shown = 0;
      await showMore();
      results.dataset.query = state.q;
    };
    input.addEventListener('input', () => { clearTimeout(timer); state.q = input.value; timer = setTimeout(run, 60); });
    page.addEventListener('submit', e => { e.preventDefault(); state.q = input.value; run(); });
    facetsEl.addEventListener('change', e => {
      const sel = e.target;
      if (sel.name === 'lang') { state.lang = sel.value; state.filter = {}; }
      else if (sel.value) state.filter[sel.name] = sel.value;
      else delete state.filter[sel.name];
      run();
    });
    more.addEventListener('click', () => showMore());
    if (state.q || Object.keys(state.filter).length) run();
    input.focus();
  }
})();
