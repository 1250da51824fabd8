-- POST orders with complete: the till's sale of 3 distinct random products (two in three
-- taxed), paid in cash with change, in REGISTER_ID's open session (receipt number, payment).
-- The amount due must be exact: the bench seeds products priced like the peer's seed,
-- 100 + (n * 37) % 9900 cents for the n-th product (n = id - PRODUCT_ID_MIN + 1), prices
-- include tax (the shop's default), and the shop rounds cash to 1 cent.
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
bearer()

local lo = tonumber(os.getenv("PRODUCT_ID_MIN") or "1")
local register = tonumber(os.getenv("REGISTER_ID") or "1")

local function price(id)
  local n = id - lo + 1
  return 100 + (n * 37) % 9900
end

function request()
  local a, b, c = three_ids()
  local due = price(a) + price(b) + price(c)
  local body = string.format(
    '{"items":[{"product_id":%d,"amount":1},{"product_id":%d,"amount":1},{"product_id":%d,"amount":1}],' ..
    '"complete":true,"register_id":%d,"payments":[{"method":"cash","amount_cents":%d,"tendered_cents":%d}]}',
    a, b, c, register, due, due + 1000)
  return wrk.format(nil, nil, nil, body)
end
