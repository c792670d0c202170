-- Resolving share links: "hot" asks for one link (L000000001), "spread" for any of the seeded links.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local codes, hot
function init(args)
  codes = common.lines("sharelink-codes.txt")
  hot = args[1] == "hot"
end
request = function()
  return wrk.format(nil, "/api/v1/share-links/" .. (hot and codes[1] or common.pick(codes)))
end
done = common.done
