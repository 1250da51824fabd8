-- GET products/{id} with a Bearer token, a random id in PRODUCT_ID_MIN..PRODUCT_ID_MAX.
-- The URL given to wrk is the collection (…/api/v1/products); each request appends an id.
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "GET"
bearer()

local lo = tonumber(os.getenv("PRODUCT_ID_MIN") or "1")
local hi = tonumber(os.getenv("PRODUCT_ID_MAX") or "1000")
local base = wrk.path

function request()
  return wrk.format(nil, base .. "/" .. math.random(lo, hi))
end
