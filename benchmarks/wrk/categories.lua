-- Anonymous GET of the category list (50 rows, one page).
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/api/v1/categories?limit=50"
done = common.done
