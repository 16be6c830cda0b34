// marsad dashboard: filters fetch /api/events and /api/stories without reloading the page.
// The page is rendered server-side first, so everything here is an enhancement; text is only ever set with
// textContent, never as HTML, because article text is untrusted.
"use strict";

(function () {
  const PAGE = 50;
  const form = document.getElementById("filters");
  if (!form) return;
  const eventsList = document.getElementById("events");
  const storiesList = document.getElementById("stories");
  let offset = 0;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function actorLabel(a) {
    return a ? (a.name_ar || a.text || a.name || "") : "";
  }

  function actorNode(a) {
    if (!a) return el("span", { class: "none" }, "—");
    if (a.id) return el("a", { class: "actor", href: "/actors/" + encodeURIComponent(a.id) }, actorLabel(a));
    return el("span", { class: "actor" }, actorLabel(a));
  }

  function eventNode(ev) {
    const li = el("li", { class: "event status-" + ev.status });
    const head = el("div", { class: "event-head" });
    head.append(el("span", { class: "badge type" }, ev.type));
    if (ev.mode) head.append(el("span", { class: "badge mode" }, ev.mode));
    if (ev.status !== "reported") head.append(el("span", { class: "badge status" }, ev.status));
    head.append(el("span", { class: "date" }, ev.date || "تاريخ غير معروف"));
    const actors = el("div", { class: "event-actors" });
    actors.append(actorNode(ev.source), " ← ", actorNode(ev.target));
    const meta = el("div", { class: "event-meta" });
    const doc = ev.doc || {};
    meta.append(el("a", { href: "/documents/" + encodeURIComponent(ev.doc_id) }, doc.title || ev.doc_id));
    for (const part of [doc.source, doc.published]) if (part) meta.append(" · " + part);
    if (ev.story_id) {
      meta.append(" · ");
      meta.append(el("a", { href: "/stories/" + encodeURIComponent(ev.story_id) }, "القصة"));
    }
    li.append(head, actors, el("blockquote", { class: "evidence" }, ev.evidence), meta);
    return li;
  }

  function storyNode(st) {
    const li = el("li", { class: "story" });
    const a = el("a", { href: "/stories/" + encodeURIComponent(st.id) });
    a.append(el("span", { class: "badge type" }, st.type), " " + st.actors.slice(0, 3).map(actorLabel).join("، "));
    li.append(a, el("span", { class: "date" }, st.date || ""),
      el("span", { class: "meta" }, " " + st.mentions_count + " تقرير · " + st.outlets_count + " مصدر"));
    return li;
  }

  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) p.set(k, String(v).trim());
    return p;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    return body;
  }

  function fill(list, items, make, emptyText, append) {
    if (!append) list.replaceChildren();
    for (const item of items) list.append(make(item));
    if (!list.children.length) list.append(el("li", { class: "empty" }, emptyText));
  }

  async function load(append) {
    const p = params();
    const more = document.getElementById("more");
    offset = append ? offset + PAGE : 0;
    const ev = new URLSearchParams(p);
    ev.set("limit", PAGE);
    ev.set("offset", offset);
    try {
      const events = await getJSON("/api/events?" + ev);
      fill(eventsList, events.items, eventNode, "لا أحداث مطابقة.", append);
      document.getElementById("events-total").textContent = "(" + events.total + ")";
      if (more) more.hidden = offset + events.items.length >= events.total;
      if (!append) {
        const st = new URLSearchParams(p);
        st.set("limit", 20);
        const stories = await getJSON("/api/stories?" + st);
        fill(storiesList, stories.items, storyNode, "لا قصص مطابقة.", false);
        document.getElementById("stories-total").textContent = "(" + stories.total + ")";
        history.replaceState(null, "", p.toString() ? "/?" + p : "/");
      }
    } catch (err) {
      fill(eventsList, [], eventNode, "خطأ: " + err.message, false);
    }
  }

  form.addEventListener("submit", (e) => {
    const p = params();
    // A text query also lists matching articles, which the server renders: let the form submit normally.
    if (p.has("q")) return;
    e.preventDefault();
    load(false);
  });
  const more = document.getElementById("more");
  if (more) {
    offset = Number(more.dataset.offset || PAGE) - PAGE;
    more.addEventListener("click", (e) => { e.preventDefault(); load(true); });
  }
})();
