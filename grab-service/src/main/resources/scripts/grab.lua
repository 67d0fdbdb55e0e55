-- The grab decision, one atomic step (ARCHITECTURE.md "Grab"): known and armed, grabbed before, in the audience,
-- unpaid, expired, then pop a slot and remember the user as its (pending) holder.
-- KEYS: meta, slots, grabbers of one packet (one hash tag). ARGV: user id, now (epoch ms),
-- group membership of the user: '1' member, '0' not, '?' not known yet (then a group packet answers GROUP, groupId).
local m = redis.call('HMGET', KEYS[1], 'state', 'expiresAt', 'keyExpiresAt', 'groupId', 'receiverId')
local state = m[1]
if not state then return {'MISSING'} end
if state == 'UNKNOWN' then return {'UNKNOWN'} end
local mine = redis.call('HGET', KEYS[3], ARGV[1])
if mine then return {'MINE', mine} end
local receiver = m[5]
if receiver and receiver ~= '' then
  if receiver ~= ARGV[1] then return {'NOT_IN_AUDIENCE'} end
elseif ARGV[3] == '?' then
  return {'GROUP', m[4] or ''}
elseif ARGV[3] ~= '1' then
  return {'NOT_IN_AUDIENCE'}
end
if state == 'UNPAID' then return {'NOT_PAYABLE_YET'} end
if state ~= 'ARMED' or tonumber(ARGV[2]) >= tonumber(m[2]) then return {'EXPIRED'} end
local seq = redis.call('LPOP', KEYS[2])
if not seq then return {'SOLD_OUT'} end
redis.call('HSET', KEYS[3], ARGV[1], 'P' .. seq)
redis.call('PEXPIREAT', KEYS[3], m[3])
return {'POPPED', seq}
