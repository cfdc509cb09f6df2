// The same cancels through Datadog's official API client (@datadog/datadog-api-client, v2.FleetAutomationApi), as a
// script in a pipeline step would send them, against the benchmarks' fake server on loopback.
//
//   node cancel.js --base http://127.0.0.1:PORT --ids 200 --prefix batch --concurrency 8 [--retry]
//
// Prints one line of JSON: the milliseconds from the first cancel to the last answer, successes, failures, and the
// process's peak resident and heap memory. Keys come from DD_API_KEY / DD_APP_KEY, as the client reads them.
"use strict";
const started = process.hrtime.bigint();
const { client, v2 } = require("@datadog/datadog-api-client");
const loadedMs = Number(process.hrtime.bigint() - started) / 1e6;

function option(name, fallback) {
  const at = process.argv.indexOf("--" + name);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return value === undefined || value.startsWith("--") ? true : value;
}

const base = option("base");
const count = Number(option("ids", 200));
const prefix = option("prefix", "node");
const concurrency = Number(option("concurrency", 8));
const retry = option("retry", false) === true;

const configuration = client.createConfiguration({
  baseServer: new client.BaseServerConfiguration(base, {}),
  enableRetry: retry,
  maxRetries: 3,
});
const api = new v2.FleetAutomationApi(configuration);

let peakHeap = 0;
const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);

async function main() {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  let next = 0;
  let ok = 0;
  let failed = 0;
  const firstErrors = [];
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        await api.cancelFleetDeploymentV2({ deploymentId: id });
        ok++;
      } catch (error) {
        failed++;
        if (firstErrors.length < 3) firstErrors.push(String(error.code || error.message || error).slice(0, 120));
      }
    }
  }
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  console.log(JSON.stringify({
    ms, ok, failed, loadMs: loadedMs, concurrency, retry,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1048576,
    errors: firstErrors,
  }));
}

main().catch((error) => { console.error(error); process.exit(1); });
