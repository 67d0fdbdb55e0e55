-- Closes an armed packet (expired, cancelled): no slot is handed out any more; who grabbed stays known, so a repeat
-- grab still answers with the user's own share. Missing keys are left missing: a rebuild reads the closed state.
-- KEYS: meta, slots.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'CLOSED')
redis.call('DEL', KEYS[2])
return 1
