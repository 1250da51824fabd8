-- Shared by the scenario scripts (copied from the Django peer's bench/lib.lua, so both sides
-- print the same line): per-thread RNG seed, JSON helpers, one machine-readable result line
-- "RESULT req/s p50_ms p99_ms non-2xx socket-errors".
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

function bearer()
  local token = os.getenv("TOKEN") or ""
  if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

function json_str(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

-- Three distinct product ids in PRODUCT_ID_MIN..PRODUCT_ID_MAX.
function three_ids()
  local lo = tonumber(os.getenv("PRODUCT_ID_MIN") or "1")
  local hi = tonumber(os.getenv("PRODUCT_ID_MAX") or "1000")
  local a = math.random(lo, hi)
  local b repeat b = math.random(lo, hi) until b ~= a
  local c repeat c = math.random(lo, hi) until c ~= a and c ~= b
  return a, b, c
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
