package com.redpacket.settlement.wallet;

import com.redpacket.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.redpacket.platform.web.CallerId;
import com.redpacket.settlement.SettlementProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Wallet": the caller's balance and statement (top-ups themselves are payment-service's). */
@RestController
@RequestMapping("/api/wallet")
@Tag(name = "Wallet", description = "The caller's balance and statement")
public class WalletController {
    static final int MAX_PAGE = 100;

    private final WalletStatement statement;
    private final SettlementProperties props;

    public WalletController(WalletStatement statement, SettlementProperties props) {
        this.statement = statement;
        this.props = props;
    }

    @GetMapping
    @Operation(summary = "The caller's balance", description = "A wallet nobody has paid into yet has balance 0.")
    public WalletBalance balance(@CallerId long userId) {
        return statement.balance(userId);
    }

    @GetMapping("/entries")
    @Operation(summary = "The caller's statement", description = "Every movement of the wallet, newest first.")
    public WalletEntriesPage entries(@CallerId long userId,
                                     @Parameter(description = "page size, 1..100 (default 20)", example = "20")
                                     @RequestParam(required = false) Integer limit,
                                     @Parameter(description = "nextCursor of the previous page; absent for the first "
                                             + "page") @RequestParam(required = false) String cursor) {
        int size = limit == null ? props.defaultPageSize() : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.invalid("limit", "must be 1.." + MAX_PAGE);
        }
        return statement.entries(userId, size, cursor);
    }
}
