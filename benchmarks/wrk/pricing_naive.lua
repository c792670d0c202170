-- Baseline: the same 20-item carts priced with one awaited query per item and no cache.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ids, tokens
function init(args)
  ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
end
request = function()
  return common.cart_request("/bench/naive/pricing/calculate", ids, tokens)
end
done = common.done
