-- A 20-item cart posted to the path given as the script's argument (wrk ... -- /api/v1/pricing/calculate) for a
-- logged-in customer, its products picked from the whole catalog.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ids, tokens, path
function init(args)
  path = args[1]
  ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
end
request = function()
  return common.cart_request(path, ids, tokens)
end
done = common.done
