-- POST /api/v1/wallet/payouts: a payout of 1 paisa by one of twenty seeded resellers (reseller-tokens.txt), each with
-- a large available balance, a fresh Idempotency-Key per request. Each request is one transfer: AVAILABLE to
-- PAYOUT_HOLD under the account's CHECK, with the payout row and its event.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local tokens
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  tokens = common.lines("reseller-tokens.txt")
  math.randomseed(os.time() * 1000 + thread_id)
end

request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/wallet/payouts", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. common.pick(tokens),
    ["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter .. "-" .. math.random(1000000000) },
    '{"amount":1,"bankAccount":"HDFC 0001 2345 67"}')
end

done = common.done
