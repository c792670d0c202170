-- One hot key that expires every second (the 1 s TTL route of conf/bench-openapi.yaml), counting the readers
-- that found it expired and waited for the backend.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/bench/short-ttl/products?limit=20"
common.count_misses()
done = common.done
