-- Baseline: the seed system's N+1 list (1 + 3 statements per product) for the same first page of 20.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/bench/naive/products?limit=20"
done = common.done
