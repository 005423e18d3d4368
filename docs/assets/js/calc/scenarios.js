// Scenario tables under a result: the `scenarios` of the calculator's entry in
// data/calculators.yml. Each runs its rule on the input the `after` rule was given (plus
// `with`) and shows one row per option ([data-scenario=KEY], each figure
// [data-output=NAME][data-value], like the result) and a bar chart drawn from the same rows.
// Every figure is the rules' (core.js); this file only lays them out.
(function (page) {
  "use strict";
  var core = page.core, element = page.element, SVG = "http://www.w3.org/2000/svg";
  var ROW = 24, LABEL = 118, BAR = 150;   // the chart's layout, in viewBox units (360 wide)

  // A row's value in a column's format: [data-value, the text a reader sees].
  var FORMATS = {
    percent: function (v) { return [String(v), v + "%"]; },
    month_age: function (v, row) { return [v, page.monthText(v), page.ageText(row.age)]; },   // the age on its own line
    word: function (v, row, column) { return [v, page.words[column.values[v]]]; },
    money: function (v) { return [core.str(v, 2), page.fill("yuan", { v: page.money(v) })]; },
    money_month: function (v) { return [core.str(v, 2), page.fill("per_month", { v: page.money(v) })]; },
    tenths: function (v) { return [core.str(v, 1), core.str(v, 1)]; },
    months: function (v) { return [String(v), page.fill("months", { v: v })]; },
    min_months: function (v) { return [String(v), page.fill("min_fmt", { y: core.str(core.div(v, 12)), m: v })]; }
  };

  function shown(row, column) {
    var value = row[column.name];
    return value === null ? ["none", page.words[column.none]] : FORMATS[column.format](value, row, column);
  }

  function svg(tag, attributes, text) {
    var made = document.createElementNS(SVG, tag);
    for (var name in attributes) made.setAttribute(name, attributes[name]);
    if (text !== undefined) made.textContent = text;
    return made;
  }

  // Bars of one column, one per row, labelled with the row's first cell; the reader's own row
  // says so in words beside its value (and its bar is outlined), not by colour alone.
  function chart(table, rows, title) {
    var name = table.chart, first = table.columns[0];
    var column = table.columns.filter(function (c) { return c.name === name; })[0];
    var top = Math.max.apply(null, rows.map(function (row) { return core.num(row[name]); }).concat([1]));
    var drawing = svg("svg", { viewBox: "0 0 360 " + (ROW * rows.length + 4), role: "img",
                               "aria-label": title + " " + page.words.sc_chart, class: "calc-chart",
                               tabindex: "0" });   // in large text it scrolls sideways (charts.css)
    rows.forEach(function (row, i) {
      var y = 4 + ROW * i, width = Math.max(1, BAR * Math.max(core.num(row[name]), 0) / top);
      var figure = /^money/.test(column.format) ? page.money(row[name]) : shown(row, column)[1];   // no unit: short
      var value = row.own ? page.fill("sc_own_value", { v: figure }) : figure;
      var label = first.format === "month_age" ? page.ageText(row.age) : shown(row, first)[1];   // short on a phone
      drawing.appendChild(svg("text", { x: 0, y: y + 13 }, label));
      drawing.appendChild(svg("rect", { x: LABEL, y: y, width: width.toFixed(1), height: 16,
                                        class: "chart-bar" + (row.own ? " calc-own-bar" : "") }));
      drawing.appendChild(svg("text", { x: (LABEL + width + 4).toFixed(1), y: y + 13 }, value));
    });
    var plot = element("div", { class: "chart-plot" });
    plot.appendChild(drawing);
    return plot;
  }

  function tableOf(table, rows) {
    var words = page.words, box = element("div", { class: "chart-table" }), grid = element("table");
    var head = element("tr"), body = element("tbody");
    table.columns.forEach(function (column) { head.appendChild(element("th", { scope: "col" }, words[column.words])); });
    grid.appendChild(element("thead")).appendChild(head);
    rows.forEach(function (row) {
      var line = element("tr", { "data-scenario": row.key, class: row.own ? "calc-own" : null });
      table.columns.forEach(function (column, i) {
        var cell = element(i ? "td" : "th", i ? {} : { scope: "row" }), value = shown(row, column);
        cell.appendChild(element("span", { "data-output": column.name, "data-value": value[0] }, value[1]));
        if (value[2]) cell.appendChild(element("span", { class: "calc-age" }, value[2]));
        if (!i && row.own) cell.appendChild(element("span", { class: "calc-mark" }, words.sc_own));
        if (column.check && row[column.check] === false) cell.appendChild(element("span", { class: "calc-mark" }, words.sc_unverified));
        line.appendChild(cell);
      });
      body.appendChild(line);
    });
    grid.appendChild(body);
    box.appendChild(grid);
    return box;
  }

  // The same rows as a CSV file (RFC 4180): the column words, then each row's machine values
  // (the tables' data-value; empty for a null). The BOM lets Excel read the Chinese as UTF-8.
  var links = [];   // the object URLs of the tables shown now, freed when the result is redrawn
  function cell(text) { return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
  function csvLink(state, table, rows) {
    var lines = [table.columns.map(function (column) { return cell(page.words[column.words]); }).join(",")];
    rows.forEach(function (row) {
      lines.push(table.columns.map(function (column) {
        return row[column.name] === null ? "" : cell(String(shown(row, column)[0]));
      }).join(","));
    });
    var url = URL.createObjectURL(new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }));
    links.push(url);
    var name = state.spec.id + "-" + table.id + (page.lang === "zh" ? "" : "-" + page.lang) + ".csv";
    var line = element("p", { class: "calc-csv" });
    line.appendChild(element("a", { href: url, download: name }, page.words.sc_csv));
    return line;
  }

  // Called by result.js under the result's rows: each table whose `after` rule ran.
  page.showScenarios = function (state, answer, out) {
    var words = page.words, done = {};
    links.splice(0).forEach(function (url) { URL.revokeObjectURL(url); });
    (state.spec.scenarios || []).forEach(function (table) {
      var ran = answer[table.after];
      if (!ran) return;
      var input = Object.assign({}, ran.input, table.with), key = table.rule + JSON.stringify(input);
      var result = done[key] = done[key] || core.run(state.parameters, table.rule, input);
      var rows = result.outputs[table.rows], title = words[table.title];
      if (!rows.length) return;
      var part = element("section", { class: "calc-scenarios", "data-scenarios": table.id });
      part.appendChild(element("h3", {}, title));
      part.appendChild(element("p", {}, words[table.intro]));
      if (table.chart) part.appendChild(chart(table, rows, title));
      part.appendChild(tableOf(table, rows));
      part.appendChild(csvLink(state, table, rows));
      var notes = element("ul", { class: "calc-scenario-notes" });
      table.notes.forEach(function (note) { notes.appendChild(element("li", {}, words[note])); });
      part.appendChild(notes);
      out.appendChild(part);
      // A table wider than the phone scrolls sideways: keyboard users must be able to focus it
      // (a11y.js does the same for the page's own tables, which exist before this one).
      var grid = part.querySelector("table");
      if (grid.scrollWidth > grid.clientWidth + 1) grid.setAttribute("tabindex", "0");
    });
  };
})(window.CalculatorPage);
