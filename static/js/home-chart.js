// Home: executions per day (per hour over a day or less), a bar stacked by state. The data is the page's JSON
// (#executions-chart-data); each state's colour is the one its badge has in the CSS
// (.state-<STATE>), read again when the theme changes.
(function () {
  "use strict";

  function colourOf(state) {
    const probe = document.createElement("span");
    probe.className = "state state-" + state;
    probe.hidden = false;
    probe.style.position = "absolute";
    probe.style.visibility = "hidden";
    document.body.appendChild(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  }

  function themeColours() {
    const style = getComputedStyle(document.documentElement);
    return {text: style.getPropertyValue("--muted").trim(), grid: style.getPropertyValue("--border").trim()};
  }

  function paint(chart) {
    const colours = themeColours();
    chart.data.datasets.forEach(function (dataset) {
      dataset.backgroundColor = colourOf(dataset.label);
    });
    ["x", "y"].forEach(function (axis) {
      chart.options.scales[axis].ticks.color = colours.text;
      chart.options.scales[axis].grid.color = colours.grid;
    });
    chart.options.plugins.legend.labels.color = colours.text;
    chart.update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const canvas = document.getElementById("executions-chart");
    const source = document.getElementById("executions-chart-data");
    if (!canvas || !source || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    const chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set) { return {label: set.state, data: set.data}; }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {x: {stacked: true, ticks: {}, grid: {}}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}, grid: {}}},
        plugins: {legend: {position: "bottom", labels: {}}},
      },
    });
    paint(chart);
    canvas.dataset.ready = "true";  // for tests and screenshots: drawn with the theme's colours
    document.addEventListener("kestraweb:theme", function () { paint(chart); });
  });
})();
