package com.redpacket.wechatpay.emulator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** APIv3 payments: Native / App / JSAPI prepay, query by out_trade_no or transaction id, close. */
@RestController
public class TransactionsController {
    private final TradeBook book;

    public TransactionsController(TradeBook book) {
        this.book = book;
    }

    @PostMapping("/v3/pay/transactions/{type:native|app|jsapi}")
    Object prepay(@PathVariable String type, @RequestBody Wire.PrepayBody body, HttpServletRequest request) {
        String tradeType = type.toUpperCase(Locale.ROOT);
        Trade trade = book.prepay(tradeType, body, (String) request.getAttribute(ApiV3Filter.MCHID_ATTRIBUTE));
        return tradeType.equals("NATIVE") ? new Wire.NativePrepay(trade.codeUrl) : new Wire.Prepay(trade.prepayId);
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    Wire.Transaction byOutTradeNo(@PathVariable String outTradeNo, @RequestParam String mchid) {
        Trade trade = book.find(outTradeNo);
        requireOwner(trade, mchid);
        return trade.toTransaction();
    }

    @GetMapping("/v3/pay/transactions/id/{transactionId}")
    Wire.Transaction byTransactionId(@PathVariable String transactionId, @RequestParam String mchid) {
        Trade trade = book.findByTransactionId(transactionId);
        requireOwner(trade, mchid);
        return trade.toTransaction();
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    ResponseEntity<Void> close(@PathVariable String outTradeNo, @RequestBody Wire.CloseBody body) {
        requireOwner(book.find(outTradeNo), body.mchid());
        book.close(outTradeNo);
        return ResponseEntity.noContent().build();
    }

    private static void requireOwner(Trade trade, String mchid) {
        if (!trade.order.mchid().equals(mchid)) {
            throw WechatPayError.orderNotFound();
        }
    }
}
