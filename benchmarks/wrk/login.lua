-- Logins of seeded customers (Argon2id verification on the bounded hashing pool).
package.path = "benchmarks/wrk/?.lua;" .. package.path
local common = require("common")
local emails, password
function init(args)
  emails = common.lines("customer-emails.txt")
  password = common.file("password.txt")
end
request = function()
  local body = '{"email":"' .. common.pick(emails) .. '","password":"' .. password .. '"}'
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end
done = common.done
