-- A link's stats as its owner: the argument is the line of sharelink-codes.txt (1: a million clicks, 2: none).
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local path, token
function init(args)
  path = "/api/v1/share-links/" .. common.lines("sharelink-codes.txt")[tonumber(args[1])] .. "/stats"
  token = common.file("reseller-token.txt")
end
request = function()
  return wrk.format(nil, path, { ["Authorization"] = "Bearer " .. token })
end
done = common.done
