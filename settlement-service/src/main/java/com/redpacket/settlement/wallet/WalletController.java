package com.redpacket.settlement.wallet;

import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.CallerId;
import com.redpacket.settlement.SettlementProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Wallet": the caller's balance and statement (top-ups themselves are payment-service's). */
@RestController
@RequestMapping("/api/wallet")
public class WalletController {
    static final int MAX_PAGE = 100;

    private final WalletStatement statement;
    private final SettlementProperties props;

    public WalletController(WalletStatement statement, SettlementProperties props) {
        this.statement = statement;
        this.props = props;
    }

    @GetMapping
    public WalletBalance balance(@CallerId long userId) {
        return statement.balance(userId);
    }

    @GetMapping("/entries")
    public WalletEntriesPage entries(@CallerId long userId, @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = limit == null ? props.defaultPageSize() : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.invalid("limit", "must be 1.." + MAX_PAGE);
        }
        return statement.entries(userId, size, cursor);
    }
}
