/* regiongraph view: the interactive layer over vis-network.
 *
 * Safety: text from the data reaches the DOM only through textContent / text nodes, and
 * attributes only through dataset or a checked href; nothing from the data is parsed as HTML.
 * Speed: the vis DataSets are built once from the arrays page.py embedded; filters, language and
 * collapse touch them with one batched update of only the items that change.
 * Map: the "Карта" tab plots the places that have coordinates (node.lat, node.lon) in an
 * equirectangular projection with a graticule, as SVG made with createElementNS and text nodes.
 * No tiles and no outlines: nothing may be fetched, see page.py.
 */
(function () {
  "use strict";

  const UI = {
    ru: {
      language: "Язык", collapse: "Свернуть факты", article: "Статья", allArticles: "все статьи",
      from: "с", to: "по", showAll: "Показать всё", legend: "Легенда",
      searchPlaceholder: "Поиск: имя или псевдоним", close: "Закрыть",
      hint: "Щелчок — подробности, двойной щелчок — окрестность узла.",
      drawnWith: "Построено с pyvis и vis-network.",
      entities: "Сущности", facts: "Факты", type: "Тип", labelRu: "По-русски", labelEn: "По-английски",
      aliases: "Другие имена", dates: "Даты", iri: "IRI", degree: "Связей", betweenness: "Посредничество",
      sampled: "(по выборке)", attributes: "Свойства", links: "Ссылки", factsOf: "Участвует в фактах",
      roles: "Роли", sources: "Источники", quotes: "Цитаты", relations: "Связи",
      neighbourhood: "Окрестность", focus: "Показать на графе", noResults: "Ничего не найдено",
      status: (v, n, e) => `Показано узлов: ${v} из ${n}, рёбер: ${e}`,
      hiddenByFilters: "скрыт фильтрами", edge: "Связь", none: "—", mentionedIn: "Упоминается в",
      views: "Граф / Карта", tabGraph: "Граф", tabMap: "Карта",
      mapNote: "Равнопромежуточная проекция, без подложки: страница работает офлайн. Точки — места с координатами в графе.",
      mapStatus: (v, n) => `Мест на карте: ${v} из ${n}`, noPlaces: "В графе нет мест с координатами.",
      north: "с. ш.", south: "ю. ш.", east: "в. д.", west: "з. д.",
    },
    en: {
      language: "Language", collapse: "Collapse facts", article: "Article", allArticles: "all articles",
      from: "from", to: "to", showAll: "Show all", legend: "Legend",
      searchPlaceholder: "Search: name or alias", close: "Close",
      hint: "Click for details, double-click for a node's neighbourhood.",
      drawnWith: "Drawn with pyvis and vis-network.",
      entities: "Entities", facts: "Facts", type: "Type", labelRu: "Russian", labelEn: "English",
      aliases: "Aliases", dates: "Dates", iri: "IRI", degree: "Degree", betweenness: "Betweenness",
      sampled: "(sampled)", attributes: "Attributes", links: "Links", factsOf: "Takes part in",
      roles: "Roles", sources: "Sources", quotes: "Quotes", relations: "Relations",
      neighbourhood: "Neighbourhood", focus: "Show on graph", noResults: "Nothing found",
      status: (v, n, e) => `Showing ${v} of ${n} nodes, ${e} edges`,
      hiddenByFilters: "hidden by filters", edge: "Relation", none: "—", mentionedIn: "Mentioned in",
      views: "Graph / Map", tabGraph: "Graph", tabMap: "Map",
      mapNote: "Equirectangular projection, no basemap: the page works offline. Points are the places with coordinates in the graph.",
      mapStatus: (v, n) => `Places on the map: ${v} of ${n}`, noPlaces: "No place in the graph has coordinates.",
      north: "N", south: "S", east: "E", west: "W",
    },
  };
  const SHAPES = new Set(["dot", "square", "diamond", "triangle", "star", "hexagon", "triangleDown"]);
  const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const MAX_RESULTS = 10;

  // Milliseconds since navigation at each stage of start-up, for benchmarks (regiongraph.timings).
  const timings = { script: performance.now() };
  const $ = (id) => document.getElementById(id);
  const readJson = (id) => JSON.parse($(id).textContent);
  const model = readJson("graph-data");
  const visNodes = readJson("graph-nodes");
  const visEdges = readJson("graph-edges");
  const options = readJson("graph-options");
  timings.parsed = performance.now();

  // ---- indexes, built once ---------------------------------------------------------------
  const N = model.nodes.length;
  const indexOf = new Map();
  model.nodes.forEach((node, i) => indexOf.set(node.id, i));
  const isFact = Uint8Array.from(model.nodes, (node) => (node.kind === "fact" ? 1 : 0));
  const classById = new Map(model.classes.map((cls) => [cls.id, cls]));
  const articleById = new Map(model.articles.map((article) => [article.id, article]));
  const factIdx = model.nodes.map((node) => (node.facts || [])
    .map((id) => indexOf.get(id)).filter((i) => i !== undefined));

  // All edges in one list: the model's edges, then the collapsed ones (same order as vis).
  const allEdges = model.edges.map((edge) => ({ edge, collapsed: false }))
    .concat(model.collapsed.map((edge) => ({ edge, collapsed: true })));
  const M = allEdges.length;
  const edgeFrom = Int32Array.from(allEdges, (e) => indexOf.get(e.edge.from) ?? -1);
  const edgeTo = Int32Array.from(allEdges, (e) => indexOf.get(e.edge.to) ?? -1);
  const edgesAt = Array.from({ length: N }, () => []);
  allEdges.forEach((_, k) => {
    if (edgeFrom[k] >= 0) edgesAt[edgeFrom[k]].push(k);
    if (edgeTo[k] >= 0 && edgeTo[k] !== edgeFrom[k]) edgesAt[edgeTo[k]].push(k);
  });

  const fold = (text) => String(text || "").toLowerCase().replace(/ё/g, "е").trim();
  const haystacks = model.nodes.map((node) => (node.kind === "fact" ? null : [
    node.label && node.label.ru, node.label && node.label.en, ...(node.aliases || []),
  ].filter(Boolean).map((text) => ({ text, folded: fold(text) }))));

  // ---- state -------------------------------------------------------------------------------
  const state = {
    lang: "ru",
    collapsed: false,
    hiddenClasses: new Set(),
    article: "",
    dateFrom: "",
    dateTo: "",
    focus: null,          // node id whose neighbourhood is shown, or null
    selected: null,       // what the panel shows: {type: "node"|"edge", id}
  };
  const shownNodes = new Uint8Array(N).fill(1);
  const shownEdges = Uint8Array.from(allEdges, (e) => (e.collapsed ? 0 : 1));

  // ---- small DOM helpers (text only) ---------------------------------------------------------
  function h(tag, props, ...children) {
    const element = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (key === "className") element.className = value;
        else if (key === "dataset") Object.assign(element.dataset, value);
        else if (key === "onclick") element.addEventListener("click", value);
        else element.setAttribute(key, value); // only constant, non-event attributes are passed
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }
  const t = (key) => UI[state.lang][key];
  const pick = (label) => (label && (label[state.lang] || label.ru || label.en)) || "";
  const nodeAt = (i) => model.nodes[i];
  const nodeLabel = (i) => pick(nodeAt(i).label) || nodeAt(i).id;
  const classLabel = (id) => (classById.has(id) ? pick(classById.get(id).label) : id) || id;
  const safeHref = (href) => (typeof href === "string" && /^https?:\/\//i.test(href) ? href : null);

  function swatch(clsId) {
    const cls = classById.get(clsId);
    const shape = cls && SHAPES.has(cls.shape) ? cls.shape : "dot";
    const element = h("span", { className: `swatch shape-${shape}`, "aria-hidden": "true" });
    element.style.backgroundColor = cls && SAFE_COLOR.test(cls.color) ? cls.color : "#888888";
    return element;
  }
  function dates(start, end) {
    if (!start && !end) return null;
    if (start && end && start !== end) return `${start} — ${end}`;
    return start || end;
  }
  function articleText(id) {
    const article = articleById.get(id);
    if (!article) return id;
    return article.date ? `${article.title} (${article.date})` : article.title;
  }

  // ---- the network ---------------------------------------------------------------------------
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);
  timings.datasets = performance.now();
  const network = new vis.Network($("graph"), { nodes, edges }, options);
  timings.network = performance.now();
  network.once("afterDrawing", () => {
    timings.drawn = performance.now();
    document.body.dataset.ready = "true";
  });
  /**
   * Apply several DataSet updates with one redraw. With physics off, vis-network redraws
   * synchronously after every update that changes data; at 20,000 nodes each redraw counts.
   */
  function batched(change) {
    network.body.emitter.emit("_blockRedraw");
    try {
      change();
    } finally {
      network.body.emitter.emit("_allowRedraw");
    }
    network.redraw();
  }

  // ---- visibility: class, article and date filters, collapse, neighbourhood ------------------
  function range() {
    const from = DATE.test(state.dateFrom) ? state.dateFrom : "";
    const to = DATE.test(state.dateTo) ? state.dateTo : "";
    return { from, to };
  }
  /** Facts pass on their own [start, end]; a date at year precision covers its whole year. */
  function factPasses(i, from, to) {
    const node = nodeAt(i);
    if (state.hiddenClasses.has(node.cls)) return false;
    if (state.article && !(node.articles || []).includes(state.article)) return false;
    if (!from && !to) return true;
    const start = node.start || node.end;
    const end = node.end || node.start;
    if (!start) return false;
    // "\uffff" pads a bound to the end of its precision: "2024" + pad > "2024-12-31".
    return (!to || start <= `${to}\uffff`) && (!from || `${end}\uffff` >= from);
  }
  function computeVisibility() {
    const { from, to } = range();
    const filtering = Boolean(state.article || from || to);
    const factOk = new Uint8Array(N);
    for (let i = 0; i < N; i++) if (isFact[i]) factOk[i] = factPasses(i, from, to) ? 1 : 0;
    const nodeOn = new Uint8Array(N);
    for (let i = 0; i < N; i++) {
      if (isFact[i]) { nodeOn[i] = factOk[i] && !state.collapsed ? 1 : 0; continue; }
      if (state.hiddenClasses.has(nodeAt(i).cls)) continue;
      if (!filtering) { nodeOn[i] = 1; continue; }
      const facts = factIdx[i];
      for (let j = 0; j < facts.length; j++) if (factOk[facts[j]]) { nodeOn[i] = 1; break; }
    }
    if (state.focus !== null) {
      const around = neighbourhood(indexOf.get(state.focus));
      for (let i = 0; i < N; i++) if (nodeOn[i] && !around.has(i)) nodeOn[i] = 0;
    }
    const edgeOn = new Uint8Array(M);
    for (let k = 0; k < M; k++) {
      const a = edgeFrom[k];
      const b = edgeTo[k];
      if (a < 0 || b < 0 || !nodeOn[a] || !nodeOn[b]) continue;
      const { edge, collapsed } = allEdges[k];
      if (!collapsed) { edgeOn[k] = 1; continue; }
      if (!state.collapsed) continue;
      const facts = edge.facts || [];
      edgeOn[k] = facts.length === 0 || facts.some((id) => factOk[indexOf.get(id)]) ? 1 : 0;
    }
    return { nodeOn, edgeOn };
  }
  function applyVisibility() {
    const { nodeOn, edgeOn } = computeVisibility();
    const nodeChanges = [];
    for (let i = 0; i < N; i++) {
      if (nodeOn[i] !== shownNodes[i]) {
        shownNodes[i] = nodeOn[i];
        nodeChanges.push({ id: model.nodes[i].id, hidden: !nodeOn[i] });
      }
    }
    // vis-network itself skips edges with a hidden end, which is the whole rule for the model's
    // edges: only collapsed edges have a rule of their own, so only they are ever updated.
    const edgeChanges = [];
    for (let k = 0; k < M; k++) {
      if (edgeOn[k] !== shownEdges[k]) {
        shownEdges[k] = edgeOn[k];
        if (allEdges[k].collapsed) edgeChanges.push({ id: allEdges[k].edge.id, hidden: !edgeOn[k] });
      }
    }
    if (nodeChanges.length || edgeChanges.length) {
      batched(() => {
        if (nodeChanges.length) nodes.update(nodeChanges);
        if (edgeChanges.length) edges.update(edgeChanges);
      });
    }
    updateStatus();
    if (nodeChanges.length && view === "map") drawMap();
  }
  function updateStatus() {
    let v = 0;
    let e = 0;
    for (let i = 0; i < N; i++) v += shownNodes[i];
    for (let k = 0; k < M; k++) e += shownEdges[k];
    $("status").textContent = t("status")(v, N, e);
    $("show-all").classList.toggle("active", state.focus !== null || filtersActive());
  }
  function filtersActive() {
    return Boolean(state.hiddenClasses.size || state.article || state.dateFrom || state.dateTo);
  }

  /** Edges that are drawn in the current mode: collapsed edges replace those of fact nodes. */
  function edgeActive(k) {
    if (allEdges[k].collapsed) return state.collapsed;
    return !state.collapsed || (!isFact[edgeFrom[k]] && !isFact[edgeTo[k]]);
  }
  /** The node, its neighbours, and the neighbours of neighbours that are facts. */
  function neighbourhood(start) {
    const around = new Set([start]);
    if (start === undefined) return around;
    const step = (i) => {
      const found = [];
      for (const k of edgesAt[i]) {
        if (!edgeActive(k)) continue;
        found.push(edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k]);
      }
      return found;
    };
    for (const j of step(start)) {
      if (j < 0) continue;
      around.add(j);
      if (isFact[j]) for (const m of step(j)) if (m >= 0) around.add(m);
    }
    return around;
  }
  function showNeighbourhood(id) {
    if (!indexOf.has(id)) return;
    state.focus = id;
    applyVisibility();
    const ids = visibleNodeIds();
    network.fit({ nodes: ids, animation: false });
    if (ids.length === 1) network.moveTo({ scale: 1.2 });
  }
  function showAll() {
    state.focus = null;
    state.hiddenClasses.clear();
    state.article = "";
    state.dateFrom = "";
    state.dateTo = "";
    for (const box of $("legend").querySelectorAll("input[type=checkbox]")) box.checked = true;
    $("article-filter").value = "";
    $("date-from").value = "";
    $("date-to").value = "";
    markDates();
    applyVisibility();
    network.fit({ animation: false });
  }
  function visibleNodeIds() {
    const ids = [];
    for (let i = 0; i < N; i++) if (shownNodes[i]) ids.push(model.nodes[i].id);
    return ids;
  }
  function visibleEdgeIds() {
    const ids = [];
    for (let k = 0; k < M; k++) if (shownEdges[k]) ids.push(allEdges[k].edge.id);
    return ids;
  }

  // ---- language --------------------------------------------------------------------------------
  function setLanguage(lang) {
    if (!UI[lang]) return;
    state.lang = lang;
    document.documentElement.lang = lang;
    $("lang").value = lang;
    batched(() => {
      nodes.update(model.nodes.map((node, i) => ({ id: node.id, label: nodeLabel(i) })));
      edges.update(allEdges.map(({ edge }) => ({ id: edge.id, label: pick(edge.label) })));
    });
    for (const element of document.querySelectorAll("[data-i18n]")) {
      element.textContent = t(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll("[data-i18n-placeholder]")) {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    }
    for (const element of document.querySelectorAll("[data-i18n-title]")) {
      element.title = t(element.dataset.i18nTitle);
    }
    buildLegend();
    updateStatus();
    renderResults();
    rerenderPanel();
    if (view === "map") drawMap();
  }

  // ---- legend = class filter -----------------------------------------------------------------
  const classCounts = new Map();
  for (const node of model.nodes) classCounts.set(node.cls, (classCounts.get(node.cls) || 0) + 1);
  function buildLegend() {
    const legend = $("legend");
    legend.replaceChildren();
    for (const kind of ["entity", "fact"]) {
      const classes = model.classes.filter((cls) => cls.kind === kind);
      if (!classes.length) continue;
      legend.append(h("h3", null, t(kind === "entity" ? "entities" : "facts")));
      for (const cls of classes) {
        const box = h("input", { type: "checkbox", dataset: { class: cls.id } });
        box.checked = !state.hiddenClasses.has(cls.id);
        box.addEventListener("change", () => {
          if (box.checked) state.hiddenClasses.delete(cls.id);
          else state.hiddenClasses.add(cls.id);
          applyVisibility();
        });
        legend.append(h("label", null, box, swatch(cls.id), h("span", null, classLabel(cls.id)),
          h("span", { className: "count" }, classCounts.get(cls.id) || 0)));
      }
    }
  }

  // ---- filters -----------------------------------------------------------------------------------
  function buildArticleFilter() {
    const select = $("article-filter");
    const articles = model.articles.slice().sort((a, b) => String(a.date || "")
      .localeCompare(String(b.date || "")) || String(a.title).localeCompare(String(b.title)));
    for (const article of articles) {
      const option = h("option", null, article.date ? `${article.date} — ${article.title}` : article.title);
      option.value = article.id;
      select.append(option);
    }
    select.addEventListener("change", () => { state.article = select.value; applyVisibility(); });
  }
  function markDates() {
    for (const id of ["date-from", "date-to"]) {
      const input = $(id);
      input.classList.toggle("invalid", Boolean(input.value) && !DATE.test(input.value.trim()));
    }
  }
  function onDates() {
    state.dateFrom = $("date-from").value.trim();
    state.dateTo = $("date-to").value.trim();
    markDates();
    applyVisibility();
  }

  // ---- search ---------------------------------------------------------------------------------------
  /** Entity ids whose Russian or English label or an alias contains `text` (ё = е, any case). */
  function search(text) {
    return searchHits(text).map((hit) => model.nodes[hit.i].id);
  }
  function searchHits(text) {
    const query = fold(text);
    if (!query) return [];
    const hits = [];
    for (let i = 0; i < N; i++) {
      const names = haystacks[i];
      if (!names) continue;
      let best = null;
      for (const name of names) {
        const at = name.folded.indexOf(query);
        if (at < 0) continue;
        const rank = name.folded === query ? 0 : at === 0 ? 1 : /[\s\-«"(]/.test(name.folded[at - 1]) ? 2 : 3;
        if (!best || rank < best.rank) best = { rank, name: name.text };
      }
      if (best) hits.push({ i, rank: best.rank, name: best.name });
    }
    hits.sort((a, b) => a.rank - b.rank || nodeAt(b.i).degree - nodeAt(a.i).degree
      || nodeLabel(a.i).length - nodeLabel(b.i).length);
    return hits.slice(0, MAX_RESULTS);
  }
  let results = [];
  let active = -1;
  function renderResults() {
    const list = $("search-results");
    const query = $("search").value;
    list.replaceChildren();
    if (!fold(query)) { list.hidden = true; results = []; return; }
    results = searchHits(query);
    if (active >= results.length) active = results.length - 1;
    if (!results.length) {
      list.append(h("li", { className: "empty" }, t("noResults")));
    }
    results.forEach((hit, n) => {
      const label = nodeLabel(hit.i);
      const meta = [classLabel(nodeAt(hit.i).cls)];
      if (hit.name !== label) meta.push(hit.name);
      if (!shownNodes[hit.i]) meta.push(t("hiddenByFilters"));
      const item = h("li", { role: "option", className: n === active ? "active" : "",
        dataset: { id: nodeAt(hit.i).id } },
      h("span", { className: "result-label" }, label),
      h("span", { className: "result-meta" }, meta.join(" · ")));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(item.dataset.id); });
      list.append(item);
    });
    list.hidden = false;
  }
  function choose(id) {
    if (!indexOf.has(id)) return;
    $("search-results").hidden = true;
    if (state.focus !== null && !shownNodes[indexOf.get(id)]) { state.focus = null; applyVisibility(); }
    network.selectNodes([id]);
    openPanel(id);
    if (view === "graph") focusOn(id);
  }
  /** Centre `id` at scale 1.2 in the part of the canvas that the side panel leaves visible. */
  function focusOn(id) {
    const covered = panel.hidden ? 0 : Math.min(panel.offsetWidth, $("graph").clientWidth / 2);
    network.focus(id, { scale: 1.2, offset: { x: -covered / 2, y: 0 } });
  }

  // ---- side panel ------------------------------------------------------------------------------------
  const panel = $("panel");
  const panelBody = $("panel-body");
  function openPanel(id) {
    if (!indexOf.has(id)) return;
    state.selected = { type: "node", id };
    renderNodePanel(indexOf.get(id));
    markMapSelection();
  }
  function openEdgePanel(id) {
    const k = allEdges.findIndex(({ edge }) => edge.id === id);
    if (k < 0) return;
    state.selected = { type: "edge", id };
    renderEdgePanel(k);
  }
  function rerenderPanel() {
    if (!state.selected || panel.hidden) return;
    if (state.selected.type === "node") openPanel(state.selected.id);
    else openEdgePanel(state.selected.id);
  }
  function closePanel() {
    panel.hidden = true;
    panelBody.replaceChildren();
    state.selected = null;
    markMapSelection();
  }
  function show(children) {
    panelBody.replaceChildren(...children.filter(Boolean));
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  const nodeButton = (i) => h("button", { type: "button", className: "linklike",
    onclick: () => choose(nodeAt(i).id) }, nodeLabel(i));
  function details(rows) {
    const list = h("dl");
    for (const [key, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      list.append(h("dt", null, key), h("dd", null, value));
    }
    return list;
  }
  function section(title, ...content) {
    const items = content.flat().filter(Boolean);
    return items.length ? h("section", null, h("h3", null, title), ...items) : null;
  }
  /** Source articles of a fact; `uncited` leaves out those a quote below already names. */
  function sources(node, uncited) {
    const cited = new Set(uncited ? (node.quotes || []).map((quote) => quote.article) : []);
    return (node.articles || []).filter((id) => !cited.has(id))
      .map((id) => h("p", { className: "source" }, articleText(id)));
  }
  function quotes(node) {
    return (node.quotes || []).map((quote) => h("figure", { className: "quote" },
      h("blockquote", null, quote.text),
      h("figcaption", { className: "source" }, articleText(quote.article))));
  }
  function attributes(node) {
    const list = (node.attributes || []).map((a) => [pick(a.label), a.value]);
    return list.length ? details(list) : null;
  }
  function links(node) {
    const items = (node.links || []).map((link) => {
      const href = safeHref(link.href);
      if (!href) return h("li", null, link.label || link.href);
      const anchor = h("a", { rel: "noopener noreferrer", target: "_blank" }, link.label || href);
      anchor.href = href;
      return h("li", null, anchor);
    });
    return items.length ? h("ul", null, ...items) : null;
  }
  /** Roles of a fact (or relations of an entity): label and the node at the other end. */
  function relations(i, onlyStatic) {
    const items = [];
    for (const k of edgesAt[i]) {
      const { edge, collapsed } = allEdges[k];
      if (collapsed || (onlyStatic && (isFact[edgeFrom[k]] || isFact[edgeTo[k]]))) continue;
      const outgoing = edgeFrom[k] === i;
      const other = outgoing ? edgeTo[k] : edgeFrom[k];
      if (other < 0) continue;
      items.push(h("li", null, outgoing ? "" : "← ", `${pick(edge.label)}: `, nodeButton(other)));
    }
    return items.length ? h("ul", null, ...items) : null;
  }
  function factCard(f) {
    const fact = nodeAt(f);
    const when = dates(fact.start, fact.end);
    return h("div", { className: "fact" },
      h("h4", null, nodeButton(f)),
      h("p", { className: "meta" }, classLabel(fact.cls), when ? ` · ${when}` : ""),
      relations(f, false), attributes(fact), ...sources(fact, true), ...quotes(fact));
  }
  function typeLine(node) {
    return h("p", { className: "type" }, swatch(node.cls), classLabel(node.cls));
  }
  function actions(id) {
    return h("div", { className: "panel-actions" },
      h("button", { type: "button", onclick: () => showNeighbourhood(id) }, t("neighbourhood")),
      h("button", { type: "button", onclick: () => { setView("graph"); network.selectNodes([id]); focusOn(id); } },
        t("focus")));
  }
  function renderNodePanel(i) {
    const node = nodeAt(i);
    const betweenness = Number(node.betweenness || 0).toFixed(4)
      + (model.meta && model.meta.betweennessSampled ? ` ${t("sampled")}` : "");
    const head = [
      h("h2", null, nodeLabel(i)), typeLine(node),
      details([
        [t("labelRu"), node.label && node.label.ru], [t("labelEn"), node.label && node.label.en],
        [t("aliases"), (node.aliases || []).join(", ")], [t("dates"), dates(node.start, node.end)],
        [t("degree"), String(node.degree ?? "")], [t("betweenness"), betweenness],
        [t("iri"), node.iri ? h("span", { className: "iri" }, node.iri) : null],
      ]),
      actions(node.id),
      section(t("attributes"), attributes(node)),
      section(t("links"), links(node)),
    ];
    if (isFact[i]) {
      show([...head, section(t("roles"), relations(i, false)),
        section(t("sources"), sources(node)), section(t("quotes"), quotes(node))]);
    } else {
      show([...head, section(t("relations"), relations(i, true)),
        section(t("factsOf"), factIdx[i].map(factCard))]);
    }
  }
  function renderEdgePanel(k) {
    const { edge, collapsed } = allEdges[k];
    const factIds = collapsed ? edge.facts || [] : edge.fact ? [edge.fact] : [];
    show([
      h("h2", null, pick(edge.label)),
      h("p", { className: "type" }, t("edge")),
      details([["→", edgeFrom[k] >= 0 ? nodeButton(edgeFrom[k]) : edge.from],
        ["←", edgeTo[k] >= 0 ? nodeButton(edgeTo[k]) : edge.to]]),
      section(t("facts"), factIds.filter((id) => indexOf.has(id)).map((id) => factCard(indexOf.get(id)))),
    ]);
  }


  // ---- map: places with coordinates, equirectangular, SVG built with DOM calls only ---------
  const SVG_NS = "http://www.w3.org/2000/svg";
  /** Smallest span shown, in degrees, so that one place or a few close ones are not a blur. */
  const MIN_SPAN = 4;
  /** Room around the points, in pixels, for their labels and the graticule's. */
  const MAP_MARGIN = 56;
  const GRATICULE_STEPS = [1, 2, 5, 10, 15, 30, 45, 90];
  const hasCoordinates = (node) => node.kind !== "fact" && typeof node.lat === "number"
    && typeof node.lon === "number" && Number.isFinite(node.lat) && Number.isFinite(node.lon)
    && Math.abs(node.lat) <= 90 && Math.abs(node.lon) <= 180;
  const places = [];
  for (let i = 0; i < N; i++) if (hasCoordinates(nodeAt(i))) places.push(i);
  // Most connected first: they get the first choice of where their label goes.
  places.sort((a, b) => (nodeAt(b).degree || 0) - (nodeAt(a).degree || 0) || nodeLabel(a).localeCompare(nodeLabel(b)));
  // The standard parallel is the middle of all places (not only the shown ones), so filtering
  // never changes the projection and the points stay where they were.
  const lats = places.map((i) => nodeAt(i).lat);
  const parallel = places.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0;
  const stretch = Math.max(Math.cos(parallel * Math.PI / 180), 0.2);
  let view = "graph";
  let mapCovered = 0;  // width of the map that the side panel covered at the last drawing

  function svg(tag, attrs, ...children) {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) element.setAttribute(key, String(value));
    for (const child of children) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }
  function setView(name) {
    if (name !== "graph" && name !== "map") return;
    view = name;
    $("map").hidden = name !== "map";
    $("tab-graph").setAttribute("aria-selected", String(name === "graph"));
    $("tab-map").setAttribute("aria-selected", String(name === "map"));
    document.body.dataset.view = name;
    if (name === "map") drawMap(); else network.redraw();
  }
  /** Degrees as text: "55° с. ш.", "86,1° в. д." (whole degrees unless the step is finer). */
  function degrees(value, positive, negative) {
    const rounded = Math.round(Math.abs(value) * 100) / 100;
    const text = state.lang === "ru" ? String(rounded).replace(".", ",") : String(rounded);
    if (rounded === 0) return "0°";
    return `${text}° ${t(value > 0 ? positive : negative)}`;
  }
  /** The view's extent in projected degrees (x = lon · cos φ0, y = lat) and its scale. */
  function frame(width, height) {
    const xs = places.map((i) => nodeAt(i).lon * stretch);
    const ys = places.map((i) => nodeAt(i).lat);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const spanX = Math.max(Math.max(...xs) - Math.min(...xs), MIN_SPAN);
    const spanY = Math.max(Math.max(...ys) - Math.min(...ys), MIN_SPAN);
    const scale = Math.min((width - 2 * MAP_MARGIN) / spanX, (height - 2 * MAP_MARGIN) / spanY);
    return { cx, cy, scale: Math.max(scale, 1e-6) };
  }
  function drawMap() {
    const box = $("map");
    box.querySelector("svg")?.remove();
    const width = Math.max(box.clientWidth, 200);
    const height = Math.max(box.clientHeight, 200);
    const root = svg("svg", { id: "map-svg", width, height, viewBox: `0 0 ${width} ${height}`,
      role: "group", "aria-label": t("tabMap") });
    box.prepend(root);
    const shown = places.filter((i) => shownNodes[i]);
    $("map-status").textContent = places.length ? t("mapStatus")(shown.length, places.length) : t("noPlaces");
    if (!places.length) return;
    // The points fit in the part of the map that the side panel leaves visible.
    mapCovered = panel.hidden ? 0 : Math.min(panel.offsetWidth, width / 2);
    const usable = width - mapCovered;
    const { cx, cy, scale } = frame(usable, height);
    const px = (lon) => usable / 2 + (lon * stretch - cx) * scale;
    const py = (lat) => height / 2 - (lat - cy) * scale;
    const lonMin = Math.max(-180, (cx - usable / 2 / scale) / stretch);
    const lonMax = Math.min(180, (cx + (width - usable / 2) / scale) / stretch);
    const latMin = Math.max(-90, cy - height / 2 / scale);
    const latMax = Math.min(90, cy + height / 2 / scale);
    const span = Math.max(lonMax - lonMin, latMax - latMin);
    const step = GRATICULE_STEPS.find((s) => span / s <= 8) || 90;

    const grid = svg("g", { class: "graticule" });
    // Meridians are labelled along the top, parallels along the left edge.
    for (let lon = Math.ceil(lonMin / step) * step; lon <= lonMax; lon += step) {
      grid.append(svg("line", { x1: px(lon), y1: py(latMax), x2: px(lon), y2: py(latMin) }));
      if (px(lon) < width - 40) {
        grid.append(svg("text", { x: px(lon) + 3, y: py(latMax) + 14, class: "graticule-label" },
          degrees(lon, "east", "west")));
      }
    }
    for (let lat = Math.ceil(latMin / step) * step; lat <= latMax; lat += step) {
      grid.append(svg("line", { x1: px(lonMin), y1: py(lat), x2: px(lonMax), y2: py(lat) }));
      if (py(lat) > 30 && py(lat) < height - 30) {
        grid.append(svg("text", { x: px(lonMin) + 4, y: py(lat) - 3, class: "graticule-label" },
          degrees(lat, "north", "south")));
      }
    }
    root.append(grid);

    const layer = svg("g", { class: "map-points" });
    root.append(layer);
    const taken = shown.map((i) => {
      const x = px(nodeAt(i).lon);
      const y = py(nodeAt(i).lat);
      return { x0: x - 7, y0: y - 7, x1: x + 7, y1: y + 7 };
    });
    for (const i of shown) {
      const node = nodeAt(i);
      const x = px(node.lon);
      const y = py(node.lat);
      const cls = classById.get(node.cls);
      const color = cls && SAFE_COLOR.test(cls.color) ? cls.color : "#888888";
      const label = svg("text", { x: x + 10, y: y + 4, class: "map-label" }, nodeLabel(i));
      const point = svg("g", { class: "map-point", tabindex: 0, role: "button", "data-id": node.id,
        "aria-label": nodeLabel(i) },
      svg("title", null, `${nodeLabel(i)} · ${classLabel(node.cls)} · ${degrees(node.lat, "north", "south")}, ${degrees(node.lon, "east", "west")}`),
      svg("circle", { cx: x, cy: y, r: 6, fill: color }), label);
      point.addEventListener("click", () => openPanel(node.id));
      point.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openPanel(node.id); }
      });
      layer.append(point);
      placeLabel(label, x, y, taken, usable, height);
    }
    markMapSelection();
  }
  /** Right of the point, else left, above or below: the first spot that overlaps nothing. */
  function placeLabel(label, x, y, taken, width, height) {
    const box = label.getBBox();
    const spots = [[x + 10, y + 4], [x - 10 - box.width, y + 4], [x - box.width / 2, y - 10],
      [x - box.width / 2, y + 10 + box.height * 0.75]];
    const overlaps = (a) => taken.some((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1);
    let chosen = null;
    for (const [lx, ly] of spots) {
      const area = { x0: lx - 2, y0: ly - box.height * 0.8, x1: lx + box.width + 2, y1: ly + box.height * 0.25 };
      if (area.x0 < 0 || area.x1 > width || area.y0 < 0 || area.y1 > height) continue;
      if (!overlaps(area)) { chosen = { lx, ly, area }; break; }
    }
    if (!chosen) return;
    label.setAttribute("x", String(chosen.lx));
    label.setAttribute("y", String(chosen.ly));
    taken.push(chosen.area);
  }
  function markMapSelection() {
    if (view === "map" && mapCovered !== (panel.hidden ? 0 : Math.min(panel.offsetWidth, $("map").clientWidth / 2))) {
      drawMap();  // the panel opened or closed: fit the points beside it (drawMap marks again)
      return;
    }
    const selected = state.selected && state.selected.type === "node" && !panel.hidden ? state.selected.id : null;
    for (const point of document.querySelectorAll("#map .map-point")) {
      point.classList.toggle("selected", point.dataset.id === selected);
    }
  }
  function mapPoints() {
    return [...document.querySelectorAll("#map .map-point")].map((point) => ({
      id: point.dataset.id, label: point.querySelector(".map-label").textContent }));
  }
  $("tab-graph").addEventListener("click", () => setView("graph"));
  $("tab-map").addEventListener("click", () => setView("map"));
  window.addEventListener("resize", () => { if (view === "map") drawMap(); });

  // ---- events ---------------------------------------------------------------------------------------
  // A click opens the panel only once it is clear no second click follows: the panel would
  // otherwise cover the node before the second click of a double-click lands on it.
  const DOUBLE_CLICK_MS = 250;
  let pendingClick = null;
  network.on("click", (params) => {
    clearTimeout(pendingClick);
    const node = params.nodes[0];
    const edge = params.edges.length === 1 ? params.edges[0] : null;
    if (!node && !edge) return;
    pendingClick = setTimeout(() => {
      if (node) { openPanel(node); revealBesidePanel(node); } else openEdgePanel(edge);
    }, DOUBLE_CLICK_MS);
  });
  network.on("doubleClick", (params) => {
    clearTimeout(pendingClick);
    if (params.nodes.length) showNeighbourhood(params.nodes[0]);
  });
  /** Pan just enough that the panel does not hide node `id`; the scale stays as it is. */
  function revealBesidePanel(id) {
    const limit = $("graph").clientWidth - (panel.hidden ? 0 : panel.offsetWidth) - 40;
    const at = network.canvasToDOM(network.getPosition(id));
    if (at.x <= limit || limit <= 0) return;
    const scale = network.getScale();
    const centre = network.getViewPosition();
    network.moveTo({ position: { x: centre.x + (at.x - limit) / scale, y: centre.y }, scale,
      animation: false });
  }
  const searchBox = $("search");
  searchBox.addEventListener("input", () => { active = -1; renderResults(); });
  searchBox.addEventListener("focus", () => { if (fold(searchBox.value)) renderResults(); });
  searchBox.addEventListener("blur", () => { $("search-results").hidden = true; });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!results.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length) % results.length;
      renderResults();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!results.length) renderResults();
      const hit = results[Math.max(active, 0)];
      if (hit) choose(nodeAt(hit.i).id);
    } else if (event.key === "Escape") {
      $("search-results").hidden = true;
    }
  });
  $("lang").addEventListener("change", (event) => setLanguage(event.target.value));
  $("collapse").addEventListener("change", (event) => setCollapsed(event.target.checked));
  for (const id of ["date-from", "date-to"]) {
    $(id).addEventListener("change", onDates);
    $(id).addEventListener("input", onDates);
  }
  $("show-all").addEventListener("click", showAll);
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && event.target === document.body) closePanel();
  });
  function setCollapsed(on) {
    state.collapsed = Boolean(on);
    $("collapse").checked = state.collapsed;
    applyVisibility();
  }

  buildLegend();
  buildArticleFilter();
  updateStatus();

  window.regiongraph = {
    network, nodes, edges, model, state, timings,
    visibleNodeIds, visibleEdgeIds, search,
    select: choose, openPanel, openEdgePanel, closePanel,
    showNeighbourhood, showAll, setLanguage, setCollapsed, applyFilters: applyVisibility,
    setView, mapPoints, get view() { return view; },
  };
}());
