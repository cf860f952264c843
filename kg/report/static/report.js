/* kg report: the page's behaviour. Charts are drawn with the vendored d3 (scales, axes, zoom,
   geographic projection) and topojson-client; this file only wires the data to them.
   The state of the filters and the selected event live in the URL's hash
   (#class=Arrest,Coup&country=<iri>&from=YYYY-MM-DD&to=YYYY-MM-DD&q=words&event=<iri>), so a view
   can be bookmarked and a test can open a view without clicking. */
var KgReport = (function () {
  "use strict";
  var TABLE_LIMIT = 500;   // rows drawn at once; the filters narrow the rest
  var LABEL_LIMIT = 150;   // timeline marks get a text label only when this few are shown
  var DAY = 86400000;

  function start(doc) {
    var data = JSON.parse(doc.getElementById("kg-data").textContent);
    var world = JSON.parse(doc.getElementById("world-data").textContent);
    var app = {doc: doc, data: data, world: world, state: readHash(), mapReady: false};
    prepare(app);
    buildFilters(app);
    buildTimeline(app);
    buildMap(app);
    window.addEventListener("hashchange", function () { app.state = readHash(); update(app); });
    update(app);
    return app;
  }

  // ---- data ---------------------------------------------------------------------------------
  function prepare(app) {
    var d = app.data;
    var color = d3.scaleOrdinal().domain(d.classes.map(function (c) { return c.name; }))
      .range(d3.schemeTableau10.concat(d3.schemeSet2));
    app.color = color;
    app.classLabel = {};
    d.classes.forEach(function (c) { app.classLabel[c.name] = c.label; });
    app.byId = {};
    d.events.forEach(function (e, i) {
      e.index = i;
      app.byId[e.id] = e;
      if (e.when) {
        e.t0 = Date.parse(e.when.first + "T00:00:00Z");
        e.t1 = Date.parse(e.when.last + "T00:00:00Z") + DAY;
      }
      e.countryIris = e.countries.map(function (k) { return d.places[k].iri; });
      e.search = (e.label + " " + e.countries.concat(e.places).map(function (k) { return d.places[k].label; }).join(" ")).toLowerCase();
    });
  }

  function readHash() {
    var s = {classes: null, country: "", from: "", to: "", q: "", event: ""};
    var h = window.location.hash.replace(/^#/, "");
    h.split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i < 0) return;
      var k = part.slice(0, i), v = decodeURIComponent(part.slice(i + 1));
      if (k === "class") s.classes = v ? v.split(",") : [];
      else if (k in s) s[k] = v;
    });
    return s;
  }

  function writeHash(app) {
    var s = app.state, parts = [];
    if (s.classes) parts.push("class=" + s.classes.map(encodeURIComponent).join(","));
    ["country", "from", "to", "q", "event"].forEach(function (k) {
      if (s[k]) parts.push(k + "=" + encodeURIComponent(s[k]));
    });
    var h = parts.length ? "#" + parts.join("&") : "";
    if (window.location.hash !== h) {
      try { history.replaceState(null, "", h || window.location.pathname + window.location.search); }
      catch (e) { /* a browser that refuses it for file: pages: the view is still drawn */ }
    }
    update(app);
  }

  function visible(app) {
    var s = app.state, q = s.q.toLowerCase();
    var from = s.from ? Date.parse(s.from + "T00:00:00Z") : null;
    var to = s.to ? Date.parse(s.to + "T00:00:00Z") + DAY : null;
    var classes = s.classes ? new Set(s.classes) : null;
    return app.data.events.filter(function (e) {
      if (classes && !classes.has(e.cls)) return false;
      if (s.country && e.countryIris.indexOf(s.country) < 0) return false;
      if ((from !== null || to !== null) && e.t0 === undefined) return false;
      if (from !== null && e.t1 <= from) return false;
      if (to !== null && e.t0 >= to) return false;
      if (q && e.search.indexOf(q) < 0) return false;
      return true;
    });
  }

  // ---- filters ------------------------------------------------------------------------------
  function buildFilters(app) {
    var doc = app.doc, d = app.data;
    var perClass = d3.rollup(d.events, function (v) { return v.length; }, function (e) { return e.cls; });
    var box = d3.select(doc.getElementById("class-filter"));
    d.classes.filter(function (c) { return perClass.has(c.name); }).forEach(function (c) {
      var label = box.append("label").attr("class", "class-option");
      label.append("input").attr("type", "checkbox").attr("value", c.name).property("checked", true)
        .on("change", function () {
          var on = box.selectAll("input").nodes().filter(function (n) { return n.checked; })
            .map(function (n) { return n.value; });
          app.state.classes = on.length === perClass.size ? null : on;
          writeHash(app);
        });
      label.append("span").attr("class", "swatch").style("background", app.color(c.name));
      label.append("span").text(c.label + " (" + perClass.get(c.name) + ")");
    });
    var perCountry = new Map();
    d.events.forEach(function (e) {
      e.countries.forEach(function (k) { perCountry.set(k, (perCountry.get(k) || 0) + 1); });
    });
    var select = d3.select(doc.getElementById("country"));
    Array.from(perCountry.keys()).sort(function (a, b) { return d3.ascending(d.places[a].label, d.places[b].label); })
      .forEach(function (k) {
        select.append("option").attr("value", d.places[k].iri).text(d.places[k].label + " (" + perCountry.get(k) + ")");
      });
    select.on("change", function () { app.state.country = this.value; writeHash(app); });
    ["from", "to", "q"].forEach(function (k) {
      d3.select(doc.getElementById(k)).on("change", function () { app.state[k] = this.value; writeHash(app); });
    });
    // Words filter as they are typed, once typing pauses (a redraw of 10,000 events takes a moment).
    var typing = null;
    d3.select(doc.getElementById("q")).on("input", function () {
      var box = this;
      clearTimeout(typing);
      typing = setTimeout(function () { app.state.q = box.value; writeHash(app); }, 250);
    });
    d3.select(doc.getElementById("reset")).on("click", function () {
      app.state = {classes: null, country: "", from: "", to: "", q: "", event: app.state.event};
      writeHash(app);
    });
  }

  function syncFilters(app, shown) {
    var doc = app.doc, s = app.state;
    d3.select(doc.getElementById("class-filter")).selectAll("input").property("checked", function () {
      return !s.classes || s.classes.indexOf(this.value) >= 0;
    });
    doc.getElementById("country").value = s.country;
    doc.getElementById("from").value = s.from;
    doc.getElementById("to").value = s.to;
    doc.getElementById("q").value = s.q;
    var d = app.data;
    doc.getElementById("summary").textContent = shown.length + " of " + d.events.length +
      (d.resolved ? " resolved events" : " events") + " from " + d.articles.length +
      (d.articles.length === 1 ? " article" : " articles") + ".";
    var notes = d3.select(doc.getElementById("notes")).selectAll("li").data(d.notes);
    notes.join("li").text(function (n) { return n; });
  }

  // ---- timeline -----------------------------------------------------------------------------
  function buildTimeline(app) {
    var host = app.doc.getElementById("timeline");
    var dated = app.data.events.filter(function (e) { return e.t0 !== undefined; });
    if (!dated.length) {
      d3.select(host).append("p").attr("class", "empty").text("No dated events: nothing to draw on the timeline.");
      return;
    }
    var classes = app.data.classes.filter(function (c) { return dated.some(function (e) { return e.cls === c.name; }); });
    var margin = {top: 8, right: 12, bottom: 24, left: 130}, width = 620;
    var lo = d3.min(dated, function (e) { return e.t0; }), hi = d3.max(dated, function (e) { return e.t1; });
    var pad = Math.max((hi - lo) * 0.03, 2 * DAY);
    var x0 = d3.scaleUtc().domain([lo - pad, hi + pad]).range([margin.left, width - margin.right]);
    // Events of one class that would overlap at the first zoom are stacked in rows of their lane.
    var rows = stackRows(dated, x0.invert(margin.left + 4) - x0.invert(margin.left));
    var y = {top: {}, height: {}}, at = margin.top;
    classes.forEach(function (c) {
      y.top[c.name] = at;
      y.height[c.name] = Math.max(24, rows[c.name] * ROW);
      at += y.height[c.name] + LANE_GAP;
    });
    y.rows = rows;
    var height = at + margin.bottom;
    var svg = d3.select(host).append("svg").attr("viewBox", [0, 0, width, height]).attr("class", "timeline");
    svg.append("defs").append("clipPath").attr("id", "tl-clip").append("rect")
      .attr("x", margin.left).attr("y", 0).attr("width", width - margin.left - margin.right).attr("height", height);
    svg.append("g").attr("class", "lanes").selectAll("text").data(classes).join("text")
      .attr("x", margin.left - 6).attr("y", function (c) { return y.top[c.name] + y.height[c.name] / 2; })
      .attr("dy", "0.35em").attr("text-anchor", "end").text(function (c) { return c.label; });
    var axis = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (height - margin.bottom) + ")");
    var marks = svg.append("g").attr("class", "marks").attr("clip-path", "url(#tl-clip)");
    app.timeline = {svg: svg, x0: x0, x: x0, y: y, axis: axis, marks: marks, width: width, margin: margin};
    svg.call(d3.zoom().scaleExtent([1, 5000])
      .translateExtent([[margin.left, 0], [width - margin.right, height]])
      .extent([[margin.left, 0], [width - margin.right, height]])
      .on("zoom", function (event) {
        app.timeline.x = event.transform.rescaleX(x0);
        placeMarks(app);
      }));
  }

  function drawTimeline(app, shown) {
    var t = app.timeline;
    if (!t) return;
    var dated = shown.filter(function (e) { return e.t0 !== undefined; });
    var sel = t.marks.selectAll("g.ev").data(dated, function (e) { return e.id; })
      .join(function (enter) {
        var g = enter.append("g").attr("class", function (e) { return "ev " + e.when.precision; })
          .attr("data-id", function (e) { return e.id; })
          .on("click", function (event, e) { select(app, e.id); });
        g.append("rect").attr("fill", function (e) { return app.color(e.cls); })
          .attr("stroke", function (e) { return app.color(e.cls); });
        g.append("title").text(function (e) { return e.label + "\n" + e.when.text + " (" + e.when.precision + ")" + countText(e, "\n"); });
        return g;
      });
    sel.classed("selected", function (e) { return e.id === app.state.event; });
    var labelled = dated.length <= LABEL_LIMIT;
    sel.selectAll("text.count").data(function (e) { return labelled && e.counts.length ? [e] : []; })
      .join("text").attr("class", "count").text(function (e) { return countText(e, ""); });
    placeMarks(app);
  }

  function placeMarks(app) {
    var t = app.timeline, x = t.x, y = t.y;
    t.axis.call(d3.axisBottom(x).ticks(t.width / 110));
    var g = t.marks.selectAll("g.ev");
    function row(e) { return y.height[e.cls] / y.rows[e.cls]; }
    function top(e) { return y.top[e.cls] + e.row * row(e); }
    g.select("rect")
      .attr("x", function (e) { return x(e.t0); })
      .attr("width", function (e) { return Math.max(3, x(e.t1) - x(e.t0)); })
      .attr("y", function (e) { return top(e) + (e.when.precision === "span" ? 1 : row(e) * 0.15); })
      .attr("height", function (e) { return Math.max(2, e.when.precision === "span" ? row(e) - 2 : row(e) * 0.7); });
    g.select("text.count")
      .attr("x", function (e) { return Math.max(3, x(e.t1) - x(e.t0)) + x(e.t0) + 3; })
      .attr("y", function (e) { return top(e) + row(e) / 2; }).attr("dy", "0.35em");
  }

  // Rows within a lane: each event goes to the first row free at its start (a greedy interval
  // colouring); past MAX_ROWS, to the row that frees first. Sets e.row; returns rows per class.
  var MAX_ROWS = 6, ROW = 12, LANE_GAP = 6;
  function stackRows(events, minimum) {
    var ends = {}, out = {};
    events.slice().sort(function (a, b) { return d3.ascending(a.t0, b.t0) || d3.ascending(a.index, b.index); })
      .forEach(function (e) {
        var lane = ends[e.cls] || (ends[e.cls] = []);
        var free = lane.findIndex(function (end) { return end <= e.t0; });
        if (free < 0) free = lane.length < MAX_ROWS ? lane.length : lane.indexOf(d3.min(lane));
        lane[free] = Math.max(e.t1, e.t0 + minimum);
        e.row = free;
      });
    Object.keys(ends).forEach(function (k) { out[k] = ends[k].length; });
    return out;
  }

  function countText(e, lead) {
    if (!e.counts.length) return "";
    var names = {troops: "troops", deaths: "dead", injured: "injured", arrests: "arrested"};
    return lead + e.counts.map(function (c) { return c[1] + " " + names[c[0]]; }).join(", ");
  }

  // ---- map ----------------------------------------------------------------------------------
  function norm(s) { return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]/g, ""); }

  function buildMap(app) {
    var host = app.doc.getElementById("map"), d = app.data;
    var width = 620, height = 330;
    var land = topojson.feature(app.world, app.world.objects.countries).features;
    var projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
    var path = d3.geoPath(projection);
    // Which base-map shape is each country of the data: the same name, else the shape that
    // holds the country's point (kg.report.data.gazetteer_coords).
    var byName = new Map(land.map(function (f) { return [norm(f.properties.name), f]; }));
    app.shapeOf = new Map();
    d.places.forEach(function (p) {
      if (p.type !== "Country") return;
      var f = byName.get(norm(p.label));
      if (!f && p.lat !== null) {
        f = land.find(function (g) { return d3.geoContains(g, [p.lon, p.lat]); });
      }
      if (f) app.shapeOf.set(p.iri, f);
    });
    fitToData(app, projection, width, height);
    var svg = d3.select(host).append("svg").attr("viewBox", [0, 0, width, height]).attr("class", "map");
    var g = svg.append("g");
    g.append("path").attr("class", "sphere").attr("d", path({type: "Sphere"}));
    var countryOf = new Map();
    app.shapeOf.forEach(function (f, iri) { countryOf.set(f, iri); });
    g.append("g").attr("class", "countries").selectAll("path").data(land).join("path")
      .attr("d", path).attr("data-name", function (f) { return f.properties.name; })
      .attr("data-iri", function (f) { return countryOf.get(f) || null; })
      .on("click", function (event, f) {
        var iri = countryOf.get(f);
        if (iri) { app.state.country = app.state.country === iri ? "" : iri; writeHash(app); }
      })
      .append("title").text(function (f) { return f.properties.name; });
    app.map = {svg: svg, g: g, projection: projection, path: path, dots: g.append("g").attr("class", "dots")};
    svg.call(d3.zoom().scaleExtent([1, 40]).on("zoom", function (event) {
      g.attr("transform", event.transform);
      app.map.dots.selectAll("circle").attr("stroke-width", 1 / event.transform.k);
    }));
  }

  // Open the map on the events' countries and places, not on the whole world, but never closer
  // than MAX_ZOOM times the world view (one small country would fill the panel).
  var MAX_ZOOM = 6;
  function fitToData(app, projection, width, height) {
    var d = app.data, features = Array.from(new Set(app.shapeOf.values()));
    d.places.forEach(function (p) {
      if (p.lat !== null && !app.shapeOf.has(p.iri)) features.push({type: "Feature", geometry: {type: "Point", coordinates: [p.lon, p.lat]}});
    });
    if (!features.length) return;
    var world = projection.scale(), all = {type: "FeatureCollection", features: features};
    projection.fitExtent([[24, 24], [width - 24, height - 24]], all);
    if (projection.scale() > world * MAX_ZOOM) {
      projection.scale(world * MAX_ZOOM);
      var at = projection(d3.geoCentroid(all)), t = projection.translate();
      projection.translate([t[0] + width / 2 - at[0], t[1] + height / 2 - at[1]]);
    }
  }

  function drawMap(app, shown) {
    var m = app.map, d = app.data;
    var perCountry = new Map(), perPlace = new Map();
    shown.forEach(function (e) {
      e.countryIris.forEach(function (iri) { perCountry.set(iri, (perCountry.get(iri) || 0) + 1); });
      e.places.forEach(function (k) { perPlace.set(k, (perPlace.get(k) || [])); perPlace.get(k).push(e); });
      // A country with no shape on the 1:110m map is drawn as a point.
      e.countries.forEach(function (k) {
        if (!app.shapeOf.has(d.places[k].iri)) { perPlace.set(k, (perPlace.get(k) || [])); perPlace.get(k).push(e); }
      });
    });
    var most = d3.max(Array.from(perCountry.values())) || 1;
    var shade = d3.scaleSequential(d3.interpolateOrRd).domain([0, most]);
    m.g.select("g.countries").selectAll("path")
      .classed("active", function () { return perCountry.has(this.getAttribute("data-iri")); })
      .classed("chosen", function () { return !!app.state.country && this.getAttribute("data-iri") === app.state.country; })
      .style("fill", function () {  // a style, not an attribute: the stylesheet's grey must yield
        var n = perCountry.get(this.getAttribute("data-iri"));
        return n ? shade(0.25 * most + 0.75 * n) : null;
      });
    var chosen = app.state.event ? app.byId[app.state.event] : null;
    var dots = Array.from(perPlace.entries()).filter(function (kv) { return d.places[kv[0]].lat !== null; });
    var r = d3.scaleSqrt().domain([1, d3.max(dots, function (kv) { return kv[1].length; }) || 1]).range([3, 14]);
    m.dots.selectAll("circle").data(dots, function (kv) { return d.places[kv[0]].iri; })
      .join(function (enter) {
        var c = enter.append("circle").attr("class", "place");
        c.append("title");
        return c;
      })
      .attr("data-iri", function (kv) { return d.places[kv[0]].iri; })
      .attr("cx", function (kv) { var p = d.places[kv[0]]; return m.projection([p.lon, p.lat])[0]; })
      .attr("cy", function (kv) { var p = d.places[kv[0]]; return m.projection([p.lon, p.lat])[1]; })
      .attr("r", function (kv) { return r(kv[1].length); })
      .attr("fill", function (kv) { return app.color(kv[1][0].cls); })
      .classed("selected", function (kv) { return !!chosen && kv[1].indexOf(chosen) >= 0; })
      .on("click", function (event, kv) { select(app, kv[1][0].id); })
      .select("title").text(function (kv) { return d.places[kv[0]].label + ": " + kv[1].length + (kv[1].length === 1 ? " event" : " events"); });
  }

  // ---- table and detail ---------------------------------------------------------------------
  // The table's columns, in order: the value each sorts by (a click on a heading sorts by it;
  // a second click reverses). Undated events and empty cells sort last.
  var COLUMNS = [
    function (e) { return e.t0 === undefined ? Infinity : e.t0; },
    function (e, app) { return app.classLabel[e.cls]; },
    function (e) { return e.label; },
    function (e, app) { return e.countries.length ? app.data.places[e.countries[0]].label : "\uffff"; },
    function (e) { return e.counts.length ? -d3.max(e.counts, function (c) { return +c[1].split("/")[0]; }) : Infinity; },
    function (e) { return -(e.articles.length * 1000 + e.disputes.length); }
  ];

  function drawTable(app, shown) {
    var d = app.data, doc = app.doc, sort = app.sort || {column: 0, down: false};
    var key = COLUMNS[sort.column];
    var rows = shown.slice().sort(function (a, b) {
      var order = d3.ascending(key(a, app), key(b, app));
      return (sort.down ? -order : order) || d3.ascending(a.index, b.index);
    }).slice(0, TABLE_LIMIT);
    d3.select(doc.getElementById("events")).selectAll("thead th")
      .attr("class", function (_, i) { return i === sort.column ? (sort.down ? "sorted down" : "sorted") : null; })
      .on("click", function () {
        var i = Array.prototype.indexOf.call(this.parentNode.children, this);
        app.sort = {column: i, down: sort.column === i ? !sort.down : false};
        update(app);
      });
    doc.getElementById("shown").textContent = shown.length > TABLE_LIMIT
      ? "The first " + TABLE_LIMIT + " of " + shown.length + " events in this order: narrow the filters to see the others."
      : shown.length + (shown.length === 1 ? " event." : " events.");
    var tr = d3.select(doc.getElementById("events")).select("tbody").selectAll("tr")
      .data(rows, function (e) { return e.id; })
      .join(function (enter) {
        var row = enter.append("tr").attr("data-id", function (e) { return e.id; })
          .on("click", function (event, e) { select(app, e.id); });
        row.append("td").text(function (e) { return e.when ? e.when.text : "no date"; });
        row.append("td").each(function (e) {
          d3.select(this).append("span").attr("class", "swatch").style("background", app.color(e.cls));
          d3.select(this).append("span").text(app.classLabel[e.cls]);
        });
        row.append("td").text(function (e) { return e.label; });
        row.append("td").text(function (e) { return e.countries.map(function (k) { return d.places[k].label; }).join(", ") || "no place"; });
        row.append("td").text(function (e) { return countText(e, ""); });
        row.append("td").text(function (e) {
          return e.articles.length + (e.disputes.length ? " \u26a0 " + e.disputes.length + " disputed" : "");
        });
        return row;
      });
    tr.order().classed("selected", function (e) { return e.id === app.state.event; });
  }

  function select(app, id) {
    app.state.event = app.state.event === id ? "" : id;
    writeHash(app);
  }

  // An article without headline or URL (a plain-text file) is named by its short hash.
  function articleName(a) {
    return a.title || a.url || "article " + a.iri.split("/").pop();
  }

  // Only web addresses become links: a graph's schema:url could hold a javascript: one.
  function webUrl(a) {
    return a && a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  }

  function articleLink(app, k, quote) {
    var url = webUrl(app.data.articles[k]);
    if (!url) return null;
    // A text fragment: browsers that support it scroll to and highlight the quoted words.
    // Its own syntax uses "-" and ",", so the words escape them too.
    var words = quote ? quote.split(/\s+/) : [];
    var esc = function (w) { return encodeURIComponent(w.join(" ")).replace(/-/g, "%2D"); };
    var frag = words.length > 8 ? esc(words.slice(0, 4)) + "," + esc(words.slice(-4)) : esc(words);
    return url.split("#")[0] + (frag ? "#:~:text=" + frag : "");
  }

  function drawDetail(app) {
    var doc = app.doc, d = app.data;
    var box = d3.select(doc.getElementById("detail"));
    box.selectAll("*:not(h2)").remove();
    var e = app.state.event ? app.byId[app.state.event] : null;
    if (!e) {
      box.append("p").attr("class", "hint").text(app.state.event ? "That event is not in this report." : "Select an event on the timeline, the map or the table.");
      return;
    }
    box.append("h3").text(e.label);
    var meta = box.append("p").attr("class", "meta");
    meta.append("span").attr("class", "swatch").style("background", app.color(e.cls));
    meta.append("span").text(app.classLabel[e.cls] + " \u00b7 " + (e.when ? e.when.text + " (" + e.when.precision + ")" : "no date") +
      " \u00b7 " + (e.countries.concat(e.places).map(function (k) { return d.places[k].label; }).join(", ") || "no place"));
    var facts = box.append("table").attr("class", "facts");
    facts.append("thead").html("<tr><th>Fact</th><th>Value</th><th>Claimed by and evidence</th></tr>");
    var body = facts.append("tbody");
    e.facts.forEach(function (f) {
      var row = body.append("tr");
      row.append("td").text(f[0]);
      row.append("td").text(f[1]);
      var cell = row.append("td");
      f[2].forEach(function (c) {
        var ev = cell.append("div").attr("class", "evidence");
        ev.append("span").attr("class", "claimant").text((c[0] || "the article") + ": ");
        var quote = c[2] === null ? null : d.quotes[c[2]];
        ev.append("q").text(quote || "(no quote)");
        var a = c[1] === null ? null : d.articles[c[1]];
        if (a) {
          var href = articleLink(app, c[1], quote);
          var src = ev.append("span").attr("class", "source");
          src.append("span").text(" \u2014 ");
          (href ? src.append("a").attr("href", href).attr("target", "_blank").attr("rel", "noopener") : src.append("span"))
            .text(articleName(a));
          if (a.published) src.append("span").text(" (" + a.published + ")");
        }
        if (c[5]) ev.append("span").attr("class", "rule").text(" rule=" + c[5]);
      });
    });
    if (e.disputes.length) {
      box.append("h4").text("Sources disagree");
      var ul = box.append("ul").attr("class", "disputes");
      e.disputes.forEach(function (x) {
        var li = ul.append("li");
        li.append("strong").text(x.property + " " + x.kind + ": ");
        li.append("span").text(x.claims.map(function (c) {
          return c.value + " (" + c.claimant + ", " + (c.published || "undated") + ")";
        }).join("; "));
      });
    }
    var srcs = box.append("p").attr("class", "articles").text("Reported by: ");
    e.articles.forEach(function (k, i) {
      var a = d.articles[k];
      if (i) srcs.append("span").text("; ");
      (webUrl(a) ? srcs.append("a").attr("href", webUrl(a)).attr("target", "_blank").attr("rel", "noopener") : srcs.append("span"))
        .text(articleName(a));
    });
  }

  // ---- everything, after a change of state -------------------------------------------------
  function update(app) {
    var began = performance.now();
    var shown = visible(app);
    syncFilters(app, shown);
    drawTimeline(app, shown);
    drawMap(app, shown);
    drawTable(app, shown);
    drawDetail(app);
    app.doc.body.setAttribute("data-shown", String(shown.length));
    // How long this redraw took: bench/report_bench.py reads it (measured, never asserted).
    app.doc.body.setAttribute("data-update-ms", String(Math.round(performance.now() - began)));
  }

  return {start: start, readHash: readHash};
})();
