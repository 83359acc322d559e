/* arc's interactive page: reads the chart (Bokeh) and the text behind its points.
 *
 * Every number shown comes from the page's data: the units' sentences and weights and each
 * word's share of its sentence's score (arc.explain). Sums of those numbers are all that is
 * worked out here (a unit's words, a span's word shift). Text goes into the page with
 * textContent only, never as markup.
 */
(function () {
  "use strict";
  var page = (window.arcPage = { ready: false, failed: null, timings: [] });
  var MINUS = "\u2212";
  var SCALE = 10000; // shares are shipped as integers (arc.charts.reading.SHARE_SCALE)

  function byId(id) {
    return document.getElementById(id);
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function signed(v, places) {
    if (v === null || v === undefined || !isFinite(v)) return "n/a";
    var s = Math.abs(v).toFixed(places === undefined ? 2 : places);
    if (Number(s) === 0) return s;
    return (v < 0 ? MINUS : "+") + s;
  }
  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  function hexAlpha(hex, alpha) {
    var h = hex.replace("#", "");
    var n = parseInt(h, 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
  }

  async function unpack(b64) {
    if (!b64) return null;
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }

  // How long a reader waits: from the pointer's event to the frame after the page answered
  // (the tooltip shown, the paragraph written), in milliseconds (page.timings).
  var lastEvent = 0;
  ["pointermove", "pointerdown", "click"].forEach(function (type) {
    document.addEventListener(type, function (e) { lastEvent = e.timeStamp; }, true);
  });
  function timed(what) {
    var start = lastEvent;
    requestAnimationFrame(function () {
      page.timings.push({ what: what, ms: performance.now() - start });
      if (page.timings.length > 200) page.timings.shift();
    });
  }

  // ------------------------------------------------------------------ the text's units

  function unitSentences(u) {
    var d = page.data, start = d.units.start[u], count = d.units.count[u];
    var w = d.units.weights[u];
    var out = [];
    for (var k = 0; k < count; k++) out.push([start + k, w ? w[k] : 1 / count]);
    return out;
  }
  function unitName(u) {
    var d = page.data, name = d.noun + " " + d.units.index[u].toLocaleString("en");
    var ch = d.units.chapter[u];
    return ch ? name + " \u00b7 chapter " + ch : name;
  }
  function unitText(u) {
    var parts = unitSentences(u).map(function (sw) { return page.data.sentences[sw[0]]; });
    return parts.join(" ");
  }
  function excerpt(text, limit) {
    text = text.replace(/\s+/g, " ").trim();
    if (text.length <= limit) return text;
    var cut = text.slice(0, limit + 1);
    var space = cut.lastIndexOf(" ");
    return (space > limit / 2 ? cut.slice(0, space) : cut.slice(0, limit)) + "\u2026";
  }
  function spread(u) {
    var sw = unitSentences(u);
    if (sw.length < 2) return "one sentence";
    var lo = Infinity, hi = -Infinity;
    sw.forEach(function (p) {
      var c = page.data.compound[p[0]];
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    });
    return "its " + sw.length.toLocaleString("en") + " sentences: " + signed(lo) + " to " + signed(hi);
  }

  // word parts: [sentence, start, length, contribution]
  function unitWords(weights) {
    var d = page.data, out = [];
    weights.forEach(function (sw) {
      var s = sw[0], w = sw[1], flat = d.words[s];
      for (var k = 0; k + 2 < flat.length; k += 3) {
        out.push([s, flat[k], flat[k + 1], (flat[k + 2] / SCALE) * w]);
      }
      if (d.emphasis[s]) out.push([s, -1, 0, (d.emphasis[s] / SCALE) * w]);
    });
    return out;
  }
  function wordOf(part) {
    if (part[1] < 0) return "(! and ?)";
    return page.data.sentences[part[0]].substr(part[1], part[2]).toLowerCase();
  }
  function byWord(parts) {
    var sums = new Map();
    parts.forEach(function (p) {
      var w = wordOf(p);
      var e = sums.get(w) || { word: w, part: 0, rate: 0, sign: 0 };
      e.part += p[3];
      e.sign = e.sign || Math.sign(p[3]);
      sums.set(w, e);
    });
    return sums;
  }

  // ------------------------------------------------------------------------- set-up

  function models() {
    var doc = page.doc, tagged = new Map(), units = [], turns = [];
    doc.all_models.forEach(function (m) {
      var tags = m.tags || [];
      tags.forEach(function (t) {
        if (typeof t !== "string") return;
        if (t.indexOf("key") === 0) {
          if (!tagged.has(t)) tagged.set(t, []);
          tagged.get(t).push(m);
        }
        if (t === "unit") units.push(m);
        if (t === "turn") turns.push(m);
      });
    });
    page.keyed = tagged;
    page.units = units;
    page.turns = turns;
    page.x_range = doc.get_model_by_name("arc-x");
  }

  // Long columns travel compressed with the text (arc.charts.page._Drawing.source).
  function fillSources(columns) {
    page.doc.all_models.forEach(function (m) {
      (m.tags || []).forEach(function (t) {
        if (!t || typeof t !== "object" || !t.fill) return;
        var data = {};
        Object.keys(t.fill).forEach(function (name) {
          data[name] = Float64Array.from(columns[t.fill[name]], function (v) {
            return v === null ? NaN : v;
          });
        });
        m.data = data;
      });
    });
  }

  // Dragging selects a span (its word shift) where there are points to read; Bokeh's own
  // choice of active drag would be panning.
  function activateSpan() {
    if (!page.data) return;
    page.doc.all_models.forEach(function (m) {
      var inner = m.type === "ToolProxy" && m.tools && m.tools.length ? m.tools[0] : m;
      if (inner.type === "BoxSelectTool") m.active = true;
    });
  }

  function fillHover() {
    if (!page.data) return;
    page.units.forEach(function (r) {
      var src = r.data_source, data = src.data, u = data.u, y = data.y;
      var n = u.length, ex = new Array(n), where = new Array(n), val = new Array(n), sp = new Array(n);
      for (var i = 0; i < n; i++) {
        if (u[i] < 0) {
          ex[i] = where[i] = sp[i] = "";
        } else {
          ex[i] = excerpt(unitText(u[i]), 160);
          where[i] = unitName(u[i]);
          sp[i] = spread(u[i]);
        }
        val[i] = signed(y[i]);
      }
      var next = {};
      Object.keys(data).forEach(function (k) { next[k] = data[k]; });
      next.excerpt = ex;
      next.where = where;
      next.value = val;
      next.spread = sp;
      src.data = next;
    });
  }

  function setupTip() {
    byId("arc-chart").addEventListener("mouseleave", function () {
      hits.clear();
      byId("arc-tip").hidden = true;
    });
  }

  function setupLegend() {
    var buttons = document.querySelectorAll("#arc-legend .arc-key");
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var on = b.getAttribute("aria-pressed") !== "true";
        b.setAttribute("aria-pressed", on ? "true" : "false");
        (page.keyed.get("key" + b.dataset.key) || []).forEach(function (m) { m.visible = on; });
      });
    });
  }

  function setupChapters() {
    var chapters = (page.data && page.data.chapters) || [];
    var nav = byId("arc-tools"), select = byId("arc-chapters");
    if (!chapters.length || !page.x_range) {
      byId("arc-hint").textContent = "";
      nav.hidden = true;
      return;
    }
    var whole = el("option", null, "the whole story");
    whole.value = "";
    select.appendChild(whole);
    chapters.forEach(function (c, k) {
      var opt = el("option", null, (c.major ? "" : "\u2003") + "chapter " + c.label);
      opt.value = String(k);
      select.appendChild(opt);
    });
    var lo = page.x_range.start, hi = page.x_range.end;
    page.whole = [lo, hi];
    select.addEventListener("change", function () {
      if (select.value === "") {
        page.x_range.setv({ start: lo, end: hi });
        return;
      }
      var k = Number(select.value);
      var a = chapters[k].x, b = k + 1 < chapters.length ? chapters[k + 1].x : hi;
      if (b - a < (hi - lo) * 0.002) b = a + (hi - lo) * 0.002;
      page.x_range.setv({ start: a, end: b });
    });
    byId("arc-hint").textContent = chapters.length.toLocaleString("en") + " chapters";
    nav.hidden = false;
  }

  // --------------------------------------------------------------------- reading a unit

  // Bokeh's tap tool calls this once per renderer it hit (a colour of point each): the
  // candidates of one tap are gathered and the nearest to the pointer is shown, once.
  var taps = [];
  page.tap = function (src, geom) {
    if (!page.data || !src.data.u) return;
    var r = page.units.find(function (m) { return m.data_source === src; });
    if (!r) return;
    var plot = page.views.find_one(r).parent, xs = plot.frame.x_scale, ys = plot.frame.y_scale;
    var hit = src.inspected && src.inspected.indices.length ? src.inspected.indices : src.selected.indices;
    hit.forEach(function (i) {
      if (src.data.u[i] < 0) return;
      var dx = xs.compute(src.data.x[i]) - geom.sx, dy = ys.compute(src.data.y[i]) - geom.sy;
      taps.push({ gap: dx * dx + dy * dy, u: src.data.u[i] });
    });
    if (taps.length === 0) return;
    if (taps.pending) return;
    taps.pending = true;
    setTimeout(function () {
      var best = null;
      taps.forEach(function (t) { if (!best || t.gap < best.gap) best = t; });
      taps = [];
      if (best) page.show(best.u, null);
    }, 0);
  };

  // A click on a plot: a turning point within a few pixels of it shows its passage.
  page.click = function (fig, ev) {
    if (!page.data) return;
    var plot = page.views.find_one(fig);
    if (!plot) return;
    var best = null;
    page.turns.forEach(function (r) {
      if (page.views.find_one(r).parent !== plot || !r.visible) return;
      var d = r.data_source.data;
      for (var i = 0; i < d.x.length; i++) {
        var dx = plot.frame.x_scale.compute(d.x[i]) - ev.sx, dy = plot.frame.y_scale.compute(d.y[i]) - ev.sy;
        var gap = dx * dx + dy * dy;
        if (gap <= 64 && (!best || gap < best.gap)) best = { gap: gap, d: d, i: i };
      }
    });
    if (!best) return;
    var sentence = best.d.sentence[best.i] || null;
    var u = turnUnit(best.d.index[best.i], sentence);
    var kind = best.d.kind[best.i] + " at " + best.d.x[best.i].toFixed(0) + "%";
    if (u >= 0) page.show(u, sentence, kind);
  };

  // The unit a turning point quotes: the one holding its sentence nearest the unit at the
  // turn (a smoothed line's turn quotes the sentence that drives it, near but not at it).
  function turnUnit(index, sentence) {
    var d = page.data, at = d.units.index.indexOf(index);
    if (!sentence) return at;
    var best = -1, gap = Infinity;
    for (var u = 0; u < d.units.index.length; u++) {
      var far = at < 0 ? 0 : Math.abs(u - at);
      if (far >= gap) continue;
      var start = d.units.start[u], n = d.units.count[u];
      for (var k = start; k < start + n; k++) {
        if (d.sentences[k] === sentence || d.sentences[k].indexOf(sentence) >= 0) {
          best = u;
          gap = far;
          break;
        }
      }
    }
    return best >= 0 ? best : at;
  }

  function paragraphOf(u) {
    // The unit's own sentences, and for a sentence, the rest of its paragraph around it.
    var d = page.data, own = unitSentences(u);
    if (d.unit !== "sentence") return { shown: own.map(function (p) { return p[0]; }), own: own };
    var s = own[0][0], p = d.paragraph[s], a = s, b = s;
    while (a > 0 && d.paragraph[a - 1] === p) a--;
    while (b + 1 < d.sentences.length && d.paragraph[b + 1] === p) b++;
    var shown = [];
    for (var k = a; k <= b; k++) shown.push(k);
    return { shown: shown, own: own };
  }

  page.show = function (u, focus, kind) {
    timed("click");
    var d = page.data, box = byId("arc-reading");
    var view = paragraphOf(u);
    var parts = unitWords(view.own);
    var owned = new Map(view.own.map(function (p) { return [p[0], p[1]]; }));
    var most = 0;
    parts.forEach(function (p) { most = Math.max(most, Math.abs(p[3])); });
    box.textContent = "";
    var head = el("h2", null, (kind ? kind + ": " : "") + unitName(u));
    var value = d.units.value[u];
    head.appendChild(el("span", "arc-value", " " + signed(value, 3)));
    box.appendChild(head);
    var pos = css("--arc-positive"), neg = css("--arc-negative");
    var text = el("p", "arc-text");
    text.dataset.unit = String(u);
    view.shown.forEach(function (s, n) {
      if (n) text.appendChild(document.createTextNode(" "));
      var sentence = d.sentences[s];
      var span = el("span", owned.has(s) ? "arc-own" : "arc-context");
      if (focus && sentence.indexOf(focus) >= 0) span.classList.add("arc-focus");
      var flat = owned.has(s) ? d.words[s] : [];
      var at = 0;
      for (var k = 0; k + 2 < flat.length; k += 3) {
        var start = flat[k], len = flat[k + 1];
        if (start < at) continue;
        var part = (flat[k + 2] / SCALE) * owned.get(s);
        span.appendChild(document.createTextNode(sentence.slice(at, start)));
        var word = el("mark", "arc-word", sentence.substr(start, len));
        var strength = most > 0 ? Math.abs(part) / most : 0;
        word.style.background = hexAlpha(part >= 0 ? pos : neg, (0.12 + 0.6 * strength).toFixed(3));
        word.title = signed(part, 3) + " of this " + d.noun + "'s value";
        word.dataset.part = String(part);
        span.appendChild(word);
        at = start + len;
      }
      span.appendChild(document.createTextNode(sentence.slice(at)));
      text.appendChild(span);
    });
    box.appendChild(text);
    if (!d.words_by) {
      box.appendChild(el("p", "arc-note", "This arc was scored with " + d.scorer +
        ": only VADER's scores are explained word by word, so no word is tinted."));
      return;
    }
    var sums = Array.from(byWord(parts).values());
    var total = parts.reduce(function (a, p) { return a + p[3]; }, 0);
    var up = sums.filter(function (e) { return e.part > 0; }).sort(function (a, b) { return b.part - a.part; });
    var down = sums.filter(function (e) { return e.part < 0; }).sort(function (a, b) { return a.part - b.part; });
    var lists = el("div", "arc-words");
    lists.appendChild(wordList("words up", up.slice(0, 8), pos));
    lists.appendChild(wordList("words down", down.slice(0, 8), neg));
    box.appendChild(lists);
    box.appendChild(el("p", "arc-note",
      "Each word is tinted by its part in this " + d.noun + "'s value, as " + d.words_by +
      " scored it (arc explain): the parts add up to " + signed(total, 3) + "." +
      (d.unit === "sentence" ? " The rest of its paragraph is shown in grey." : "")));
  };

  function wordList(title, entries, color) {
    var block = el("div", "arc-list");
    block.appendChild(el("h3", null, title));
    if (!entries.length) block.appendChild(el("p", "arc-note", "none"));
    var list = el("ol");
    entries.forEach(function (e) {
      var item = el("li");
      var w = el("span", "arc-w", e.word);
      w.style.borderBottom = "3px solid " + color;
      item.appendChild(w);
      item.appendChild(el("span", "arc-n", " " + signed(e.part, 3)));
      list.appendChild(item);
    });
    block.appendChild(list);
    return block;
  }

  // ------------------------------------------------------------------------ hovering

  // The unit nearest the pointer, in a tooltip of the page's own (Bokeh's lists every
  // point under the pointer, dozens on a novel's strip).
  // Bokeh calls this once per renderer (one per colour of point): each call updates that
  // renderer's nearest hit, and the tooltip shows the nearest of all.
  var hits = new Map();
  page.hover = function (cb) {
    var tip = byId("arc-tip");
    var found = cb.index && cb.index.indices ? cb.index.indices : [];
    var r = cb.renderer, g = cb.geometry, plot = page.views.find_one(r).parent;
    hits.delete(r.id);
    hits.forEach(function (h, id) { if (h.plot !== plot) hits.delete(id); });  // left that plot
    if (page.data && found.length) {
      var data = r.data_source.data;
      var xs = plot.frame.x_scale, ys = plot.frame.y_scale;
      found.forEach(function (i) {
        if (data.u && data.u[i] < 0) return;
        var px = xs.compute(data.x[i]), py = ys.compute(data.y[i]);
        var gap = (px - g.sx) * (px - g.sx) + (py - g.sy) * (py - g.sy);
        var kept = hits.get(r.id);
        if (!kept || gap < kept.gap) hits.set(r.id, { gap: gap, i: i, r: r, plot: plot, px: px, py: py });
      });
    }
    var best = null;
    hits.forEach(function (h) { if (!best || h.gap < best.gap) best = h; });
    if (!best) {
      tip.hidden = true;
      return;
    }
    var d = best.r.data_source.data, i = best.i;
    tip.textContent = "";
    if (d.u) {
      tip.appendChild(el("div", "arc-tip-where", d.where[i]));
      tip.appendChild(el("div", "arc-tip-text", d.excerpt[i]));
      var line = el("div");
      line.appendChild(el("b", null, d.value[i]));
      line.appendChild(el("span", "arc-tip-where", "  " + d.spread[i]));
      tip.appendChild(line);
      tip.dataset.unit = String(d.u[i]);
    } else {  // a turning point: what it is, where, and the sentence it quotes
      var head = el("div", "arc-tip-where", d.kind[i] + " at " + d.x[i].toFixed(1) + "%: ");
      head.appendChild(el("b", null, signed(d.y[i], 3)));
      tip.appendChild(head);
      if (d.sentence[i]) tip.appendChild(el("div", "arc-tip-text", excerpt(d.sentence[i], 200)));
      tip.appendChild(el("div", "arc-tip-where", "click it for its passage"));
      tip.dataset.unit = "";
    }
    var rect = best.plot.canvas_view.el.getBoundingClientRect();
    var px = rect.left + best.px, py = rect.top + best.py;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(4, px - w / 2), window.innerWidth - w - 4);
    var top = py - h - 12 < 4 ? py + 12 : py - h - 12;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
    timed("hover");
  };

  // ------------------------------------------------------------------- a span's shift

  function storyUnits() {
    var d = page.data, out = [];
    for (var u = 0; u < d.units.index.length; u++) if (d.units.story[u]) out.push(u);
    return out;
  }
  function stretchWords(units) {
    var weights = new Map();
    units.forEach(function (u) {
      unitSentences(u).forEach(function (sw) {
        weights.set(sw[0], (weights.get(sw[0]) || 0) + sw[1] / units.length);
      });
    });
    var list = Array.from(weights.entries()).sort(function (a, b) { return a[0] - b[0]; });
    var parts = unitWords(list);
    var sums = byWord(parts);
    // how often each word occurs, weighted as the values are (arc.word_shift's rate)
    var wmap = new Map(list);
    parts.forEach(function (p) {
      var e = sums.get(wordOf(p));
      e.rate += wmap.get(p[0]);
    });
    var value = 0;
    list.forEach(function (sw) { value += page.data.compound[sw[0]] * sw[1]; });
    return { sums: sums, value: value };
  }

  page.span = function (geom, final) {
    if (!final || !page.data) return;
    var a = Math.min(geom.x0, geom.x1), b = Math.max(geom.x0, geom.x1);
    var chosen = new Set();
    page.units.forEach(function (r) {
      var x = r.data_source.data.x, u = r.data_source.data.u;
      for (var i = 0; i < x.length; i++) if (x[i] >= a && x[i] <= b && u[i] >= 0) chosen.add(u[i]);
    });
    var story = storyUnits();
    var units = story.filter(function (u) { return chosen.has(u); });
    if (!units.length) return;
    page.shift(units, story);
  };

  page.shift = function (units, story) {
    var d = page.data, box = byId("arc-reading");
    var A = stretchWords(units), B = stretchWords(story);
    var words = new Set(Array.from(A.sums.keys()).concat(Array.from(B.sums.keys())));
    var rows = [];
    words.forEach(function (w) {
      var ea = A.sums.get(w), eb = B.sums.get(w);
      var pa = ea ? ea.part : 0, pb = eb ? eb.part : 0;
      var sign = (ea && ea.sign) || (eb && eb.sign) || 1;
      var more = (ea ? ea.rate : 0) >= (eb ? eb.rate : 0);
      rows.push({ word: w, shift: pa - pb, kind: (sign >= 0 ? "+" : "-") + (more ? "\u2191" : "\u2193"), sign: sign, more: more });
    });
    rows.sort(function (x, y) { return Math.abs(y.shift) - Math.abs(x.shift) || (x.word < y.word ? -1 : 1); });
    page.lastShift = rows;
    box.textContent = "";
    var first = d.units.index[units[0]], last = d.units.index[units[units.length - 1]];
    var name = units.length === 1 ? d.noun + " " + first : d.noun + "s " + first + "\u2013" + last;
    box.appendChild(el("h2", null, "Word shift: " + name + " against the whole story"));
    box.appendChild(el("p", "arc-note", "This stretch " + signed(A.value, 3) + ", the whole story " +
      signed(B.value, 3) + ": a difference of " + signed(A.value - B.value, 3) +
      ", which the words' parts below add up to (each word's part in the stretch less its part in the whole)."));
    var top = rows.slice(0, 15), most = 0;
    top.forEach(function (r) { most = Math.max(most, Math.abs(r.shift)); });
    var table = el("table", "arc-shift");
    var colors = { "+\u2191": css("--arc-positive"), "+\u2193": css("--arc-pale-positive"),
      "-\u2191": css("--arc-negative"), "-\u2193": css("--arc-pale-negative") };
    top.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", "arc-w", r.word));
      tr.appendChild(el("td", "arc-kind", r.kind));
      var cell = el("td", "arc-bar-cell");
      var bar = el("span", "arc-bar");
      bar.style.width = (most > 0 ? (100 * Math.abs(r.shift)) / most : 0).toFixed(1) + "%";
      bar.style.background = colors[r.kind];
      bar.style.marginLeft = r.shift < 0 ? "0" : "";
      cell.appendChild(bar);
      tr.appendChild(cell);
      tr.appendChild(el("td", "arc-n", signed(r.shift, 4)));
      table.appendChild(tr);
    });
    box.appendChild(table);
    box.appendChild(el("p", "arc-note", "+ a positive word, - a negative one; \u2191 used more often in the " +
      "stretch, \u2193 less (the hedonometer's four kinds). Worked out in this page from each word's " +
      "share of its sentence's score, as arc explain --between computes it."));
  };

  page.reset = function () {
    var select = byId("arc-chapters");
    if (select) select.value = "";
  };

  // Where a point is drawn, in the window's coordinates (for tests, and scripts).
  function onScreen(r, i) {
    var plot = page.views.find_one(r).parent, data = r.data_source.data;
    var sx = plot.frame.x_scale.compute(data.x[i]), sy = plot.frame.y_scale.compute(data.y[i]);
    var rect = plot.canvas_view.el.getBoundingClientRect();
    return { x: rect.left + sx, y: rect.top + sy };
  }
  // A unit's point (u: its place among the page's units).
  page.locate = function (u) {
    for (var k = 0; k < page.units.length; k++) {
      var i = Array.prototype.indexOf.call(page.units[k].data_source.data.u, u);
      if (i >= 0) return onScreen(page.units[k], i);
    }
    return null;
  };
  // The turning points, in order of narrative time: kind, where, and the unit they are at.
  page.turnPoints = function () {
    var out = [];
    page.turns.forEach(function (r) {
      var d = r.data_source.data;
      for (var i = 0; i < d.x.length; i++) {
        var at = onScreen(r, i);
        out.push({ kind: d.kind[i], x: d.x[i], index: d.index[i], sentence: d.sentence[i], sx: at.x, sy: at.y });
      }
    });
    return out.sort(function (a, b) { return a.x - b.x; });
  };

  async function start() {
    try {
      var item = JSON.parse(byId("arc-chart-data").textContent);
      page.views = await Bokeh.embed.embed_item(item, "arc-chart");
      page.doc = Bokeh.documents[Bokeh.documents.length - 1];
      var blob = await unpack(byId("arc-reading-data").textContent.trim());
      page.data = blob.reading;
      fillSources(blob.columns);
      if (page.data) page.data.units.story = page.data.units.story || page.data.units.index.map(function () { return true; });
      models();
      fillHover();
      activateSpan();
      setupTip();
      setupLegend();
      setupChapters();
      var box = byId("arc-reading");
      if (page.data) {
        box.appendChild(el("p", "arc-note", "Point at a dot to read it; click it, or a turning point, " +
          "for its whole " + (page.data.unit === "sentence" ? "paragraph" : page.data.noun) +
          " with each word tinted by its part; drag across the chart for the word shift of a span."));
      }
      page.loaded = performance.now();
      page.ready = true;
      document.body.dataset.ready = "true";
    } catch (err) {
      page.failed = String(err && err.stack ? err.stack : err);
      console.error("arc page: " + page.failed);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
