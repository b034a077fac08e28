// casebook serve: live reload. The server says, after each rebuild, which
// output files changed; this page reloads if it is one of them, or a
// script it loaded (or if errors came or went), swaps changed stylesheets in place, and otherwise
// does nothing.
(() => {
  'use strict';
  const here = () => {
    let p = decodeURIComponent(location.pathname).replace(/^\/+/, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    return p;
  };
  const events = new EventSource('/__casebook/events');
  events.addEventListener('change', e => {
    const c = JSON.parse(e.data);
    const changed = c.changed || [];
    if (c.navigate && c.navigate !== here()) {
      location.assign('/' + c.navigate.replace(/index\.html$/, ''));
      return;
    }
    // A script this page has loaded (its own, or search index files it
    // fetched) holds stale data once changed, though the page's HTML may
    // not have changed.
    const loaded = new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).pathname.slice(1)));
    if (c.reload || c.all || changed.includes(here()) || changed.some(f => f.endsWith('.js') && loaded.has(f))) {
      location.reload();
      return;
    }
    const css = changed.filter(f => f.endsWith('.css'));
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      if (css.some(f => url.pathname === '/' + f)) {
        url.searchParams.set('v', Date.now());
        link.href = url.href;
      }
    }
  });
})();
