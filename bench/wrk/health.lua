-- GET health: no auth, no DB.
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "GET"
