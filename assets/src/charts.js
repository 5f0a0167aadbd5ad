// Chart.js for the dashboard's charts, as `window.Chart`.
import Chart from "chart.js/auto";

window.Chart = Chart;
