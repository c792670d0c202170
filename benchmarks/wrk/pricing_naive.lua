-- Baseline: the same 20-item carts priced with one awaited query per item and no cache.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ids, tokens
function init(args)
  ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
end
request = function()
  local items = {}
  for i = 1, 20 do
    items[i] = '{"productId":"' .. common.pick(ids) .. '","quantity":' .. math.random(3) .. '}'
  end
  return wrk.format("POST", "/bench/naive/pricing/calculate", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. common.pick(tokens) }, '{"items":[' .. table.concat(items, ",") .. ']}')
end
done = common.done
