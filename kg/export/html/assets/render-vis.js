/* vis-network renderer for standard views: draws the nodes and edges that pyvis assembled.
 * No vis-network tooltip is used (node `title` is never set): the page draws its own, as text. */
(function () {
  "use strict";

  function create(container, data, nodeHidden, edgeHidden, on) {
    const shownNodes = Uint8Array.from(nodeHidden);
    const shownEdges = Uint8Array.from(edgeHidden);
    const nodes = new vis.DataSet(data.vis.nodes.map((n, i) => Object.assign({}, n, { hidden: !!nodeHidden[i] })));
    const edges = new vis.DataSet(data.vis.edges.map((e, i) => Object.assign({}, e, { hidden: !!edgeHidden[i] })));
    const network = new vis.Network(container, { nodes, edges }, data.vis.options);
    const page = (pointer) => {
      const box = container.getBoundingClientRect();
      return [box.left + pointer.DOM.x, box.top + pointer.DOM.y];
    };
    network.on("hoverNode", (p) => on.hoverNode(p.node, ...page(p.pointer)));
    network.on("hoverEdge", (p) => on.hoverEdge(p.edge, ...page(p.pointer)));
    network.on("blurNode", on.blur);
    network.on("blurEdge", on.blur);
    network.on("dragStart", on.blur);
    network.on("click", (p) => (p.nodes.length ? on.clickNode(p.nodes[0]) : on.clickStage()));
    const ready = new Promise((resolve) => network.once("afterDrawing", () => resolve()));
    if (!data.vis.options.physics.enabled) network.fit({ animation: false });

    function changes(current, wanted) {
      const changed = [];
      for (let i = 0; i < wanted.length; i++) {
        if (current[i] !== wanted[i]) {
          current[i] = wanted[i];
          changed.push({ id: i, hidden: !!wanted[i] });
        }
      }
      return changed;
    }

    function setHidden(wantedNodes, wantedEdges) {
      const nodeChanges = changes(shownNodes, wantedNodes);
      const edgeChanges = changes(shownEdges, wantedEdges);
      if (nodeChanges.length) nodes.update(nodeChanges);
      if (edgeChanges.length) edges.update(edgeChanges);
    }

    function centre(i) {
      return new Promise((resolve) => {
        network.once("afterDrawing", () => resolve());
        network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
        network.redraw();
      });
    }

    function screenPosition(i) {
      const point = network.canvasToDOM(network.getPosition(i));
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }

    return {
      name: "vis",
      ready,
      setHidden,
      select: (i) => network.selectNodes(i >= 0 ? [i] : []),
      centre,
      nodeCount: () => nodes.length,
      edgeCount: () => edges.length,
      isHidden: (i) => !!nodes.get(i).hidden,
      screenPosition,
    };
  }

  window.KGRenderer = { create };
})();
