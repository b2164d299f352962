-- POST /api/auth/refresh with rotation. Run with one connection per thread (-t N -c N): each thread
-- follows its own token chain, sending the refresh token it received last. A non-200 is an error
-- (the chain then stays on its last good token, which the grace window or reuse detection judges).
-- args: <file with one refresh token per line, at least as many as threads> <connections>
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup = common.setup

function init(args)
  common.init_thread()
  local tokens = common.lines(args[1])
  token = tokens[id]
  if not token then error("refresh.lua: no token for thread " .. id .. " in " .. args[1]) end
  headers = { ["Content-Type"] = "application/json" }
  local pace = common.pacer(tonumber(args[2]) or 1)
  if pace then delay = pace end
end

function request()
  return wrk.format("POST", "/api/auth/refresh", headers, '{"refresh":"' .. token .. '"}')
end

function response(status, headers, body)
  common.count(status)
  if status == 200 then
    local next_token = body:match('"refresh"%s*:%s*"([^"]+)"')
    if next_token then token = next_token end
  end
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_SCENARIO") or "refresh", summary, latency)
end
