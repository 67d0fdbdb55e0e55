package com.redpacket.settlement.packet;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.PacketDebitRequest;
import com.redpacket.contracts.internal.PacketDebitResult;
import com.redpacket.platform.web.ApiException;
import com.redpacket.settlement.SettlementProperties;
import com.redpacket.settlement.ledger.BusinessKeys;
import com.redpacket.settlement.ledger.InsufficientFunds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * packet-service's debit of a sender for a BALANCE packet: wallet → the packet's escrow, which is that packet's
 * funding. Idempotent by packet id: the packet's escrow row lock serialises concurrent attempts, the first debits,
 * every later one (also a concurrent one) gets the first answer with {@code replayed = true}.
 */
@Service
public class PacketDebits {
    private final TransactionTemplate tx;
    private final EscrowRepository escrows;
    private final PacketSettlement settlement;
    private final JdbcClient jdbc;
    private final SettlementProperties props;

    public PacketDebits(TransactionTemplate tx, EscrowRepository escrows, PacketSettlement settlement, JdbcClient jdbc,
                        SettlementProperties props) {
        this.tx = tx;
        this.escrows = escrows;
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.props = props;
    }

    public PacketDebitResult debit(long userId, PacketDebitRequest request) {
        validate(userId, request);
        return tx.execute(status -> {
            EscrowState state = escrows.lock(request.packetId());
            if (state.funded()) {
                return replay(userId, request);
            }
            if (state.cancelled()) {
                throw ApiException.of(ErrorCode.PACKET_STATE_CONFLICT, "Packet " + request.packetId() + " is cancelled");
            }
            try {
                settlement.fund(state, Funding.fromWallet(userId, request.amount()));
            } catch (InsufficientFunds e) {
                throw new ApiException(ErrorCode.INSUFFICIENT_BALANCE,
                        "The wallet holds less than " + request.amount() + " fen", java.util.List.of(),
                        Map.of("amount", request.amount()));
            }
            WalletDebit debit = find(request.packetId()).orElseThrow();
            return new PacketDebitResult(request.packetId(), userId, debit.amount(), debit.balanceAfter(), false);
        });
    }

    private PacketDebitResult replay(long userId, PacketDebitRequest request) {
        WalletDebit first = find(request.packetId()).orElseThrow(() -> ApiException.of(ErrorCode.PACKET_STATE_CONFLICT,
                "Packet " + request.packetId() + " was already paid through WeChat Pay"));
        if (first.userId() != userId || first.amount() != request.amount()) {
            throw ApiException.of(ErrorCode.CONFLICT, "Packet " + request.packetId()
                    + " was already debited with a different user or amount");
        }
        return new PacketDebitResult(request.packetId(), userId, first.amount(), first.balanceAfter(), true);
    }

    /** The wallet entry of the packet's funding, if it was funded from a wallet. */
    public Optional<WalletDebit> find(long packetId) {
        return jdbc.sql("""
                        SELECT e.owner_id, e.amount, e.balance_after
                        FROM ledger_txn t JOIN ledger_entry e ON e.txn_id = t.id
                        WHERE t.business_key = :key AND e.account_kind = 'WALLET'""")
                .param("key", BusinessKeys.packetFunded(packetId))
                .query((rs, i) -> new WalletDebit(rs.getLong(1), -rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    private void validate(long userId, PacketDebitRequest request) {
        if (userId <= 0) {
            throw ApiException.invalid("userId", "must be a positive user id");
        }
        if (request.packetId() <= 0) {
            throw ApiException.invalid("packetId", "must be a positive packet id");
        }
        if (request.amount() <= 0 || request.amount() > props.maxPacketAmount()) {
            throw ApiException.invalid("amount", "must be 1.." + props.maxPacketAmount() + " fen");
        }
    }
}
