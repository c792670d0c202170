-- Product details by slug, spread over every product.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local slugs
function init(args)
  slugs = common.lines("product-slugs.txt")
end
request = function()
  return wrk.format(nil, "/api/v1/products/" .. common.pick(slugs))
end
done = common.done
