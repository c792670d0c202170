-- The anonymous categories GET, but with a bearer token: the difference is the cost of verifying it.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local tokens
function init(args)
  tokens = common.lines("tokens.txt")
end
request = function()
  return wrk.format(nil, "/api/v1/categories?limit=50", { ["Authorization"] = "Bearer " .. common.pick(tokens) })
end
done = common.done
