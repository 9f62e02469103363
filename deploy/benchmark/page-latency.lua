-- wrk script: prints throughput and the latency percentiles the goals are stated in (p95 included,
-- which wrk's own --latency leaves out).
--   wrk -t2 -c50 -d20s -s deploy/benchmark/page-latency.lua http://localhost:8080/evenemang/stora-motesdagen-2027
done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format("%.0f pages/s  p50 %.1f ms  p90 %.1f ms  p95 %.1f ms  p99 %.1f ms  failed %d of %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    failed, summary.requests))
end
