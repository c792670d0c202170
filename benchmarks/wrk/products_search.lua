-- Name search (q) over the whole catalog, with a random word from the seed's vocabulary.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local words = { "linen", "cotton", "silk", "denim", "woven", "printed", "vintage", "kurta", "saree", "jacket" }
request = function()
  return wrk.format(nil, "/api/v1/products?limit=20&q=" .. words[math.random(#words)])
end
done = common.done
