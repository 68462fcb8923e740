// The browser benchmark page: loads Quellenlage's snapshot (through its wasm module) and
// MiniSearch's serialised index, then times the same queries on both engines, interleaved.
//
// Timing: every measurement is `performance.now()` around one synchronous search call.
// Fetching is timed separately from loading (decode / `loadJSON`). For every query of every
// round both engines run back to back, the one going first alternating, so drift (GC, heat,
// other tabs) hits both alike. Between queries the page yields to the event loop, outside any
// measurement. The raw samples go to #results; `cargo xtask bench` computes the statistics.

import init, * as quellenlage from './quellenlage_bench_web.js';
import MiniSearch from './minisearch.js';
import { MINISEARCH_OPTIONS } from './minisearch-options.mjs';

const params = new URLSearchParams(location.search);
/** Measured rounds over all queries. */
const ROUNDS = count(params.get('rounds'), 10);
/** Unmeasured rounds first: JIT, caches and lazily built automata settle. */
const WARMUP_ROUNDS = count(params.get('warmup'), 1);
/** Each index is loaded this often; the report uses the median. */
const LOAD_REPEATS = count(params.get('loads'), 3);

function count(text, fallback) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function status(text) {
  document.getElementById('status').textContent = text;
}

/** Lets the browser run other tasks (rendering, the WebDriver's polls) between measurements. */
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Fetches `url` as text or bytes; returns [body, milliseconds]. */
async function fetchTimed(url, as) {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = as === 'text' ? await response.text() : new Uint8Array(await response.arrayBuffer());
  return [body, performance.now() - started];
}

/** Calls `load` LOAD_REPEATS times (at least once); returns [last result, milliseconds each]. */
async function timedLoads(load) {
  const times = [];
  let result;
  for (let i = 0; i < Math.max(1, LOAD_REPEATS); i++) {
    const started = performance.now();
    result = load();
    times.push(performance.now() - started);
    await pause();
  }
  return [result, times];
}

/** The smallest step of `performance.now()` seen (the browser coarsens the clock). */
function timerResolution() {
  let best = Infinity;
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    let now = start;
    while (now === start) now = performance.now();
    best = Math.min(best, now - start);
  }
  return best;
}

/** Nearest-rank percentile of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function showSummary(results) {
  const engines = ['quellenlage', 'minisearch'];
  const kinds = [...new Set(results.queries.map((q) => q.kind))];
  const rows = [['', ...engines.flatMap((e) => [`${e} p50`, `${e} p95`])]];
  for (const kind of ['all', ...kinds]) {
    const chosen = results.queries.filter((q) => kind === 'all' || q.kind === kind);
    rows.push([kind, ...engines.flatMap((e) => {
      const samples = chosen.flatMap((q) => q[e].ms);
      return [percentile(samples, 0.5), percentile(samples, 0.95)].map((v) => `${v.toFixed(2)} ms`);
    })]);
  }
  const table = document.getElementById('summary');
  table.innerHTML = '';
  rows.forEach((cells, i) => {
    const tr = table.insertRow();
    for (const text of cells) {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      cell.textContent = text;
      tr.append(cell);
    }
  });
}

async function main() {
  const [queriesText] = await fetchTimed('queries.json', 'text');
  const queries = JSON.parse(queriesText);

  status('loading Quellenlage…');
  const [snapshot, qlFetchMs] = await fetchTimed('quellenlage.snap', 'bytes');
  let started = performance.now();
  await init({ module_or_path: 'quellenlage_bench_web_bg.wasm' });
  const wasmInitMs = performance.now() - started;
  const [qlDocs, qlLoadMs] = await timedLoads(() => quellenlage.load(snapshot));

  status('loading MiniSearch…');
  const [json, msFetchMs] = await fetchTimed('minisearch.json', 'text');
  const [index, msLoadMs] = await timedLoads(() => MiniSearch.loadJSON(json, MINISEARCH_OPTIONS));

  const engines = {
    quellenlage: (q) => (q.quellenlage_typing
      ? quellenlage.search_typing(q.quellenlage)
      : quellenlage.search(q.quellenlage)),
    minisearch: (q) => index.search(q.minisearch, q.minisearch_and ? { combineWith: 'AND' } : {}).length,
  };
  const records = queries.map((q) => ({
    kind: q.kind,
    quellenlage: { query: q.quellenlage, typing: q.quellenlage_typing, hits: 0, ms: [] },
    minisearch: { query: q.minisearch, and: q.minisearch_and, hits: 0, ms: [] },
  }));
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
    status(round < 0 ? 'warming up…' : `round ${round + 1} of ${ROUNDS}…`);
    for (let i = 0; i < queries.length; i++) {
      const order = ((round + i) & 1) === 0 ? ['quellenlage', 'minisearch'] : ['minisearch', 'quellenlage'];
      for (const name of order) {
        const t0 = performance.now();
        const hits = engines[name](queries[i]);
        const elapsed = performance.now() - t0;
        const record = records[i][name];
        record.hits = hits;
        if (round >= 0) record.ms.push(elapsed);
      }
      await pause();
    }
  }

  const results = {
    user_agent: navigator.userAgent,
    cross_origin_isolated: self.crossOriginIsolated === true,
    timer_resolution_ms: timerResolution(),
    rounds: ROUNDS,
    warmup_rounds: WARMUP_ROUNDS,
    quellenlage: {
      docs: qlDocs,
      fetch_ms: qlFetchMs,
      wasm_init_ms: wasmInitMs,
      load_ms: qlLoadMs,
      bytes: snapshot.length,
    },
    minisearch: {
      docs: index.documentCount,
      terms: index.termCount,
      fetch_ms: msFetchMs,
      load_ms: msLoadMs,
    },
    queries: records,
  };
  document.getElementById('results').textContent = JSON.stringify(results);
  showSummary(results);
  status(`done: ${queries.length} queries × ${ROUNDS} rounds per engine`);
}

main()
  .catch((error) => {
    console.error(error);
    status(`failed: ${error}`);
    document.body.dataset.error = String(error?.stack ?? error);
  })
  .finally(() => {
    document.body.dataset.done = '1';
  });
