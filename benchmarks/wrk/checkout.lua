-- The checkout mix: of every 100 requests, 70 browse the catalog (35 list pages spread over categories, sorts and
-- price floors, 35 product details spread over every product), 15 resolve share links spread over the seeded ones,
-- 10 price a cart of 1 to 5 products, and 5 are a checkout's three steps: an order (half of them through a share
-- link) with a fresh Idempotency-Key, its payment, and the payment's completion in the sandbox, which sends the
-- provider's signed webhook back to Bazaar. Reads ask for gzip, as browsers and mobile HTTP clients do. The users are
-- the seed's signed-in customers: any of them browses and prices, and each wrk thread checks out as one of them (a
-- payment must be its order's owner's). With the argument "browse" (wrk ... -- browse) there are no checkouts: the
-- same reads at the same weights, to show what the checkout steps cost beside them.
--
-- A step's answer decides the next: each wrk thread keeps the payments and completions its orders' answers owe, and
-- sends them before anything new. wrk does not say which request an answer belongs to, so the answer is known by
-- its shape (201 with a "history": an order; 201 with a "providerOrderId": a payment).
--
-- Constant rate: with CHECKOUT_RATE set (requests per second over all threads; run.sh passes it), each thread sends
-- on a fixed schedule of its share of that rate, whatever the answers do. wrk2 is not a Debian package, so the
-- schedule is built on wrk's delay() hook: before each send, a connection takes the thread's next slot and waits
-- until it comes. wrk measures latency from the actual send, so a send that finds its slot already past (every
-- connection was busy) would hide queueing; the script counts such late sends and the most any was late, and the
-- report gives both beside the percentiles. delay() has millisecond resolution, so a send may go up to 1 ms early.
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bazaar_timespec;
  int clock_gettime(int clock, bazaar_timespec *now);
]]

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

local KINDS = { "list", "detail", "link", "pricing", "order", "payment", "completion" }
-- Fresh picks: 35 + 35 + 15 + 10 + 5/3 orders per 100 requests; each order adds its payment and its completion,
-- which brings the checkout steps to 5 in 100.
local WEIGHTS = { list = 35, detail = 35, link = 15, pricing = 10, order = 5 / 3 }
local SORTS = { "newest", "price_asc", "price_desc", "name" }
local ADDRESS = '"shippingAddress":{"name":"Mix Buyer","phone":"+91 98450 00000","line1":"1 Load Street",'
  .. '"city":"Bengaluru","postalCode":"560001","country":"IN"}'

local slugs, categories, codes, product_ids, tokens, links, variants, buyer
local owed, counter = {}, 0
local slot_us, next_slot_us, clock
local TOTAL = 0

function init(args)
  slugs = common.lines("product-slugs.txt")
  categories = common.lines("category-slugs.txt")
  codes = common.lines("sharelink-codes.txt")
  product_ids = common.lines("product-ids.txt")
  tokens = common.lines("tokens.txt")
  links = common.lines("link-variants.txt")
  variants = common.lines("variant-ids.txt")
  buyer = tokens[(thread_id - 1) % #tokens + 1]
  if args[1] == "browse" then WEIGHTS.order = nil end
  for _, w in pairs(WEIGHTS) do TOTAL = TOTAL + w end
  math.randomseed(os.time() * 1000 + thread_id)
  for _, kind in ipairs(KINDS) do _G["sent_" .. kind] = 0 end
  failed_steps, late_sends, most_late_us = 0, 0, 0
  local rate = tonumber(os.getenv("CHECKOUT_RATE") or "")
  if rate then
    slot_us = 1e6 * tonumber(os.getenv("WRK_THREADS") or "1") / rate
    clock = ffi.new("bazaar_timespec")
  end
end

local function now_us()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

if os.getenv("CHECKOUT_RATE") then
  function delay()
    local now = now_us()
    next_slot_us = (next_slot_us or now) + slot_us
    local wait = next_slot_us - now
    if wait < 0 then
      late_sends = late_sends + 1
      most_late_us = math.max(most_late_us, -wait)
      return 0
    end
    return math.floor(wait / 1000)
  end
end

-- A JSON POST's headers as the given token, with a fresh Idempotency-Key when keyed.
local function headers(token, keyed)
  local h = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if keyed then h["Idempotency-Key"] = "mix-" .. thread_id .. "-" .. counter .. "-" .. math.random(1000000000) end
  return h
end

local function order()
  local first, code = common.pick(variants), nil
  if math.random(2) == 1 then code, first = common.pick(links):match("^(%S+)%s+(%S+)$") end
  local items = '{"variantId":"' .. first .. '","quantity":1}'
  if math.random(2) == 1 then
    local second = common.pick(variants)
    if second ~= first then items = items .. ',{"variantId":"' .. second .. '","quantity":1}' end
  end
  return wrk.format("POST", "/api/v1/orders", headers(buyer, true), '{"items":[' .. items .. '],' .. ADDRESS
    .. (code and (',"shareLinkCode":"' .. code .. '"') or '') .. '}')
end

local function cart()
  local items = {}
  for i = 1, math.random(5) do
    items[i] = '{"productId":"' .. common.pick(product_ids) .. '","quantity":' .. math.random(3) .. '}'
  end
  return wrk.format("POST", "/api/v1/pricing/calculate", headers(common.pick(tokens), false),
    '{"items":[' .. table.concat(items, ",") .. ']}')
end

local GZIP = { ["Accept-Encoding"] = "gzip" }

local function list()
  local path = "/api/v1/products?limit=20&sort=" .. SORTS[math.random(#SORTS)]
    .. "&category=" .. common.pick(categories)
  if math.random(2) == 1 then path = path .. "&minPrice=" .. (math.random(50) * 2000) end
  return wrk.format(nil, path, GZIP)
end

local FRESH = {
  list = list,
  detail = function() return wrk.format(nil, "/api/v1/products/" .. common.pick(slugs), GZIP) end,
  link = function() return wrk.format(nil, "/api/v1/share-links/" .. common.pick(codes), GZIP) end,
  pricing = cart,
  order = order,
}

request = function()
  counter = counter + 1
  local step = table.remove(owed, 1)
  if step then
    _G["sent_" .. step.kind] = _G["sent_" .. step.kind] + 1
    if step.kind == "payment" then
      return wrk.format("POST", "/api/v1/payments", step.headers,
        '{"orderId":"' .. step.id .. '","method":"UPI"}')
    end
    return wrk.format("POST", "/api/v1/payments/" .. step.id .. "/sandbox/complete", step.headers,
      '{"outcome":"succeed"}')
  end
  local pick = math.random() * TOTAL
  for _, kind in ipairs(KINDS) do
    local weight = WEIGHTS[kind]
    if weight then
      if pick < weight then
        _G["sent_" .. kind] = _G["sent_" .. kind] + 1
        return FRESH[kind]()
      end
      pick = pick - weight
    end
  end
  sent_list = sent_list + 1
  return list()
end

response = function(status, headers_, body)
  if status == 201 and body:find('"history":', 1, true) then
    owed[#owed + 1] = { kind = "payment", id = body:match('"id":"([%x-]+)"'), headers = headers(buyer, true) }
  elseif status == 201 and body:find('"providerOrderId"', 1, true) then
    owed[#owed + 1] = { kind = "completion", id = body:match('"id":"([%x-]+)"'), headers = headers(buyer, false) }
  elseif status >= 400 then
    failed_steps = failed_steps + 1
  end
end

done = function(summary, latency, requests)
  local sent, late, most_late, failed = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
    for _, kind in ipairs(KINDS) do sent[kind] = (sent[kind] or 0) + thread:get("sent_" .. kind) end
    late = late + thread:get("late_sends")
    most_late = math.max(most_late, thread:get("most_late_us"))
    failed = failed + thread:get("failed_steps")
  end
  local mix = {}
  for _, kind in ipairs(KINDS) do mix[#mix + 1] = string.format('"%s":%d', kind, sent[kind]) end
  io.write(string.format('CHECKOUT_JSON {"target_rps":%s,"p999_us":%d,"late_sends":%d,"most_late_us":%d,'
    .. '"failed_steps":%d,"sent":{%s}}\n', os.getenv("CHECKOUT_RATE") or "null", latency:percentile(99.9), late,
    most_late, failed, table.concat(mix, ",")))
  common.done(summary, latency, requests)
end
