-- POST /api/auth/login, rotating through the seeded users bench-0001@example.com … bench-NNNN@example.com.
-- args: <user count> <password> <thread count>
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup = common.setup

function init(args)
  common.init_thread()
  users = tonumber(args[1])
  password = args[2]
  local nthreads = tonumber(args[3])
  -- Each thread starts at its own slice of the user list and walks it.
  cursor = math.floor((id - 1) * users / nthreads)
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  local k = (cursor % users) + 1
  cursor = cursor + 1
  local body = string.format('{"email":"bench-%04d@example.com","password":"%s"}', k, password)
  return wrk.format("POST", "/api/auth/login", headers, body)
end

function response(status, headers, body)
  common.count(status)
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_SCENARIO") or "login", summary, latency)
end
