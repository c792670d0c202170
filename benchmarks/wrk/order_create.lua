-- POST /api/v1/orders as a logged-in customer: three distinct variants picked from the catalog, one unit each, a
-- fresh Idempotency-Key per request. With the argument "link" (wrk ... -- link) the first line is a variant of a
-- linked product and the order carries the link's code, so it is priced at the seller's price with a commission.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local variants, tokens, links, mode
local counter = 0
local threads = 0

-- Each wrk thread has its own Lua state: setup gives each a number (the global thread_id), so that keys and random
-- sequences differ between threads.
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  mode = args[1] or "plain"
  variants = common.lines("variant-ids.txt")
  tokens = common.lines("tokens.txt")
  links = common.lines("link-variants.txt")
  math.randomseed(os.time() * 1000 + thread_id)
end

local address = '"shippingAddress":{"name":"Bench Buyer","phone":"+91 98450 00000","line1":"1 Load Street",'
  .. '"city":"Bengaluru","postalCode":"560001","country":"IN"}'

local function item(variant)
  return '{"variantId":"' .. variant .. '","quantity":1}'
end

request = function()
  counter = counter + 1
  local first, code
  if mode == "link" then
    local link = common.pick(links)
    code, first = link:match("^(%S+)%s+(%S+)$")
  else
    first = common.pick(variants)
  end
  local second, third = common.pick(variants), common.pick(variants)
  while second == first do second = common.pick(variants) end
  while third == first or third == second do third = common.pick(variants) end
  local body = '{"items":[' .. item(first) .. ',' .. item(second) .. ',' .. item(third) .. '],' .. address
    .. (code and (',"shareLinkCode":"' .. code .. '"') or '') .. '}'
  return wrk.format("POST", "/api/v1/orders", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. common.pick(tokens),
    ["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter .. "-" .. math.random(1000000000) }, body)
end

done = common.done
