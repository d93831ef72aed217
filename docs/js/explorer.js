// The ties explorer (docs/explorer.md): reads explorer/ties.json, written when the site is built
// from the data (docs_hooks/site_explorer.py), and draws it with Cytoscape.js, served from this
// site (js/vendor/). No request leaves the site.
(function () {
  "use strict";
  const root = document.getElementById("explorer");
  if (!root || typeof cytoscape === "undefined") return;
  const base = new URL("../", document.baseURI);
  const COLOURS = { support: "#1b7837", cooperation: "#2166ac", negotiation: "#7b3294", hostility: "#b2182b", membership: "#777777" };
  const LAYOUT = { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeOverlap: 20, fit: true, padding: 30 };
  const text = (s) => document.createTextNode(s == null ? "" : String(s));

  fetch(new URL("explorer/ties.json", base)).then((r) => r.json()).then(start);

  function checkboxes(box, values, name) {
    for (const v of values) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = v;
      input.name = name;
      label.appendChild(input);
      label.appendChild(text(" " + v.replace(/_/g, " ")));
      if (COLOURS[v]) label.style.color = COLOURS[v];
      box.appendChild(label);
    }
  }

  function start(data) {
    const slider = document.getElementById("explorer-year");
    const shown = document.getElementById("explorer-year-shown");
    slider.min = data.years[0];
    slider.max = data.years[1];
    slider.value = Math.min(2001, data.years[1]);
    checkboxes(document.getElementById("explorer-groups"), data.groups, "group");
    checkboxes(document.getElementById("explorer-certainty"), data.certainties, "certainty");
    const elements = [];
    for (const [id, a] of Object.entries(data.actors)) {
      elements.push({ data: { id: id, label: a.name, iran: a.side === "iran" ? 1 : 0 } });
    }
    for (const t of data.ties) {
      if (t.source === t.target) continue;
      elements.push({ data: { id: "tie:" + t.id, source: t.source, target: t.target, group: t.group, tie: t } });
    }
    const cy = cytoscape({
      container: document.getElementById("explorer-graph"),
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 16, "text-valign": "bottom", "text-margin-y": 3, width: 12, height: 12, "background-color": "#5c6bc0", "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
        { selector: "node[iran = 1]", style: { "background-color": "#8b0000", width: 20, height: 20, "font-weight": "bold", "z-index": 10, color: "#8b0000", "font-size": 18 } },
        { selector: "edge", style: { width: 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8, "line-color": (e) => COLOURS[e.data("group")] || "#999", "target-arrow-color": (e) => COLOURS[e.data("group")] || "#999" } },
        { selector: "edge.possible", style: { "line-style": "dashed" } },
        { selector: ".hidden", style: { display: "none" } },
      ],
      layout: { name: "preset" },
    });
    root.explorer = cy; // for the browser tests
    // A fixed start (a circle in file order) so the force layout gives the same picture each time.
    cy.layout({ name: "circle", animate: false }).run();

    function update() {
      const year = Number(slider.value);
      shown.value = String(year);
      const groups = new Set([...document.querySelectorAll("#explorer-groups input:checked")].map((i) => i.value));
      const certainty = new Set([...document.querySelectorAll("#explorer-certainty input:checked")].map((i) => i.value));
      const seen = new Set();
      let count = 0;
      cy.batch(() => {
        cy.edges().forEach((e) => {
          const t = e.data("tie");
          const stated = t.years.includes(year);
          const maybe = !stated && t.possible.includes(year);
          const on = (stated || maybe) && groups.has(t.group) && certainty.has(t.certainty);
          e.toggleClass("hidden", !on);
          e.toggleClass("possible", maybe);
          if (on) { seen.add(t.source); seen.add(t.target); count += 1; }
        });
        cy.nodes().forEach((n) => n.toggleClass("hidden", !seen.has(n.id())));
      });
      // Lay out only what the year shows, so its actors spread over the whole frame.
      cy.elements().not(".hidden").layout(LAYOUT).run();
      document.getElementById("explorer-count").textContent = count + " ties among " + seen.size + " actors in " + year;
    }

    cy.on("tap", "node", (evt) => {
      window.location.href = new URL("actors/" + evt.target.id() + "/", base).href;
    });
    cy.on("tap", "edge", (evt) => {
      const t = evt.target.data("tie");
      const box = document.getElementById("explorer-detail");
      box.replaceChildren();
      const h = document.createElement("h3");
      h.appendChild(text(data.actors[t.source].name + " " + t.type.replace(/_/g, " ") + " " + data.actors[t.target].name));
      box.appendChild(h);
      const p = document.createElement("p");
      p.appendChild(text(t.description + " (" + t.certainty + ")"));
      box.appendChild(p);
      const list = document.createElement("ul");
      for (const s of t.sources) {
        const li = document.createElement("li");
        if (s.url && /^https?:\/\//.test(s.url)) {
          const a = document.createElement("a");
          a.href = s.url;
          a.appendChild(text(s.title));
          li.appendChild(a);
        } else {
          li.appendChild(text(s.title));
        }
        li.appendChild(text(" (" + s.publisher + ", " + (s.published || "undated") + ")"));
        list.appendChild(li);
      }
      box.appendChild(list);
    });
    slider.addEventListener("input", update);
    root.addEventListener("change", update);
    update();
    root.dataset.ready = "1";
  }
})();
