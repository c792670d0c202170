-- The ceiling: a raw Vert.x route in the same JVM, no router handlers, no bus, no database.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/bench/hello"
done = common.done
