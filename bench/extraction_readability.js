// Runs Mozilla Readability.js (with jsdom) over pages for bench/extraction.sh:
// prints one JSON object {path: textContent} and, on stderr, the CPU seconds
// spent in parsing (jsdom) and extraction (file reading excluded).
//   NODE_PATH=build/bench/readability-js/node_modules node bench/extraction_readability.js PAGE.html...
const fs = require("fs");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

// Pages named *.gz are gunzipped first (eval/extraction.py passes the datasets' files).
const read = (p) => (p.endsWith(".gz") ? zlib.gunzipSync(fs.readFileSync(p)) : fs.readFileSync(p)).toString("utf8");
const pages = process.argv.slice(2).map((p) => [p, read(p)]);
const out = {};
const quiet = new VirtualConsole();
const t = process.cpuUsage();
for (const [path, html] of pages) {
  try {
    const dom = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    out[path] = art && art.textContent ? art.textContent : "";
    dom.window.close();
  } catch (e) {
    out[path] = "";
  }
}
const used = process.cpuUsage(t);
process.stdout.write(JSON.stringify(out));
process.stderr.write("cpu " + ((used.user + used.system) / 1e6).toFixed(3) + "\n");
