-- A price range filter, sorted by price, over the whole catalog.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
request = function()
  local low = math.random(400) * 1000
  return wrk.format(nil, "/api/v1/products?limit=20&sort=price_asc&minPrice=" .. low .. "&maxPrice=" .. (low + 50000))
end
done = common.done
