-- POST orders: 3 distinct random products, amount 1 each: the order is placed, not completed
-- (the same body as the Django peer's orders.lua).
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
bearer()

function request()
  local a, b, c = three_ids()
  local body = string.format(
    '{"items":[{"product_id":%d,"amount":1},{"product_id":%d,"amount":1},{"product_id":%d,"amount":1}]}',
    a, b, c)
  return wrk.format(nil, nil, nil, body)
end
