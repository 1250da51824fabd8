-- POST auth/login for one fixed user (bcrypt-bound on both sides).
dofile(os.getenv("BENCH_DIR") .. "/lib.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":' .. json_str(os.getenv("LOGIN_USER") or "cashier1") ..
           ',"password":' .. json_str(os.getenv("LOGIN_PASS") or "Cashier123!x") .. '}'
