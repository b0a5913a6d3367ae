// Runs autocannon (programmatic API) in its own process, so the load generator never shares an
// event loop with the server under test. Options come as JSON in argv[2]; the result goes to stdout.
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2] ?? "{}");
const result = await autocannon(options);
process.stdout.write(
  JSON.stringify({
    duration: result.duration,
    total: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    bytesPerSecond: result.throughput.average,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
