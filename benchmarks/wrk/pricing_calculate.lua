-- A 20-item cart priced for a logged-in customer: 20 products picked from the catalog, a reseller price on half.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ids, tokens
local path = os.getenv("BENCH_PRICING_PATH") or "/api/v1/pricing/calculate"
function init(args)
  ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
end
request = function()
  local items = {}
  for i = 1, 20 do
    items[i] = '{"productId":"' .. common.pick(ids) .. '","quantity":' .. math.random(3) .. '}'
  end
  local body = '{"items":[' .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. common.pick(tokens) }, body)
end
done = common.done
