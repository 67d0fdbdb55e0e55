package com.redpacket.packet;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.ArmRequest;
import com.redpacket.contracts.internal.GroupMembers;
import com.redpacket.contracts.internal.PacketDebitRequest;
import com.redpacket.contracts.internal.PacketDebitResult;
import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import com.redpacket.platform.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-test stand-ins for packet-service's peers, on their real internal paths and with their contracts' semantics:
 * the debit is idempotent by packet id and refuses (moving nothing) when the wallet is short, like
 * settlement-service's; the prepay is idempotent by (purpose, reference) like payment-service's.
 */
@RestController
public class PeerStandIns {
    public final Map<Long, Long> balances = new ConcurrentHashMap<>();
    public final Map<Long, PacketDebitResult> debits = new ConcurrentHashMap<>();
    public final AtomicInteger debitCalls = new AtomicInteger();
    /** users whose next debit answers 503 after moving the money (the answer is lost) */
    public final Set<Long> loseNextDebitAnswer = ConcurrentHashMap.newKeySet();
    public final Map<Long, PrepayRequest> orders = new ConcurrentHashMap<>();
    public final List<ArmRequest> arms = new CopyOnWriteArrayList<>();
    public final List<Long> disarms = new CopyOnWriteArrayList<>();
    public final Map<Long, List<Long>> groups = new ConcurrentHashMap<>();

    @PostMapping("/internal/wallets/{userId}/packet-debits")
    public synchronized PacketDebitResult debit(@PathVariable long userId, @RequestBody PacketDebitRequest r) {
        debitCalls.incrementAndGet();
        PacketDebitResult first = debits.get(r.packetId());
        if (first != null) {
            return new PacketDebitResult(r.packetId(), userId, first.amount(), first.balanceAfter(), true);
        }
        long balance = balances.getOrDefault(userId, 0L);
        if (balance < r.amount()) {
            throw ApiException.of(ErrorCode.INSUFFICIENT_BALANCE, "The wallet holds less than " + r.amount() + " fen");
        }
        balances.put(userId, balance - r.amount());
        PacketDebitResult result = new PacketDebitResult(r.packetId(), userId, r.amount(), balance - r.amount(), false);
        debits.put(r.packetId(), result);
        if (loseNextDebitAnswer.remove(userId)) {
            throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "answer lost after the debit");
        }
        return result;
    }

    @PostMapping("/internal/payments/orders")
    public PrepayResult prepay(@RequestBody PrepayRequest r) {
        orders.putIfAbsent(r.referenceId(), r);
        String outTradeNo = "P" + r.referenceId();
        return r.channel().equals("NATIVE")
                ? new PrepayResult(outTradeNo, "PENDING", "weixin://wxpay/bizpayurl?pr=" + r.referenceId(), null)
                : new PrepayResult(outTradeNo, "PENDING", null, Map.of("prepayId", "wx" + r.referenceId()));
    }

    @PutMapping("/internal/packets/{id}/arming")
    public ResponseEntity<Void> arm(@PathVariable long id, @RequestBody ArmRequest r) {
        arms.add(r);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/internal/packets/{id}/arming")
    public ResponseEntity<Void> disarm(@PathVariable long id) {
        disarms.add(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/internal/groups/{id}/members")
    public GroupMembers members(@PathVariable long id) {
        List<Long> members = groups.get(id);
        if (members == null) {
            throw ApiException.of(ErrorCode.GROUP_NOT_FOUND, "No group " + id);
        }
        return new GroupMembers(id, members);
    }

    public long armsOf(long packetId) {
        return arms.stream().filter(a -> a.packetId() == packetId).count();
    }
}
