-- POST /api/v1/payments/webhook: signed captures of the payments WebhookSeed left CREATED (webhooks.txt: signature,
-- tab, body). Every request settles a different payment: each thread walks its own share of the lines (run.sh
-- passes wrk's thread count as WRK_THREADS), and webhooks.offset carries the first unused line from one wrk run
-- (a warm-up, a round) to the next. A run that reaches the end starts again from the top and says so on stderr:
-- its repeats are replays, not captures, so seed more.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local captures, stride
local threads = {}

local function offset_file()
  return (os.getenv("BENCH_DATA") or "benchmarks/results/data") .. "/webhooks.offset"
end

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

function init(args)
  captures = common.lines("webhooks.txt")
  stride = tonumber(os.getenv("WRK_THREADS") or "1")
  local f = io.open(offset_file(), "r")
  local offset = f and tonumber(f:read("*l") or "0") or 0
  if f then f:close() end
  next_line = offset + thread_id
end

request = function()
  if next_line > #captures then
    io.stderr:write("webhook.lua: every seeded capture was sent; the rest are replays\n")
    next_line = thread_id
  end
  local signature, body = captures[next_line]:match("^(%S+)\t(.+)$")
  next_line = next_line + stride
  return wrk.format("POST", "/api/v1/payments/webhook", { ["Content-Type"] = "application/json",
    ["X-Razorpay-Signature"] = signature }, body)
end

done = function(summary, latency, requests)
  local last = 0
  for _, thread in ipairs(threads) do
    last = math.max(last, thread:get("next_line"))
  end
  local f = assert(io.open(offset_file(), "w"))
  f:write(tostring(last - 1) .. "\n")
  f:close()
  common.done(summary, latency, requests)
end
