// Builds the MiniSearch index of the benchmark corpus and writes it as JSON.
// Usage: node minisearch-build.mjs <minisearch ES module> <docs.json> <out.json>
// Prints one JSON line: {"docs", "terms", "build_ms", "serialize_ms"}.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MINISEARCH_OPTIONS } from './minisearch-options.mjs';

const [modulePath, docsPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node minisearch-build.mjs <minisearch module> <docs.json> <out.json>');
  process.exit(2);
}
const { default: MiniSearch } = await import(pathToFileURL(modulePath).href);
const docs = JSON.parse(readFileSync(docsPath, 'utf8'));

const started = performance.now();
const index = new MiniSearch(MINISEARCH_OPTIONS);
index.addAll(docs);
const buildMs = performance.now() - started;

const serializeStarted = performance.now();
const json = JSON.stringify(index);
const serializeMs = performance.now() - serializeStarted;
writeFileSync(outPath, json);

console.log(JSON.stringify({
  docs: index.documentCount,
  terms: index.termCount,
  build_ms: buildMs,
  serialize_ms: serializeMs,
}));
