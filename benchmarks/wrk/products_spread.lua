-- Product list pages spread over the data: every sort, every category, with and without a price filter.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local categories, sorts
function init(args)
  categories = common.lines("category-slugs.txt")
  sorts = { "newest", "price_asc", "price_desc", "name" }
end
request = function()
  local path = "/api/v1/products?limit=20&sort=" .. sorts[math.random(#sorts)] .. "&category=" .. common.pick(categories)
  if math.random(2) == 1 then
    path = path .. "&minPrice=" .. (math.random(50) * 2000)
  end
  return wrk.format(nil, path)
end
done = common.done
