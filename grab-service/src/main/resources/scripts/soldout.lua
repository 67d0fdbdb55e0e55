-- What a sold-out packet answers from now on, if that is final: armed, no free slot, and every grabber's claim
-- confirmed (no pending entry that could still push a slot back). Otherwise an empty answer.
-- KEYS: meta, slots, grabbers. Answer: expiresAt, groupId, receiverId, then user, entry pairs of the grabbers.
local m = redis.call('HMGET', KEYS[1], 'state', 'expiresAt', 'groupId', 'receiverId')
if m[1] ~= 'ARMED' or redis.call('LLEN', KEYS[2]) > 0 then return {} end
local g = redis.call('HGETALL', KEYS[3])
local out = {m[2], m[3] or '', m[4] or ''}
for i = 1, #g, 2 do
  if string.sub(g[i + 1], 1, 1) ~= 'C' then return {} end
  out[#out + 1] = g[i]
  out[#out + 1] = g[i + 1]
end
return out
