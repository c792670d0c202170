-- One hot key: the first page of the product list, 20 items. Where caching is the point.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/api/v1/products?limit=20"
done = common.done
