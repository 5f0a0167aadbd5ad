// Builds the UI's browser code into ../static/vendor, from the packages in
// package.json (run `npm ci && node build.mjs` here, or `make assets`). The output is
// committed, so running the server needs no Node.
import {build} from "esbuild";
import {copyFileSync, mkdirSync} from "node:fs";

const out = new URL("../static/vendor/", import.meta.url).pathname;
mkdirSync(out, {recursive: true});

for (const name of ["editor", "charts"]) {
  await build({
    entryPoints: [`src/${name}.js`],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "linked",
    outfile: `${out}${name}.js`,
  });
}
copyFileSync("node_modules/htmx.org/dist/htmx.min.js", `${out}htmx.min.js`);
copyFileSync("node_modules/htmx.org/LICENSE", `${out}htmx.LICENSE.txt`);
console.log(`built editor.js, charts.js and htmx.min.js into ${out}`);
