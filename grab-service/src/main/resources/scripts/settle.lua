-- What becomes of a popped slot once packet-service answered the claim. Compare-and-set on the user's entry in the
-- grabbers hash, so concurrent requests of one user (and a background retry) never undo each other's step.
-- KEYS: meta, slots, grabbers. ARGV: user id, expected entry ('P<seq>'), action, new entry, now (ms), seq to push back.
--   CONFIRM: the claim went through: entry := 'C<seq>:<amount>'; a slot popped for nothing goes back to the list
--   RELEASE: the share is gone (refunded, voided): forget the entry
--   REPOP:   the slot was someone else's (handed out twice after a rebuild): pop the next one for this user
local cur = redis.call('HGET', KEYS[3], ARGV[1])
local action = ARGV[3]
local m = redis.call('HMGET', KEYS[1], 'state', 'expiresAt', 'keyExpiresAt')
if action == 'CONFIRM' then
  if cur == ARGV[2] then
    redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
    if ARGV[6] ~= '' and m[1] == 'ARMED' then
      redis.call('RPUSH', KEYS[2], ARGV[6])
      redis.call('PEXPIREAT', KEYS[2], m[3])
    end
  end
  return {'OK'}
end
if action == 'RELEASE' then
  if cur == ARGV[2] then redis.call('HDEL', KEYS[3], ARGV[1]) end
  return {'OK'}
end
if cur and cur ~= ARGV[2] then return {'MINE', cur} end
if not m[1] then return {'MISSING'} end
if m[1] ~= 'ARMED' or tonumber(ARGV[5]) >= tonumber(m[2]) then
  if cur then redis.call('HDEL', KEYS[3], ARGV[1]) end
  return {'EXPIRED'}
end
local seq = redis.call('LPOP', KEYS[2])
if not seq then
  if cur then redis.call('HDEL', KEYS[3], ARGV[1]) end
  return {'SOLD_OUT'}
end
redis.call('HSET', KEYS[3], ARGV[1], 'P' .. seq)
redis.call('PEXPIREAT', KEYS[3], m[3])
return {'POPPED', seq}
