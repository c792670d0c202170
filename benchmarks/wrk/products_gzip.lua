-- The hot product page, asking for gzip: compare with products_hot (same page, no Accept-Encoding).
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
wrk.path = "/api/v1/products?limit=20"
wrk.headers["Accept-Encoding"] = "gzip"
done = common.done
