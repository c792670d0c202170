-- The product list sorted by name, first pages of random categories.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local categories
function init(args)
  categories = common.lines("category-slugs.txt")
end
request = function()
  return wrk.format(nil, "/api/v1/products?limit=20&sort=name&category=" .. common.pick(categories))
end
done = common.done
