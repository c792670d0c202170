-- Shared by every scenario: reading the id files the seed generator wrote, and a machine-readable summary.
local M = {}

function M.lines(name)
  local dir = os.getenv("BENCH_DATA") or "benchmarks/results/data"
  local out = {}
  for line in io.lines(dir .. "/" .. name) do
    if #line > 0 then out[#out + 1] = line end
  end
  return out
end

function M.pick(list)
  return list[math.random(#list)]
end

function M.file(name)
  local dir = os.getenv("BENCH_DATA") or "benchmarks/results/data"
  local f = assert(io.open(dir .. "/" .. name, "r"))
  local s = f:read("*a")
  f:close()
  return (s:gsub("%s+$", ""))
end

-- A POST of a random 20-item cart to the given path, as a logged-in customer.
function M.cart_request(path, ids, tokens)
  local items = {}
  for i = 1, 20 do
    items[i] = '{"productId":"' .. M.pick(ids) .. '","quantity":' .. math.random(3) .. '}'
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. M.pick(tokens) }, '{"items":[' .. table.concat(items, ",") .. ']}')
end

-- One JSON line that run.sh collects: throughput, latency percentiles (microseconds) and every kind of error,
-- plus the cache misses the script counted, when it counts them (count_misses).
function M.done(summary, latency, requests)
  local e = summary.errors
  local misses = ""
  if #M.threads > 0 then
    local total = 0
    for _, thread in ipairs(M.threads) do total = total + thread:get("cache_misses") end
    misses = string.format(',"cache_misses":%d', total)
  end
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
      .. '"max_us":%d,"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}%s}\n',
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout, misses))
end

-- Makes the script count answers with X-Cache: MISS (readers that waited for the backend) in every wrk thread;
-- M.done adds them up. Costs a Lua call per response, so only scenarios about misses use it.
M.threads = {}
function M.count_misses()
  setup = function(thread) table.insert(M.threads, thread) end
  cache_misses = 0
  response = function(status, headers, body)
    if headers["X-Cache"] == "MISS" then cache_misses = cache_misses + 1 end
  end
end

return M
