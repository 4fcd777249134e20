/* The explorer page: legend, filters, search, tooltip and details panel over a renderer.
 * All text from the data goes into the page through textContent; only http(s) URLs become links. */
(function () {
  "use strict";

  performance.mark("kg-script");
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-data");
  const COLS = DATA.nodes;
  const N = COLS.id.length;
  const E = DATA.edges.length;
  const KINDS = DATA.kinds;
  const EDGE_KINDS = DATA.edgeKinds;
  const ROLE_STRUCTURE = 0;
  const ROLE_WORK = 1;
  const ROLE_SATELLITE = 2;
  const MAX_MATCHES = 12;
  const MAX_LISTED = 30;
  const $ = (id) => document.getElementById(id);

  /* ---- safe DOM helpers ------------------------------------------------------------------ */

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
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
    if (!isWebUrl(url)) return el("span", text || url, "inert");
    const a = el("a", text || url);
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    return a;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";

  function glyphBox(width, height, viewBox) {
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    if (viewBox) svg.setAttribute("viewBox", viewBox);
    svg.setAttribute("class", "glyph");
    return svg;
  }

  function glyph(shape, color) {
    const svg = glyphBox(14, 14, "-7 -7 14 14");
    const points = {
      square: "-5,-5 5,-5 5,5 -5,5",
      diamond: "0,-6 6,0 0,6 -6,0",
      triangle: "0,-6 6,5 -6,5",
      triangleDown: "0,6 6,-5 -6,-5",
      hexagon: "-6,0 -3,-5.2 3,-5.2 6,0 3,5.2 -3,5.2",
      star: "0,-6.5 1.6,-2 6.2,-2 2.5,0.8 3.9,5.3 0,2.6 -3.9,5.3 -2.5,0.8 -6.2,-2 -1.6,-2",
    }[shape];
    const mark = document.createElementNS(SVG_NS, points ? "polygon" : "circle");
    if (points) mark.setAttribute("points", points);
    else mark.setAttribute("r", "5");
    mark.setAttribute("fill", color);
    svg.appendChild(mark);
    return svg;
  }

  function lineGlyph(color, dashes) {
    const svg = glyphBox(22, 8, null);
    const line = document.createElementNS(SVG_NS, "line");
    for (const [k, v] of [["x1", 1], ["y1", 4], ["x2", 21], ["y2", 4]]) line.setAttribute(k, v);
    line.setAttribute("stroke", color);
    line.setAttribute("stroke-width", "2.5");
    if (dashes) line.setAttribute("stroke-dasharray", "4 3");
    svg.appendChild(line);
    return svg;
  }

  /* ---- indices ---------------------------------------------------------------------------- */

  const adjacency = Array.from({ length: N }, () => []);
  DATA.edges.forEach(([s, t], e) => {
    adjacency[s].push(e);
    if (t !== s) adjacency[t].push(e);
  });
  const lowerLabels = COLS.label.map((s) => s.toLowerCase());
  const idIndex = new Map(COLS.id.map((id, i) => [id, i]));
  const kindIndex = new Map(KINDS.map((k, i) => [k.kind, i]));
  const kindCounts = KINDS.map(() => 0);
  COLS.kind.forEach((k) => kindCounts[k]++);
  const edgeCounts = EDGE_KINDS.map(() => 0);
  DATA.edges.forEach(([, , k]) => edgeCounts[k]++);

  function other(e, i) {
    const [s, t] = DATA.edges[e];
    return s === i ? t : s;
  }

  function sectionWithin(section, target) {
    for (let s = section; s >= 0; s = DATA.sections[s].parent) if (s === target) return true;
    return false;
  }

  /* ---- filter state and visibility ---------------------------------------------------- */

  const years = COLS.year.filter((y) => y > 0);
  const state = {
    kindOn: KINDS.map((k) => !k.hidden),
    edgeOn: EDGE_KINDS.map((k) => !k.hidden),
    listOn: DATA.lists.map(() => true),
    section: -1,
    yearMin: years.length ? Math.min(...years) : 0,
    yearMax: years.length ? Math.max(...years) : 0,
    undated: true,
    pinned: new Set(),
    selected: -1,
  };
  const nodeHidden = new Uint8Array(N);
  const edgeHidden = new Uint8Array(E);

  function ownVisible(i) {
    if (!state.kindOn[COLS.kind[i]]) return false;
    const lists = COLS.lists[i];
    if (lists.length && !lists.some((l) => state.listOn[l])) return false;
    if (state.section >= 0 && !inSection(i)) return false;
    if (COLS.role[i] === ROLE_WORK) {
      const year = COLS.year[i];
      if (!year) return state.undated;
      return year >= state.yearMin && year <= state.yearMax;
    }
    return true;
  }

  function inSection(i) {
    const sections = COLS.sections[i];
    if (sections.length) return sections.some((s) => sectionWithin(s, state.section));
    if (COLS.role[i] !== ROLE_STRUCTURE) return true;
    return COLS.lists[i].includes(DATA.sections[state.section].list);
  }

  function satelliteVisible(i) {
    if (!state.kindOn[COLS.kind[i]]) return false;
    let works = 0;
    for (const e of adjacency[i]) {
      const j = other(e, i);
      if (COLS.role[j] !== ROLE_WORK) continue;
      if (!nodeHidden[j]) return true;
      works++;
    }
    return works === 0;
  }

  function computeVisibility() {
    for (let i = 0; i < N; i++) if (COLS.role[i] !== ROLE_SATELLITE) nodeHidden[i] = ownVisible(i) ? 0 : 1;
    for (let i = 0; i < N; i++) if (COLS.role[i] === ROLE_SATELLITE) nodeHidden[i] = satelliteVisible(i) ? 0 : 1;
    for (const i of state.pinned) nodeHidden[i] = 0;
    for (let e = 0; e < E; e++) {
      const [s, t, k] = DATA.edges[e];
      edgeHidden[e] = state.edgeOn[k] && !nodeHidden[s] && !nodeHidden[t] ? 0 : 1;
    }
  }

  let renderer = null;

  function applyFilters() {
    computeVisibility();
    if (renderer) renderer.setHidden(nodeHidden, edgeHidden);
    showCounts();
  }

  function visibleCount(flags) {
    let n = 0;
    for (let i = 0; i < flags.length; i++) if (!flags[i]) n++;
    return n;
  }

  function showCounts() {
    const shown = `${visibleCount(nodeHidden)} of ${N} nodes, ${visibleCount(edgeHidden)} of ${E} edges shown`;
    $("counts").textContent = shown;
  }

  /* ---- legend and filter controls -------------------------------------------------------- */

  function checkbox(label, checked, onChange, mark, count) {
    const row = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", () => onChange(box.checked));
    row.append(box);
    if (mark) row.append(mark);
    row.append(el("span", label, "list-name"));
    if (count !== undefined) row.append(el("span", count, "count"));
    return { row, box };
  }

  const kindBoxes = [];

  function buildLegend() {
    KINDS.forEach((k, i) => {
      if (!kindCounts[i]) return;
      const { row, box } = checkbox(k.label, state.kindOn[i], (on) => setKind(i, on), glyph(k.shape, k.color), kindCounts[i]);
      row.dataset.kind = k.kind;
      kindBoxes[i] = box;
      $("kind-filters").append(row);
    });
    EDGE_KINDS.forEach((k, i) => {
      if (!edgeCounts[i]) return;
      const { row } = checkbox(k.label, state.edgeOn[i], (on) => { state.edgeOn[i] = on; applyFilters(); }, lineGlyph(k.color, k.dashes), edgeCounts[i]);
      row.dataset.edgeKind = k.kind;
      $("edge-filters").append(row);
    });
    const people = $("toggle-people");
    people.checked = ["person", "venue"].every((k) => state.kindOn[kindIndex.get(k)]);
    people.addEventListener("change", () => {
      for (const k of ["person", "venue"]) setKind(kindIndex.get(k), people.checked);
    });
  }

  function setKind(i, on) {
    state.kindOn[i] = on;
    if (kindBoxes[i]) kindBoxes[i].checked = on;
    applyFilters();
  }

  function buildListFilters() {
    const used = new Set(COLS.lists.flat());
    DATA.lists.forEach((list, i) => {
      if (!used.has(i)) return;
      const { row } = checkbox(list.id, true, (on) => { state.listOn[i] = on; applyFilters(); });
      row.title = list.title;
      row.dataset.list = list.id;
      $("list-filters").append(row);
    });
  }

  function sectionDepth(s) {
    let depth = 0;
    for (let p = DATA.sections[s].parent; p >= 0; p = DATA.sections[p].parent) depth++;
    return depth;
  }

  function buildSectionFilter() {
    const select = $("section-filter");
    select.append(new Option("All sections", "-1"));
    const groups = new Map();
    DATA.sections.forEach((section, s) => {
      if (!groups.has(section.list)) {
        const group = el("optgroup");
        group.label = DATA.lists[section.list].id;
        groups.set(section.list, group);
        select.append(group);
      }
      const indent = "\u2003".repeat(Math.min(sectionDepth(s), 6));
      const option = new Option(indent + section.label, String(s));
      option.dataset.node = COLS.id[section.node];
      groups.get(section.list).append(option);
    });
    select.addEventListener("change", () => { state.section = Number(select.value); applyFilters(); });
  }

  function buildYearFilter() {
    const [low, high] = [$("year-min"), $("year-max")];
    low.value = state.yearMin || "";
    high.value = state.yearMax || "";
    const update = () => {
      state.yearMin = Number(low.value) || -Infinity;
      state.yearMax = Number(high.value) || Infinity;
      applyFilters();
    };
    low.addEventListener("change", update);
    high.addEventListener("change", update);
    $("undated").addEventListener("change", () => { state.undated = $("undated").checked; applyFilters(); });
  }

  /* ---- tooltip ------------------------------------------------------------------------------ */

  function tooltipLines(i) {
    const d = DATA.details[i];
    const kind = KINDS[COLS.kind[i]];
    const lines = [kind.label + (COLS.year[i] ? `, ${COLS.year[i]}` : "")];
    if (d.authors && d.authors.length) {
      const more = d.authors.length > 6 ? " et al." : "";
      lines.push("By " + d.authors.slice(0, 6).join(", ") + more);
    }
    if (d.venue) lines.push("Venue: " + d.venue);
    if (d.prov && d.prov.length) {
      lines.push("Lists: " + unique(d.prov.map((p) => p[2])).join(", "));
      const sections = unique(d.prov.map((p) => p[3]).filter(Boolean));
      const extra = sections.length > 4 ? ` and ${sections.length - 4} more` : "";
      lines.push("Sections: " + sections.slice(0, 4).join("; ") + extra);
    }
    return lines;
  }

  function unique(values) {
    return [...new Set(values)];
  }

  function showTooltip(title, lines, x, y) {
    const tip = $("tooltip");
    tip.replaceChildren(el("span", title, "title"), ...lines.map((l) => el("span", l, "line")));
    tip.hidden = false;
    const box = tip.getBoundingClientRect();
    tip.style.left = Math.min(x + 14, window.innerWidth - box.width - 4) + "px";
    tip.style.top = Math.min(y + 14, window.innerHeight - box.height - 4) + "px";
  }

  function hideTooltip() {
    $("tooltip").hidden = true;
  }

  function edgeTooltip(e, x, y) {
    const [s, t, k] = DATA.edges[e];
    const lines = [`${COLS.label[s]} \u2192 ${COLS.label[t]}`];
    const relation = relationOf(s, t, EDGE_KINDS[k].kind);
    if (relation) lines.push(`confidence ${relation.c} (${relation.r})`);
    showTooltip(EDGE_KINDS[k].label, lines, x, y);
  }

  function relationOf(s, t, predicate) {
    for (const r of DATA.details[s].rels) {
      const rel = DATA.relations[r];
      if (rel.s === s && rel.o === t && rel.p === predicate) return rel;
    }
    return null;
  }

  /* ---- details panel ------------------------------------------------------------------------- */

  function nodeButton(j, text) {
    const button = el("button", text || COLS.label[j], "node-link");
    button.type = "button";
    button.addEventListener("click", () => focusNode(j));
    return button;
  }

  function section(title, items) {
    if (!items.length) return [];
    const list = el("ul");
    for (const item of items) {
      const li = el("li");
      li.append(...(Array.isArray(item) ? item : [item]));
      list.append(li);
    }
    return [el("h3", title), list];
  }

  function field(label, value) {
    return value === undefined || value === null || value === "" ? [] : [[el("strong", label + ": "), String(value)]];
  }

  function panelFacts(i) {
    const d = DATA.details[i];
    const facts = [
      ...field("Authors", d.authors && d.authors.join(", ")),
      ...field("Venue", d.venue),
      ...field("Year", d.year),
      ...field("Identifiers", d.ids && d.ids.join(", ")),
      ...field("Summary", d.summary),
      ...field("Notation", d.notation),
      ...field("Defined at", d.file && d.line ? `${d.file}:${d.line}` : d.file),
      ...field("Origin", d.origin),
      ...field("Version", d.version),
      ...field("Previous version", d.previous),
      ...field("Also called", d.aliases && d.aliases.join(", ")),
    ];
    return section("Details", facts);
  }

  function panelLinks(i) {
    const d = DATA.details[i];
    const links = [...(d.links || []), ...(d.code || [])];
    return section("Links", links.map((url) => webLink(url)));
  }

  function panelProvenance(i) {
    const rows = (DATA.details[i].prov || []).map(([file, line, list, where]) => `${file}:${line} (${list}${where ? ", " + where : ""})`);
    return section("Listed at", rows);
  }

  function panelIssues(i) {
    const rows = DATA.details[i].issues.map((n) => {
      const issue = DATA.issues[n];
      const where = issue.file ? ` (${issue.file}${issue.line ? ":" + issue.line : ""})` : "";
      return el("span", `${issue.kind}: ${issue.message}${where}`, "issue");
    });
    return section("Data issues", rows);
  }

  function panelRelations(i) {
    const rows = DATA.details[i].rels.map((r) => {
      const rel = DATA.relations[r];
      const end = (idx, label) => (idx >= 0 && idx !== i ? nodeButton(idx, label) : el("span", label));
      const head = [end(rel.s, rel.sl), ` ${rel.p} `, end(rel.o, rel.ol), ` (confidence ${rel.c}, ${rel.r})`];
      const evidence = el("div", rel.e, "evidence");
      if (rel.m.length) evidence.append(el("div", "from " + rel.m.join(", ")));
      return [...head, evidence];
    });
    return section("Relations", rows);
  }

  function panelConnections(i) {
    const groups = new Map();
    for (const e of adjacency[i]) {
      const [s, , k] = DATA.edges[e];
      const key = `${EDGE_KINDS[k].label}${s === i ? "" : " (from)"}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(other(e, i));
    }
    const rows = [];
    for (const [key, nodes] of groups) {
      const shown = nodes.slice(0, MAX_LISTED).map((j) => [nodeButton(j), " "]).flat();
      const more = nodes.length > MAX_LISTED ? [` and ${nodes.length - MAX_LISTED} more`] : [];
      rows.push([el("strong", `${key}: `), ...shown, ...more]);
    }
    return section("Connections", rows);
  }

  function openPanel(i) {
    const body = $("panel-body");
    const kind = KINDS[COLS.kind[i]];
    body.replaceChildren(
      el("h2", COLS.label[i]),
      el("div", kind.label, "kind"),
      el("code", COLS.id[i]),
      ...panelFacts(i),
      ...panelLinks(i),
      ...panelProvenance(i),
      ...panelIssues(i),
      ...panelRelations(i),
      ...panelConnections(i),
    );
    $("panel").hidden = false;
    body.scrollTop = 0;
  }

  function closePanel() {
    $("panel").hidden = true;
  }

  /* ---- search --------------------------------------------------------------------------------- */

  function findMatches(query, limit) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    if (idIndex.has(query.trim())) return [idIndex.get(query.trim())];
    const starts = [];
    const contains = [];
    for (let i = 0; i < N && starts.length < limit; i++) {
      const at = lowerLabels[i].indexOf(q);
      if (at === 0) starts.push(i);
      else if (at > 0 && contains.length < limit) contains.push(i);
    }
    return starts.concat(contains).slice(0, limit);
  }

  function focusNode(i) {
    if (nodeHidden[i]) {
      state.pinned.add(i);
      applyFilters();
    }
    state.selected = i;
    renderer.select(i);
    openPanel(i);
    return renderer.centre(i);
  }

  function search(query) {
    const found = findMatches(query, 1);
    if (!found.length) return Promise.resolve(null);
    return focusNode(found[0]).then(() => COLS.id[found[0]]);
  }

  let active = -1;

  function showMatches() {
    const list = $("matches");
    const found = findMatches($("search").value, MAX_MATCHES);
    active = found.length ? 0 : -1;
    list.replaceChildren(...found.map((i, n) => {
      const item = el("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", String(n === 0));
      item.dataset.index = String(i);
      item.append(el("span", COLS.label[i]), el("span", KINDS[COLS.kind[i]].label, "kind"));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); pick(i); });
      return item;
    }));
    list.hidden = !found.length;
  }

  function moveActive(step) {
    const items = [...$("matches").children];
    if (!items.length) return;
    active = (active + step + items.length) % items.length;
    items.forEach((item, n) => item.setAttribute("aria-selected", String(n === active)));
  }

  function pick(i) {
    $("matches").hidden = true;
    $("search").value = COLS.label[i];
    focusNode(i);
  }

  function bindSearch() {
    const input = $("search");
    input.addEventListener("input", showMatches);
    input.addEventListener("blur", () => { $("matches").hidden = true; });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        moveActive(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter") {
        const items = [...$("matches").children];
        const chosen = items[Math.max(active, 0)];
        if (chosen) pick(Number(chosen.dataset.index));
      } else if (event.key === "Escape") {
        $("matches").hidden = true;
      }
    });
  }

  /* ---- start ---------------------------------------------------------------------------------- */

  const handlers = {
    hoverNode: (i, x, y) => showTooltip(COLS.label[i], tooltipLines(i), x, y),
    hoverEdge: edgeTooltip,
    blur: hideTooltip,
    clickNode: (i) => { state.selected = i; renderer.select(i); openPanel(i); },
    clickStage: () => { state.selected = -1; renderer.select(-1); },
  };

  function api() {
    return {
      renderer: renderer.name,
      nodeCount: () => renderer.nodeCount(),
      edgeCount: () => renderer.edgeCount(),
      visibleNodeCount: () => visibleCount(nodeHidden),
      visibleEdgeCount: () => visibleCount(edgeHidden),
      isHidden: (id) => renderer.isHidden(idIndex.get(id)),
      find: (query) => findMatches(query, MAX_MATCHES).map((i) => COLS.id[i]),
      search,
      timedSearch: (query) => {
        const start = performance.now();
        return search(query).then((id) => ({ id, ms: performance.now() - start }));
      },
      selected: () => (state.selected >= 0 ? COLS.id[state.selected] : null),
      setKind: (kind, on) => setKind(kindIndex.get(kind), on),
      screenPosition: (id) => renderer.screenPosition(idIndex.get(id)),
    };
  }

  function start() {
    buildLegend();
    buildListFilters();
    buildSectionFilter();
    buildYearFilter();
    bindSearch();
    $("panel-close").addEventListener("click", closePanel);
    computeVisibility();
    showCounts();
    performance.mark("kg-controls");
    renderer = window.KGRenderer.create($("graph"), DATA, nodeHidden, edgeHidden, handlers);
    performance.mark("kg-renderer");
    window.kg = api();
    const parsed = new Promise((resolve) => {
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve());
      else resolve();
    });
    Promise.all([renderer.ready, parsed]).then(() => {
      if (DATA.focus >= 0) {
        state.selected = DATA.focus;
        renderer.select(DATA.focus);
      }
      window.__kgReady = performance.now();
      document.body.dataset.ready = "true";
    });
  }

  start();
})();
