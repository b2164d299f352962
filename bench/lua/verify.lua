-- POST /api/auth/token/verify {"token": <access token>}, rotating through several sessions' tokens.
-- args: <file with one access token per line>
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup = common.setup

function init(args)
  common.init_thread()
  requests_ = {}
  for _, access in ipairs(common.lines(args[1])) do
    table.insert(requests_, wrk.format("POST", "/api/auth/token/verify", { ["Content-Type"] = "application/json" },
      '{"token":"' .. access .. '"}'))
  end
  cursor = id
end

function request()
  cursor = cursor % #requests_ + 1
  return requests_[cursor]
end

function response(status, headers, body)
  common.count(status)
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_SCENARIO") or "verify", summary, latency)
end
