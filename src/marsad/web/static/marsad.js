// marsad dashboard: charts, network and map drawn as plain SVG from the JSON routes; nothing is loaded from
// outside this server. Pages are rendered server-side first, so everything here is an enhancement. Text is
// only ever set with textContent or attributes, never parsed as HTML, because article text is untrusted.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const I18N = JSON.parse((document.getElementById("i18n") || {}).textContent || "{}");
  const UI = I18N.ui || {};
  const LANG = I18N.lang || "ar";
  const tr = (k) => UI[k] || k;
  const label = (group, code) => ((I18N[group] || {})[code]) || code || "";
  const css = getComputedStyle(document.documentElement);
  const typeColour = (t) => css.getPropertyValue("--t-" + t).trim() || "#7a8793";
  // Latin digits in both languages, as the dates and ids on the page use them.
  const numberFmt = new Intl.NumberFormat(LANG === "ar" ? "ar-u-nu-latn" : "en-US");
  const fmt = (n) => numberFmt.format(n);

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function titled(node, text) {
    node.append(svg("title", {}, text));
    return node;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    return body;
  }

  function fail(container, err) {
    container.replaceChildren(el("p", { class: "empty" }, tr("error") + ": " + err.message));
  }

  function actorName(a) {
    if (!a) return "";
    return LANG === "en" ? (a.name || a.name_ar || a.text || a.id || "") : (a.name_ar || a.text || a.name || a.id || "");
  }

  function actorLink(a) {
    if (!a) return el("span", { class: "none" }, "—");
    if (a.id) return el("a", { class: "actor", href: "/actors/" + encodeURIComponent(a.id) }, actorName(a));
    return el("span", { class: "actor" }, actorName(a));
  }

  function typeBadge(t) {
    return el("span", { class: "badge type t-" + t, title: t }, label("types", t));
  }

  // ---- forms: empty fields are left out of the URL; the actor field suggests knowledge-base actors ----------
  for (const form of document.querySelectorAll("form[method=get]")) {
    form.addEventListener("submit", () => {
      for (const input of form.querySelectorAll("input, select")) if (!String(input.value).trim()) input.disabled = true;
    });
  }
  const actorInput = document.querySelector("input[name=actor][list]");
  const suggestions = document.getElementById("actor-suggestions");
  if (actorInput && suggestions) {
    let timer = null;
    actorInput.addEventListener("input", () => {
      clearTimeout(timer);
      const q = actorInput.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(async () => {
        try {
          const body = await getJSON("/api/actors?limit=10&q=" + encodeURIComponent(q));
          suggestions.replaceChildren(...body.items.map((a) => el("option", { value: a.id }, actorName(a) + " (" + fmt(a.events) + ")")));
        } catch (err) { /* suggestions are optional: the filter still takes free text */ }
      }, 200);
    });
  }

  // ---- events list: "more" appends the next page from /api/events ----------------------------------------
  function eventNode(ev) {
    const li = el("li", { class: "event status-" + ev.status });
    const head = el("div", { class: "event-head" });
    head.append(typeBadge(ev.type));
    if (ev.mode) head.append(" ", el("span", { class: "badge mode", title: ev.mode }, label("modes", ev.mode)));
    if (ev.status !== "reported") head.append(" ", el("span", { class: "badge status" }, label("statuses", ev.status)));
    head.append(el("span", { class: "date" }, ev.date || tr("unknown_date")));
    const actors = el("div", { class: "event-actors" });
    actors.append(actorLink(ev.source), I18N.dir === "rtl" ? " ← " : " → ", actorLink(ev.target));
    const meta = el("div", { class: "event-meta" });
    const doc = ev.doc || {};
    meta.append(el("a", { href: "/documents/" + encodeURIComponent(ev.doc_id) }, doc.title || ev.doc_id));
    for (const part of [doc.source, doc.published]) if (part) meta.append(" · " + part);
    if (ev.story_id) meta.append(" · ", el("a", { href: "/stories/" + encodeURIComponent(ev.story_id) }, tr("story")));
    li.append(head, actors, el("blockquote", { class: "evidence", dir: "auto" }, ev.evidence), meta);
    return li;
  }

  const more = document.getElementById("more");
  const eventsList = document.getElementById("events");
  if (more && eventsList) {
    more.addEventListener("click", async (e) => {
      e.preventDefault();
      const params = new URLSearchParams(more.getAttribute("href").split("?")[1] || "");
      params.set("limit", "50");
      try {
        const body = await getJSON("/api/events?" + params);
        for (const ev of body.items) eventsList.append(eventNode(ev));
        const next = Number(params.get("offset") || 0) + body.items.length;
        params.set("offset", String(next));
        params.delete("limit");
        more.setAttribute("href", "/?" + params);
        more.hidden = next >= body.total;
      } catch (err) { fail(eventsList, err); }
    });
  }

  // ---- timeline: stacked bars per date bucket and type --------------------------------------------------
  function drawTimeline(box, data) {
    const legendBox = document.getElementById("timeline-legend");
    const gran = document.getElementById("timeline-granularity");
    if (!data.buckets.length) { box.replaceChildren(el("p", { class: "empty" }, tr("no_data"))); return; }
    if (gran) gran.textContent = "(" + tr(data.granularity) + ")";
    const W = 960, H = 220, padL = 44, padB = 26, padT = 8;
    const max = Math.max(...data.buckets.map((b) => b.total));
    const n = data.buckets.length;
    const bw = (W - padL - 8) / n;
    const barW = Math.max(1, Math.min(bw - 1, 36));  // a few buckets should not become slabs
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline-svg", direction: "ltr", preserveAspectRatio: "none" });
    const y = (v) => H - padB - (v / max) * (H - padB - padT);
    for (const frac of [0, 0.5, 1]) {
      const v = Math.round(max * frac);
      root.append(svg("line", { x1: padL, x2: W, y1: y(v), y2: y(v), class: "grid" }));
      root.append(svg("text", { x: padL - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, fmt(v)));
    }
    const labelEvery = Math.max(1, Math.ceil(n / 12));
    data.buckets.forEach((b, i) => {
      const x = padL + i * bw;
      let acc = 0;
      const g = svg("g", { class: "bucket" });
      for (const t of data.types) {
        const v = b.counts[t] || 0;
        if (!v) continue;
        const rect = svg("rect", { x: x + (bw - barW) / 2, width: barW, y: y(acc + v), height: y(acc) - y(acc + v), fill: typeColour(t), "data-type": t });
        titled(rect, `${b.date} · ${label("types", t)}: ${fmt(v)}`);
        g.append(rect);
        acc += v;
      }
      const q = new URLSearchParams(box.dataset.filters || "");
      q.set("since", b.date);
      q.set("until", b.date);
      const link = svg("a", { href: "/?" + q });
      link.append(g);
      root.append(link);
      if (i % labelEvery === 0) root.append(svg("text", { x: x + bw / 2, y: H - 8, "text-anchor": "middle", class: "axis" }, b.date));
    });
    box.replaceChildren(root);
    if (legendBox) {
      legendBox.replaceChildren(...data.types.map((t) => {
        const item = el("span", { class: "legend-item" });
        const sw = el("span", { class: "swatch t-" + t });
        item.append(sw, " " + label("types", t));
        return item;
      }));
    }
  }

  // ---- top actors and dyads ---------------------------------------------------------------------------
  function drawTopActors(list, body) {
    if (!body.items.length) { list.replaceChildren(el("li", { class: "empty" }, tr("no_data"))); return; }
    const top = body.items[0].events || 1;
    list.replaceChildren(...body.items.map((a) => {
      const li = el("li");
      const m = el("meter", { class: "bar", min: "0", max: String(top), value: String(a.events) }, a.events);
      li.append(actorLink(a), m, el("span", { class: "meta" }, fmt(a.events) + " " + tr("events") + " · " + fmt(a.stories) + " " + tr("stories")));
      return li;
    }));
  }

  function drawDyads(list, body) {
    if (!body.edges.length) { list.replaceChildren(el("li", { class: "empty" }, tr("no_data"))); return; }
    const byId = Object.fromEntries(body.nodes.map((n) => [n.id, n]));
    list.replaceChildren(...body.edges.map((e) => {
      const li = el("li");
      li.append(actorLink(byId[e.source] || { id: e.source }), I18N.dir === "rtl" ? " ← " : " → ", actorLink(byId[e.target] || { id: e.target }));
      const types = el("span", { class: "types" });
      for (const [t, n] of Object.entries(e.types).sort((a, b) => b[1] - a[1])) types.append(typeBadge(t), " ");
      li.append(" ", types, el("span", { class: "meta" }, fmt(e.stories) + " " + tr("stories")));
      return li;
    }));
  }

  // ---- network: a small force layout (deterministic start, fixed number of steps) ------------------------
  function drawNetwork(box, body) {
    const legendBox = document.getElementById("network-legend");
    if (!body.edges.length) { box.replaceChildren(el("p", { class: "empty" }, tr("no_data"))); return; }
    const W = 1100, H = 680;
    // Start on a circle (stable across reloads), then repel every pair and pull linked ones to a rest length.
    const nodes = body.nodes.map((n, i) => {
      const a = (2 * Math.PI * i) / body.nodes.length;
      return { ...n, x: W / 2 + 300 * Math.cos(a), y: H / 2 + 260 * Math.sin(a), vx: 0, vy: 0 };
    });
    const index = Object.fromEntries(nodes.map((n, i) => [n.id, i]));
    const links = body.edges.map((e) => ({ ...e, s: index[e.source], t: index[e.target] }));
    const maxW = Math.max(...links.map((l) => l.stories));
    const repulsion = 12000 * Math.min(1, 60 / nodes.length);
    for (let step = 0; step < 400; step++) {
      const alpha = 1 - step / 400;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = (a.y - b.y) * 1.6;  // labels are wide: keep rows further apart
          const d2 = Math.max(dx * dx + dy * dy, 25), d = Math.sqrt(d2);
          const f = (repulsion / d2) * alpha;
          a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
        }
      }
      for (const l of links) {
        const a = nodes[l.s], b = nodes[l.t];
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = (d - 150) * 0.015 * alpha;
        a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
      for (const n of nodes) {
        n.vx += (W / 2 - n.x) * 0.002; n.vy += (H / 2 - n.y) * 0.003;
        n.x = Math.min(W - 70, Math.max(70, n.x + n.vx)); n.y = Math.min(H - 20, Math.max(36, n.y + n.vy));
        n.vx *= 0.6; n.vy *= 0.6;
      }
    }
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network-svg" });
    const defs = svg("defs");
    const seen = new Set();
    for (const l of links) {
      const main = Object.entries(l.types).sort((a, b) => b[1] - a[1])[0][0];
      l.main = main;
      if (seen.has(main)) continue;
      seen.add(main);
      const marker = svg("marker", { id: "arrow-" + main, viewBox: "0 0 10 10", refX: "18", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
      marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: typeColour(main) }));
      defs.append(marker);
    }
    root.append(defs);
    for (const l of links) {
      const a = nodes[l.s], b = nodes[l.t];
      const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: typeColour(l.main), "stroke-width": 1 + 5 * l.stories / maxW, class: "edge", "marker-end": `url(#arrow-${l.main})`, "data-type": l.main });
      const types = Object.entries(l.types).map(([t, n]) => label("types", t) + " " + fmt(n)).join("، ");
      titled(line, `${actorName(a)} → ${actorName(b)}: ${fmt(l.stories)} ${tr("stories")} (${types})`);
      root.append(line);
    }
    const maxDeg = Math.max(...nodes.map((n) => n.stories));
    for (const n of nodes) {
      const link = svg("a", { href: "/actors/" + encodeURIComponent(n.id), class: "node" });
      const r = 5 + 12 * Math.sqrt(n.stories / maxDeg);
      link.append(titled(svg("circle", { cx: n.x, cy: n.y, r, class: "node-dot kind-" + (n.kind || "unknown") }), actorName(n) + ": " + fmt(n.stories) + " " + tr("stories")));
      link.append(svg("text", { x: n.x, y: n.y - r - 4, "text-anchor": "middle", class: "node-label" }, actorName(n)));
      root.append(link);
    }
    box.replaceChildren(root);
    if (legendBox) legendBox.replaceChildren(...[...seen].map((t) => {
      const item = el("span", { class: "legend-item" });
      item.append(el("span", { class: "swatch t-" + t }), " " + label("types", t));
      return item;
    }));
  }

  // ---- map: equirectangular projection of the shipped Natural Earth outlines ------------------------------
  const VIEWS = { mena: [-18, 64, 8, 44], world: [-170, 190, -56, 80] };

  function drawMap(box, geo, data, view) {
    const [lon0, lon1, lat0, lat1] = VIEWS[view];
    const k = Math.cos(((lat0 + lat1) / 2) * Math.PI / 180);
    const W = 960, H = Math.round(W * (lat1 - lat0) / ((lon1 - lon0) * k));
    const px = (lon) => (lon - lon0) / (lon1 - lon0) * W;
    const py = (lat) => (lat1 - lat) / (lat1 - lat0) * H;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", direction: "ltr" });
    root.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    const counts = data.countries || {};
    const maxC = Math.max(1, ...Object.values(counts));
    for (const f of geo.features) {
      let d = "";
      for (const poly of f.geometry.coordinates) for (const ring of poly) {
        d += "M" + ring.map(([x, y]) => px(x).toFixed(1) + "," + py(y).toFixed(1)).join("L") + "Z";
      }
      const iso = f.properties.iso3;
      const n = counts[iso] || 0;
      const shade = n ? 0.15 + 0.75 * Math.sqrt(n / maxC) : 0;
      const path = svg("path", { d, class: "land" + (n ? " has-events" : ""), "fill-rule": "evenodd", "data-iso3": iso || "" });
      if (n) path.setAttribute("fill-opacity", shade.toFixed(2));
      titled(path, `${f.properties.name}${iso ? " (" + iso + ")" : ""}: ${fmt(n)} ${tr("events")}`);
      if (iso && n) {
        const a = svg("a", { href: "/?country=" + iso });
        a.append(path);
        root.append(a);
      } else root.append(path);
    }
    const maxP = Math.max(1, ...data.places.map((p) => p.events));
    for (const p of data.places.slice().reverse()) {
      if (p.lon < lon0 || p.lon > lon1 || p.lat < lat0 || p.lat > lat1) continue;
      const c = svg("circle", { cx: px(p.lon), cy: py(p.lat), r: 2.5 + 14 * Math.sqrt(p.events / maxP), class: "place-dot" });
      titled(c, `${actorName(p)}: ${fmt(p.events)} ${tr("events")} · ${fmt(p.stories)} ${tr("stories")}`);
      root.append(c);
    }
    box.replaceChildren(root);
  }

  function listPlaces(list, data) {
    if (!data.places.length) { list.replaceChildren(el("li", { class: "empty" }, tr("no_data"))); return; }
    const top = data.places[0].events;
    list.replaceChildren(...data.places.slice(0, 15).map((p) => {
      const li = el("li");
      li.append(el("span", { class: "actor" }, actorName(p)), el("meter", { class: "bar", min: "0", max: String(top), value: String(p.events) }, p.events),
        el("span", { class: "meta" }, (p.country || "") + " · " + fmt(p.events) + " " + tr("events")));
      return li;
    }));
  }

  // ---- wiring --------------------------------------------------------------------------------------------
  async function load(id, draw) {
    const box = document.getElementById(id);
    if (!box || !box.dataset.src) return;
    try { draw(box, await getJSON(box.dataset.src)); } catch (err) { fail(box, err); }
  }

  load("timeline", drawTimeline);
  load("top-actors", drawTopActors);
  load("top-dyads", drawDyads);
  load("network", drawNetwork);

  const mapBox = document.getElementById("map");
  if (mapBox) {
    Promise.all([getJSON(mapBox.dataset.geometry), getJSON(mapBox.dataset.src)]).then(([geo, data]) => {
      let view = "mena";
      drawMap(mapBox, geo, data, view);
      listPlaces(document.getElementById("places"), data);
      for (const btn of document.querySelectorAll(".view-btn")) {
        btn.addEventListener("click", () => {
          view = btn.dataset.view;
          for (const b of document.querySelectorAll(".view-btn")) b.setAttribute("aria-pressed", String(b === btn));
          drawMap(mapBox, geo, data, view);
        });
      }
    }).catch((err) => fail(mapBox, err));
  }
})();
