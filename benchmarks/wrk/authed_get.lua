-- A GET of the path given as the script's argument (wrk ... -- /api/v1/auth/me) with a customer's bearer token.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local tokens, path
function init(args)
  path = args[1]
  tokens = common.lines("tokens.txt")
end
request = function()
  return wrk.format(nil, path, { ["Authorization"] = "Bearer " .. common.pick(tokens) })
end
done = common.done
