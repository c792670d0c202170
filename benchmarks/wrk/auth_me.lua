-- An authenticated GET: verify the bearer token, check revocation, then one indexed read.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local tokens
function init(args)
  tokens = common.lines("tokens.txt")
end
request = function()
  return wrk.format(nil, "/api/v1/auth/me", { ["Authorization"] = "Bearer " .. common.pick(tokens) })
end
done = common.done
