/* sigma.js (WebGL) renderer for large views, over a graphology graph.
 * Node shapes are drawn by a small point program, so types differ by shape as in vis-network. */
(function () {
  "use strict";

  const SHAPES = { dot: 0, square: 1, diamond: 2, triangle: 3, triangleDown: 4, hexagon: 5, star: 6 };
  const SIZE_FACTOR = 0.45;
  const FOCUS_NODES = 150; // about this many nodes in view after search-and-centre
  const EDGE_STRENGTH = 0.45; // pale edges keep thousands of overlaps readable
  const EDGE_EVENTS_LIMIT = 20000; // edge hover needs a picking pass per frame: only for fewer edges

  const VERTEX_SHADER = `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;
varying vec4 v_color;
varying float v_border;
varying float v_shape;
const float bias = 255.0 / 254.0;
void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_border = (0.5 / a_size) * u_sizeRatio;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}`;

  const FRAGMENT_SHADER = `
precision mediump float;
varying vec4 v_color;
varying float v_border;
varying float v_shape;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

float triangle(vec2 q) {
  float base = q.y + 0.3;
  float side = ((0.45 - q.y) * 0.433 - abs(q.x) * 0.75) / 0.866;
  return min(base, side);
}

float inside(vec2 p, float shape) {
  vec2 q = vec2(p.x, -p.y);
  if (shape < 0.5) return 0.5 - length(p);
  if (shape < 1.5) return 0.4 - max(abs(p.x), abs(p.y));
  if (shape < 2.5) return (0.5 - abs(p.x) - abs(p.y)) * 0.7071;
  if (shape < 3.5) return triangle(q);
  if (shape < 4.5) return triangle(vec2(q.x, -q.y));
  if (shape < 5.5) return 0.41 - max(abs(p.y), abs(p.x) * 0.866 + abs(p.y) * 0.5);
  float a = atan(q.x, q.y);
  float r = 0.5 * (0.5 + 0.5 * pow(abs(cos(2.5 * a)), 2.0));
  return r - length(p);
}

void main(void) {
  float d = inside(gl_PointCoord - vec2(0.5, 0.5), v_shape);
  #ifdef PICKING_MODE
  gl_FragColor = d > 0.0 ? v_color : transparent;
  #else
  float t = d > v_border ? 1.0 : (d > 0.0 ? d / v_border : 0.0);
  gl_FragColor = mix(transparent, v_color, t);
  #endif
}`;

  function shapeProgram() {
    const { NodeProgram } = Sigma.rendering;
    const { floatColor } = Sigma.utils;
    const GL = WebGLRenderingContext;
    return class ShapeProgram extends NodeProgram {
      getDefinition() {
        return {
          VERTICES: 1,
          VERTEX_SHADER_SOURCE: VERTEX_SHADER,
          FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
          METHOD: GL.POINTS,
          UNIFORMS: ["u_sizeRatio", "u_pixelRatio", "u_matrix"],
          ATTRIBUTES: [
            { name: "a_position", size: 2, type: GL.FLOAT },
            { name: "a_size", size: 1, type: GL.FLOAT },
            { name: "a_color", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
            { name: "a_id", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
            { name: "a_shape", size: 1, type: GL.FLOAT },
          ],
        };
      }

      processVisibleItem(nodeIndex, start, data) {
        const array = this.array;
        array[start++] = data.x;
        array[start++] = data.y;
        array[start++] = data.size;
        array[start++] = floatColor(data.color);
        array[start++] = nodeIndex;
        array[start++] = data.shape || 0;
      }

      setUniforms(params, { gl, uniformLocations }) {
        gl.uniform1f(uniformLocations.u_pixelRatio, params.pixelRatio);
        gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
        gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
      }
    };
  }

  function pale(hex, strength) {
    // sigma.js draws translucent edges unreliably, so blend towards white instead
    const value = parseInt(hex.slice(1), 16);
    const mix = (channel) => Math.round(255 - (255 - channel) * strength);
    return `rgb(${mix((value >> 16) & 255)}, ${mix((value >> 8) & 255)}, ${mix(value & 255)})`;
  }

  function shortLabel(label) {
    return label.length <= 48 ? label : label.slice(0, 47).trimEnd() + "\u2026";
  }

  function buildGraph(data, nodeHidden, edgeHidden) {
    const graph = new graphology.MultiDirectedGraph({ allowSelfLoops: true });
    const cols = data.nodes;
    const colors = data.edgeKinds.map((k) => pale(k.color, EDGE_STRENGTH));
    for (let i = 0; i < cols.id.length; i++) {
      const style = data.kinds[cols.kind[i]];
      graph.addNode(String(i), {
        x: cols.x[i],
        y: -cols.y[i],
        size: style.size * SIZE_FACTOR,
        color: style.color,
        shape: SHAPES[style.shape] || 0,
        label: shortLabel(cols.label[i]),
        hidden: !!nodeHidden[i],
      });
    }
    data.edges.forEach(([s, t, k], e) => {
      const style = data.edgeKinds[k];
      graph.addDirectedEdgeWithKey(String(e), String(s), String(t), {
        color: colors[k],
        size: Math.max(0.5, style.width * 0.6),
        hidden: !!edgeHidden[e],
      });
    });
    return graph;
  }

  function create(container, data, nodeHidden, edgeHidden, on) {
    const graph = buildGraph(data, nodeHidden, edgeHidden);
    let selected = null;
    const sigma = new Sigma(graph, container, {
      nodeProgramClasses: { shape: shapeProgram() },
      edgeProgramClasses: { line: Sigma.rendering.EdgeLineProgram },
      defaultNodeType: "shape",
      defaultEdgeType: "line",
      nodeReducer: (key, attrs) => (key === selected ? Object.assign({}, attrs, { highlighted: true, zIndex: 1 }) : attrs),
      zoomToSizeRatioFunction: (ratio) => Math.pow(ratio, 0.25),
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.6,
      hideEdgesOnMove: true,
      enableEdgeEvents: data.edges.length <= EDGE_EVENTS_LIMIT,
      minCameraRatio: 0.001,
      maxCameraRatio: 4,
    });
    const point = (event) => [event.original.clientX, event.original.clientY];
    sigma.on("enterNode", ({ node, event }) => on.hoverNode(Number(node), ...point(event)));
    sigma.on("enterEdge", ({ edge, event }) => on.hoverEdge(Number(edge), ...point(event)));
    sigma.on("leaveNode", on.blur);
    sigma.on("leaveEdge", on.blur);
    sigma.on("clickNode", ({ node }) => on.clickNode(Number(node)));
    sigma.on("clickStage", on.clickStage);
    const ready = new Promise((resolve) => requestAnimationFrame(() => {
      sigma.getNodeAtPosition({ x: 0, y: 0 }); // reads a pixel back: waits until the GPU has drawn
      resolve();
    }));

    function setHidden(wantedNodes, wantedEdges) {
      graph.updateEachNodeAttributes((key, attrs) => {
        attrs.hidden = !!wantedNodes[Number(key)];
        return attrs;
      }, { attributes: ["hidden"] });
      graph.updateEachEdgeAttributes((key, attrs) => {
        attrs.hidden = !!wantedEdges[Number(key)];
        return attrs;
      }, { attributes: ["hidden"] });
    }

    function select(i) {
      const changed = [selected, i >= 0 ? String(i) : null].filter((key) => key !== null);
      selected = i >= 0 ? String(i) : null;
      const shown = changed.filter((key) => !graph.getNodeAttribute(key, "hidden"));
      if (shown.length) sigma.refresh({ partialGraph: { nodes: shown }, skipIndexation: true, schedule: true });
    }

    function centre(i) {
      return new Promise((resolve) => {
        sigma.once("afterRender", () => resolve());
        const at = sigma.getNodeDisplayData(String(i));
        const camera = sigma.getCamera();
        const ratio = Math.min(camera.ratio, Math.sqrt(FOCUS_NODES / graph.order));
        camera.setState({ x: at.x, y: at.y, ratio });
        sigma.scheduleRender();
      });
    }

    function screenPosition(i) {
      const attrs = graph.getNodeAttributes(String(i));
      const point = sigma.graphToViewport({ x: attrs.x, y: attrs.y });
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }

    return {
      name: "sigma",
      ready,
      setHidden,
      select,
      centre,
      nodeCount: () => graph.order,
      edgeCount: () => graph.size,
      isHidden: (i) => !!graph.getNodeAttribute(String(i), "hidden"),
      screenPosition,
    };
  }

  window.KGRenderer = { create };
})();
