-- Shared by the scenario scripts: thread numbering, per-thread status counters, optional pacing
-- and a one-line machine-readable result (RESULT ...) printed by done().
--
-- Each wrk thread has its own Lua state. setup() runs in the main state before a thread starts and
-- hands it its number (global `id`, 1-based) and the thread count; init(args) then runs in the
-- thread. done() runs in the main state and reads the counters back from every thread.
local ffi = require("ffi")
ffi.cdef [[
  typedef long time_t;
  typedef struct timespec { time_t tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec[1]")
local CLOCK_MONOTONIC = 1

local common = {}
local threads = {}

function common.now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts[0].tv_sec) * 1000 + tonumber(ts[0].tv_nsec) / 1e6
end

function common.setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- Per-thread state: call from init().
function common.init_thread()
  ok, non200, throttled, unauthorized, other = 0, 0, 0, 0, 0
end

function common.count(status)
  if status == 200 then
    ok = ok + 1
  elseif status == 429 then
    non200 = non200 + 1; throttled = throttled + 1
  elseif status == 401 then
    non200 = non200 + 1; unauthorized = unauthorized + 1
  else
    non200 = non200 + 1; other = other + 1
  end
end

-- Pacing: with BENCH_RATE (requests/s over all connections) set, each connection sends on a fixed
-- schedule of one request every (connections / rate) seconds, the connections spread over one
-- interval. A connection that falls behind sends at once until it is back on schedule (at most one
-- second of backlog), so the offered rate holds while the service keeps up. wrk measures latency
-- from the actual send.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
function common.pacer(connections)
  if not rate or rate <= 0 then return nil end
  local interval = connections * 1000.0 / rate
  local next_at = nil
  return function()
    local now = common.now_ms()
    if not next_at then
      next_at = now + interval * ((id or 1) - 1) / connections
    end
    if next_at < now - 1000 then next_at = now - 1000 end
    local wait = next_at - now
    next_at = next_at + interval
    if wait <= 0 then return 0 end
    return math.floor(wait)
  end
end

local function sum(name)
  local total = 0
  for _, t in ipairs(threads) do total = total + (tonumber(t:get(name)) or 0) end
  return total
end

function common.done(name, summary, latency)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local non200 = sum("non200")
  local responses = sum("ok") + non200
  io.write(string.format(
    "RESULT scenario=%s requests=%d responses=%d seconds=%.3f rps=%.1f ok_rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non200=%d throttled=%d unauthorized=%d other=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    name, summary.requests, responses, seconds, summary.requests / seconds, sum("ok") / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non200, sum("throttled"), sum("unauthorized"), sum("other"), e.connect, e.read, e.write, e.timeout))
end

function common.lines(path)
  local list = {}
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then table.insert(list, line) end
  end
  f:close()
  return list
end

return common
