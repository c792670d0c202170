-- The product list in the sort given as the script's argument (wrk ... -- price_asc), first pages of random
-- categories.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local categories, sort
function init(args)
  sort = args[1]
  categories = common.lines("category-slugs.txt")
end
request = function()
  return wrk.format(nil, "/api/v1/products?limit=20&sort=" .. sort .. "&category=" .. common.pick(categories))
end
done = common.done
