// mermaid-init.js draws each pre.mermaid of the page as a diagram, with
// the vendored mermaid bundle that the page loads just before this script
// (both deferred, both only on pages that have a diagram). Without
// JavaScript, or if a diagram does not parse, the block stays its source.
//
// The site's Content-Security-Policy refuses inline styles, and mermaid
// styles its SVG in ways the policy blocks: a <style> element in each
// diagram, style attributes set on the elements it draws, and markup with
// style attributes that its sanitiser (DOMPurify) parses. Styles set
// through the CSS object model are not markup, and the policy allows
// them. So while mermaid draws, this script hands it a stand-in for
// <style> whose text becomes a constructed stylesheet, turns
// setAttribute('style', ...) into element.style, and renames style
// attributes in markup about to be parsed to data-cb-style; when the SVG
// is done, each data-cb-style becomes element.style again. Nothing is
// evaluated and nothing is fetched.
(function () {
  'use strict';
  var blocks = Array.prototype.slice.call(document.querySelectorAll('pre.mermaid'));
  if (!blocks.length || !window.mermaid) return;

  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  window.mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict', // no click handlers or HTML from the diagram's text
    suppressErrorRendering: true, // a diagram that does not parse keeps its source
    theme: dark ? 'dark' : 'default',
    htmlLabels: false, // SVG text rather than HTML parsed into foreignObject
    flowchart: { htmlLabels: false }
  });

  function adopt(css) {
    if (!css) return;
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(String(css));
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }

  // renameStyles turns the style attributes of markup into data-cb-style.
  // Only text inside a tag is touched: element text cannot hold a raw "<".
  function renameStyles(markup) {
    return String(markup).replace(/(<[^<>]*?\s)style=(["'])/g, '$1data-cb-style=$2');
  }

  var createElement = Document.prototype.createElement;
  var setAttribute = Element.prototype.setAttribute;
  var parseFromString = DOMParser.prototype.parseFromString;
  function styleStandIn(doc) {
    var el = createElement.call(doc, 'template'); // inert: never styled, never run
    var text = '';
    var prop = { get: function () { return text; }, set: function (css) { text = String(css); adopt(text); } };
    Object.defineProperty(el, 'innerHTML', prop);
    Object.defineProperty(el, 'textContent', prop);
    return el;
  }
  function patch() {
    Document.prototype.createElement = function (name) {
      if (String(name).toLowerCase() === 'style') return styleStandIn(this);
      return createElement.apply(this, arguments);
    };
    Element.prototype.setAttribute = function (name, value) {
      if (String(name).toLowerCase() === 'style' && this.style) {
        this.style.cssText = String(value);
        return;
      }
      return setAttribute.apply(this, arguments);
    };
    DOMParser.prototype.parseFromString = function (markup, type) {
      return parseFromString.call(this, renameStyles(markup), type);
    };
  }
  function unpatch() {
    Document.prototype.createElement = createElement;
    Element.prototype.setAttribute = setAttribute;
    DOMParser.prototype.parseFromString = parseFromString;
  }

  // place parses the SVG mermaid returns away from the page, gives its
  // styles to the CSS object model, and puts it where the source was.
  function place(block, svg) {
    var parsed = parseFromString.call(new DOMParser(), renameStyles(svg), 'image/svg+xml');
    var root = parsed.documentElement;
    if (!root || root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length) return false;
    Array.prototype.forEach.call(root.querySelectorAll('style, template'), function (el) {
      if (el.nodeName === 'style') adopt(el.textContent);
      el.remove();
    });
    document.adoptNode(root);
    var styled = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-cb-style]')));
    styled.forEach(function (el) {
      var css = el.getAttribute('data-cb-style');
      if (css === null) return;
      el.removeAttribute('data-cb-style');
      if (el.style) el.style.cssText = css;
    });
    var figure = document.createElement('div');
    figure.className = 'mermaid';
    figure.appendChild(root);
    block.replaceWith(figure);
    return true;
  }

  var n = 0;
  function next() {
    var block = blocks.shift();
    if (!block) return;
    var id = 'cb-mermaid-' + n++;
    patch();
    var drawn;
    try {
      drawn = window.mermaid.render(id, block.textContent);
    } catch (e) {
      drawn = Promise.reject(e);
    }
    drawn.then(function (result) {
      unpatch();
      var placed = false;
      try {
        placed = place(block, result.svg);
      } catch (e) { /* keep the source */ }
      if (!placed) block.classList.add('mermaid-error');
    }, function (err) {
      unpatch();
      block.classList.add('mermaid-error');
      block.title = String((err && err.message) || err);
    }).then(next);
  }
  next();
})();
