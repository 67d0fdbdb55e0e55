-- Writes a packet's keys from packet-service's truth (an arm request or a rebuild), unless live keys exist: an armed
-- or closed packet keeps its state (a repeat arm is harmless); a missing, unpaid or unknown marker is replaced.
-- KEYS: meta, slots, grabbers. ARGV: state, keys expire at (ms), packet expires at (ms), groupId, receiverId,
-- number of free seqs n, the n seqs, then pairs of (user id, grabbers entry).
local cur = redis.call('HGET', KEYS[1], 'state')
if cur == 'ARMED' or cur == 'CLOSED' then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'keyExpiresAt', ARGV[2], 'expiresAt', ARGV[3], 'groupId', ARGV[4],
  'receiverId', ARGV[5])
local n = tonumber(ARGV[6])
if n > 0 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 7, 6 + n)) end
local i = 7 + n
while i < #ARGV do
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
redis.call('PEXPIREAT', KEYS[3], ARGV[2])
return 1
