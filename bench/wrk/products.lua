-- GET products?limit=50 with a Bearer token: ShopDesk's page of 50 (it refuses the peer's ?page=1).
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "GET"
bearer()
