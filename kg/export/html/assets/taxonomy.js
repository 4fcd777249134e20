/* The taxonomy outline: each list's sections as a collapsible tree, sized by works and coloured by
 * recency or coverage; opening a section lists its works and the sections other lists align with
 * it. Rows exist only while their parent is expanded and works only while their section is open,
 * so a taxonomy of hundreds of sections and thousands of works stays quick.
 * All list text goes into the page through textContent; only http(s) URLs become links. */
(function () {
  "use strict";

  const started = performance.now();
  const DATA = JSON.parse(document.getElementById("kg-taxonomy").textContent);
  const HOST = document.getElementById("taxonomy");
  const S = DATA.sections;
  const W = DATA.works;
  const N = S.id.length;
  const PAGE = 100; // works listed at a time; "show more" adds the next ones
  const CHIPS = 2; // aligned sections named in a row; the rest are counted
  const FIRST_ROWS = 40; // sections opened up front, top levels first, while they fit
  const THIN = DATA.thin || 3;
  const children = S.id.map(() => []);
  const roots = new Map(DATA.roots.map((l) => [l, []]));
  const rows = new Map(); // section → its <li>, for the rendered ones only
  const expanded = new Set();
  const opened = new Set();
  const largest = new Map(); // list → its largest section's work count
  let colourBy = "recency";
  let keep = null; // the sections a filter leaves, with their ancestors; null when unfiltered
  let tree = null;

  for (let i = 0; i < N; i++) {
    const parent = S.parent[i];
    if (parent >= 0) children[parent].push(i);
    else if (roots.has(S.list[i])) roots.get(S.list[i]).push(i);
    largest.set(S.list[i], Math.max(largest.get(S.list[i]) || 1, S.total[i]));
  }

  /* ---- safe DOM helpers ------------------------------------------------------------------ */

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function button(text, cls, label) {
    const node = el("button", text, cls);
    node.type = "button";
    if (label) node.setAttribute("aria-label", label);
    return node;
  }

  function isWebUrl(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return false;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:";
    } catch (err) {
      return false;
    }
  }

  function webLink(url, text) {
    if (!isWebUrl(url)) return el("span", text, "tx-title");
    const a = el("a", text, "tx-title");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    return a;
  }

  /* ---- colours --------------------------------------------------------------------------- */

  function recencyColour(share) {
    if (share < 0) return "#d3d7dc";
    const hue = 212 - 188 * share;
    return "hsl(" + hue.toFixed(0) + ", " + (48 + 32 * share).toFixed(0) + "%, " + (60 - 8 * share).toFixed(0) + "%)";
  }

  function colour(i) {
    if (colourBy === "recency") return recencyColour(S.recent[i]);
    if (S.total[i] === 0) return "#d9534f";
    return S.total[i] < THIN ? "#f0ad4e" : "#5cb85c";
  }

  /* ---- rows ------------------------------------------------------------------------------ */

  function depth(i) {
    let d = 0;
    for (let p = S.parent[i]; p >= 0; p = S.parent[p]) d++;
    return d;
  }

  function name(i) {
    const label = S.label[i];
    const notation = S.notation[i];
    return notation && notation !== label ? notation + " " + label : label;
  }

  function makeRow(i) {
    const li = el("li", null, "tx-node");
    li.setAttribute("role", "treeitem");
    li.dataset.s = String(i);
    li.style.setProperty("--depth", String(depth(i)));
    const line = el("div", null, "tx-row");
    const head = el("span", null, "tx-head");
    const twisty = button(children[i].length ? "▸" : "", "tx-twisty", "Expand or collapse");
    if (children[i].length) {
      li.setAttribute("aria-expanded", "false");
      twisty.addEventListener("click", () => toggle(i));
    } else {
      twisty.disabled = true;
    }
    const label = button(null, "tx-name");
    label.appendChild(el("span", name(i)));
    label.title = "Show its works";
    label.addEventListener("click", () => toggleOpen(i));
    head.append(twisty, label);
    line.append(head, bar(i), counts(i), aligned(i));
    li.appendChild(line);
    rows.set(i, li);
    return li;
  }

  function bar(i) {
    const box = el("span", null, "tx-bar");
    const fill = el("span", null, "tx-fill");
    fill.style.width = ((100 * S.total[i]) / largest.get(S.list[i])).toFixed(1) + "%";
    fill.style.background = colour(i);
    const share = S.recent[i];
    box.title = share < 0 ? "no dated works" : Math.round(100 * share) + "% from the last " + DATA.recentYears + " years";
    box.appendChild(fill);
    return box;
  }

  function counts(i) {
    const box = el("span", null, "tx-count");
    box.appendChild(el("span", S.total[i]));
    box.title = S.own[i] + " filed here, " + S.total[i] + " with its subsections";
    if (S.total[i] === 0) box.appendChild(el("span", "empty", "tx-badge tx-empty"));
    else if (S.total[i] < THIN) box.appendChild(el("span", "thin", "tx-badge tx-thin"));
    return box;
  }

  function aligned(i) {
    const box = el("span", null, "tx-aligned");
    const found = S.aligned[i];
    for (const a of found.slice(0, CHIPS)) box.appendChild(chip(a));
    if (found.length > CHIPS) {
      const more = button("+" + (found.length - CHIPS), "tx-chip tx-more", "More aligned sections");
      more.addEventListener("click", () => openAt(i));
      box.appendChild(more);
    }
    return box;
  }

  function chip(a) {
    const [list, label, relation, score, target] = a;
    const text = DATA.lists[list].id + " · " + label;
    const node = target >= 0 ? button(text, "tx-chip") : el("span", text, "tx-chip");
    node.classList.add("tx-" + relation);
    node.title = relation + " (" + score.toFixed(2) + "): " + DATA.lists[list].title + " › " + label;
    if (target >= 0) node.addEventListener("click", () => reveal(target));
    return node;
  }

  /* ---- expanding and opening ------------------------------------------------------------- */

  function visible(i) {
    return keep === null || keep.has(i);
  }

  function group(items) {
    const ul = el("ul", null, "tx-group");
    ul.setAttribute("role", "group");
    for (const i of items) if (visible(i)) ul.appendChild(render(i));
    return ul;
  }

  function render(i) {
    const li = makeRow(i);
    if (opened.has(i)) li.appendChild(worksPanel(i));
    if (expanded.has(i) && children[i].length) showChildren(i, li);
    return li;
  }

  function showChildren(i, li) {
    li.setAttribute("aria-expanded", "true");
    li.querySelector(".tx-twisty").textContent = "▾";
    li.appendChild(group(children[i]));
  }

  function forget(li) {
    for (const node of li.querySelectorAll(".tx-node")) rows.delete(Number(node.dataset.s));
  }

  function expand(i) {
    expanded.add(i);
    const li = rows.get(i);
    if (!li || !children[i].length || li.querySelector(":scope > .tx-group")) return;
    showChildren(i, li);
  }

  function collapse(i) {
    expanded.delete(i);
    const li = rows.get(i);
    const ul = li && li.querySelector(":scope > .tx-group");
    if (!ul) return;
    forget(ul);
    ul.remove();
    li.setAttribute("aria-expanded", "false");
    li.querySelector(".tx-twisty").textContent = "▸";
  }

  function toggle(i) {
    if (expanded.has(i)) collapse(i);
    else expand(i);
  }

  function openAt(i) {
    opened.add(i);
    const li = rows.get(i);
    if (!li || li.querySelector(":scope > .tx-works")) return;
    const panel = worksPanel(i);
    const after = li.querySelector(":scope > .tx-group");
    li.insertBefore(panel, after);
    li.classList.add("tx-open");
  }

  function close(i) {
    opened.delete(i);
    const li = rows.get(i);
    const panel = li && li.querySelector(":scope > .tx-works");
    if (panel) panel.remove();
    if (li) li.classList.remove("tx-open");
  }

  function toggleOpen(i) {
    if (opened.has(i)) close(i);
    else openAt(i);
  }

  function reveal(i) {
    if (keep !== null && !keep.has(i)) filter("");
    const path = [];
    for (let p = S.parent[i]; p >= 0; p = S.parent[p]) path.unshift(p);
    for (const p of path) expand(p);
    if (!rows.has(i)) return;
    openAt(i);
    const li = rows.get(i);
    li.scrollIntoView({ block: "center" });
    li.querySelector(".tx-name").focus({ preventScroll: true });
  }

  /* ---- a section's works ----------------------------------------------------------------- */

  function worksPanel(i) {
    const box = el("div", null, "tx-works");
    const list = DATA.lists[S.list[i]];
    const more = S.total[i] - S.own[i];
    let summary = S.own[i] + " work" + (S.own[i] === 1 ? "" : "s") + " filed here";
    if (more > 0) summary += ", " + more + " more in its subsections" + (S.own[i] ? "" : ", listed below");
    const head = el("p", summary + " · ", "tx-summary");
    head.appendChild(el("code", list.file + ":" + S.line[i]));
    if (DATA.graph) head.appendChild(graphButton(S.id[i]));
    box.appendChild(head);
    const items = S.works[i].length ? S.works[i] : below(i);
    if (items.length) {
      const ol = el("ol", null, "tx-work-list");
      box.appendChild(ol);
      page(items, ol, 0);
    }
    if (S.aligned[i].length) box.appendChild(alignedList(i));
    return box;
  }

  function below(i) {
    const seen = new Set();
    const found = [];
    const stack = children[i].slice().reverse();
    while (stack.length) {
      const s = stack.pop();
      for (const item of S.works[s]) {
        if (seen.has(item[0])) continue;
        seen.add(item[0]);
        found.push(item);
      }
      for (let k = children[s].length - 1; k >= 0; k--) stack.push(children[s][k]);
    }
    return found;
  }

  function page(items, ol, from) {
    const to = Math.min(items.length, from + PAGE);
    for (let k = from; k < to; k++) ol.appendChild(workItem(items[k][0], items[k][1]));
    if (to < items.length) {
      const more = button("Show " + Math.min(PAGE, items.length - to) + " more of " + (items.length - to), "tx-show-more");
      more.addEventListener("click", () => {
        more.remove();
        page(items, ol, to);
      });
      ol.after(more);
    }
  }

  function workItem(w, line) {
    const li = el("li", null, "tx-work");
    li.appendChild(el("span", W.year[w] || "—", "tx-year"));
    li.appendChild(webLink(W.url[w], W.title[w] || W.id[w]));
    li.appendChild(el("span", W.kind[w], "tx-kind"));
    if (line) li.appendChild(el("span", "line " + line, "tx-line"));
    if (DATA.graph) li.appendChild(graphButton(W.id[w]));
    return li;
  }

  function alignedList(i) {
    const box = el("div", null, "tx-aligned-list");
    box.appendChild(el("h4", "Aligned sections of other lists"));
    const ul = el("ul");
    for (const a of S.aligned[i]) {
      const li = el("li");
      li.appendChild(chip(a));
      li.appendChild(el("span", " " + a[2] + ", score " + a[3].toFixed(2), "tx-relation"));
      ul.appendChild(li);
    }
    box.appendChild(ul);
    return box;
  }

  /* ---- the graph tab, when the page has one ---------------------------------------------- */

  function showTab(name) {
    for (const tab of document.querySelectorAll("#tabs [data-tab]")) {
      tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
    }
    const view = document.getElementById("taxonomy-view");
    if (view) view.hidden = name !== "taxonomy";
    document.body.dataset.tab = name;
  }

  function graphButton(id) {
    const node = button("graph", "tx-graph", "Show in the graph");
    node.addEventListener("click", () => {
      showTab("graph");
      if (window.kg && window.kg.search) window.kg.search(id);
    });
    return node;
  }

  function wireTabs() {
    for (const tab of document.querySelectorAll("#tabs [data-tab]")) {
      tab.addEventListener("click", () => showTab(tab.dataset.tab));
    }
    const search = document.getElementById("search");
    const matches = document.getElementById("matches");
    if (search) search.addEventListener("keydown", (e) => e.key === "Enter" && showTab("graph"));
    if (matches) matches.addEventListener("click", () => showTab("graph"));
  }

  /* ---- toolbar: filter, expand all, colours ---------------------------------------------- */

  function filter(query) {
    const q = query.trim().toLowerCase();
    if (!q) {
      keep = null;
    } else {
      keep = new Set();
      for (let i = 0; i < N; i++) {
        if (!matches(i, q)) continue;
        for (let p = i; p >= 0 && !keep.has(p); p = S.parent[p]) keep.add(p);
        for (let p = S.parent[i]; p >= 0; p = S.parent[p]) expanded.add(p);
      }
    }
    draw();
    return keep === null ? N : keep.size;
  }

  function matches(i, q) {
    if (name(i).toLowerCase().includes(q)) return true;
    return S.works[i].some((item) => String(W.title[item[0]]).toLowerCase().includes(q));
  }

  function expandAll() {
    for (let i = 0; i < N; i++) if (children[i].length) expanded.add(i);
    draw();
  }

  function collapseAll() {
    expanded.clear();
    opened.clear();
    draw();
  }

  function legend() {
    const box = el("span", null, "tx-legend");
    if (colourBy === "recency") {
      box.appendChild(el("span", "older"));
      box.appendChild(el("span", null, "tx-gradient"));
      const from = DATA.newest - DATA.recentYears + 1;
      box.appendChild(el("span", "all from " + from + "–" + DATA.newest));
      const none = el("span", null, "tx-swatch");
      none.style.background = recencyColour(-1);
      box.append(none, el("span", "undated"));
    } else {
      for (const [text, c] of [["empty", "#d9534f"], ["thin (< " + THIN + ")", "#f0ad4e"], ["covered", "#5cb85c"]]) {
        const swatch = el("span", null, "tx-swatch");
        swatch.style.background = c;
        box.append(swatch, el("span", text));
      }
    }
    return box;
  }

  function toolbar() {
    const bar = el("div", null, "tx-toolbar");
    const input = el("input", null, "tx-filter");
    input.type = "search";
    input.placeholder = "Filter sections and works";
    input.setAttribute("aria-label", "Filter sections and works");
    input.addEventListener("input", () => filter(input.value));
    const all = button("Expand all", "tx-tool");
    all.addEventListener("click", expandAll);
    const none = button("Collapse all", "tx-tool");
    none.addEventListener("click", collapseAll);
    const pick = el("select", null, "tx-colour");
    pick.setAttribute("aria-label", "Colour by");
    for (const [value, text] of [["recency", "Colour: recency"], ["coverage", "Colour: coverage"]]) {
      const option = el("option", text);
      option.value = value;
      pick.appendChild(option);
    }
    const key = el("span", null, "tx-key");
    key.appendChild(legend());
    pick.addEventListener("change", () => {
      colourBy = pick.value;
      key.replaceChildren(legend());
      draw();
    });
    bar.append(input, all, none, pick, key);
    return bar;
  }

  function listBlock(l, items) {
    const box = el("section", null, "tx-list");
    const list = DATA.lists[l];
    const head = el("h3", list.title, "tx-list-title");
    const works = new Set();
    for (let i = 0; i < N; i++) if (S.list[i] === l) for (const item of S.works[i]) works.add(item[0]);
    const sections = S.list.filter((x) => x === l).length;
    head.appendChild(el("span", list.id + " · " + sections + " sections · " + works.size + " works", "tx-list-meta"));
    const ul = group(items);
    ul.classList.add("tx-tree");
    ul.setAttribute("role", "tree");
    ul.setAttribute("aria-label", list.title);
    box.append(head, ul);
    return box;
  }

  function draw() {
    rows.clear();
    const fresh = el("div", null, "tx-lists");
    for (const [l, items] of roots) fresh.appendChild(listBlock(l, items));
    if (tree) tree.replaceWith(fresh);
    else HOST.appendChild(fresh);
    tree = fresh;
  }

  function timed(fn) {
    const t = performance.now();
    const result = fn();
    return { ms: performance.now() - t, result: result === undefined ? null : result };
  }

  function openUpFront() {
    let shown = 0;
    const queue = [];
    for (const items of roots.values()) {
      shown += items.length;
      queue.push(...items);
    }
    while (queue.length) {
      const i = queue.shift();
      if (!children[i].length || shown + children[i].length > FIRST_ROWS) continue;
      expanded.add(i);
      shown += children[i].length;
      queue.push(...children[i]);
    }
  }

  HOST.appendChild(toolbar());
  openUpFront();
  draw();
  wireTabs();
  window.kgTaxonomy = {
    sections: N,
    works: W.id.length,
    expand: (i) => expand(i),
    collapse: (i) => collapse(i),
    open: (i) => openAt(i),
    reveal: (i) => reveal(i),
    expandAll: expandAll,
    collapseAll: collapseAll,
    filter: filter,
    index: (id) => S.id.indexOf(id),
    rows: () => rows.size,
    worksShown: () => HOST.querySelectorAll(".tx-work").length,
    timed: timed,
    showTab: showTab,
  };
  window.__taxonomyReady = performance.now() - started;
})();
