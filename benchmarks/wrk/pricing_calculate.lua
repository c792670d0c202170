-- A 20-item cart priced for a logged-in customer, its products picked from the whole catalog.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ids, tokens
function init(args)
  ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
end
request = function()
  return common.cart_request("/api/v1/pricing/calculate", ids, tokens)
end
done = common.done
