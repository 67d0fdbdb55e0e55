package com.redpacket.payment.query;

import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.completion.PaymentCompletion;
import com.redpacket.payment.order.OrderRepository;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.payment.order.PaymentProperties;
import com.redpacket.payment.wechat.ReportedTransaction;
import com.redpacket.payment.wechat.WechatPayClient;
import com.redpacket.payment.wechat.WechatPayUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The active query (查单): PENDING orders whose notification has not come are asked about at WeChat Pay. A paid
 * one is completed through {@link PaymentCompletion}, exactly as its notification would have been; one past its
 * timeout is closed at WeChat Pay first and then here ({@link OrderClosing}). A failed query (WeChat Pay down, an
 * answer that does not verify) changes nothing and is tried again on the order's next turn.
 */
@Component
public class ActiveQueryJob {
    private static final Logger log = LoggerFactory.getLogger(ActiveQueryJob.class);

    private final OrderRepository orders;
    private final WechatPayClient wechatPay;
    private final PaymentCompletion completion;
    private final OrderClosing closing;
    private final PaymentProperties.Query props;

    public ActiveQueryJob(OrderRepository orders, WechatPayClient wechatPay, PaymentCompletion completion,
                          OrderClosing closing, PaymentProperties props) {
        this.orders = orders;
        this.wechatPay = wechatPay;
        this.completion = completion;
        this.closing = closing;
        this.props = props.query();
    }

    @Scheduled(fixedDelayString = "${redpacket.payment.query.interval:PT10S}")
    public void run() {
        Instant now = Instant.now();
        for (PaymentOrder order : orders.dueForQuery(now, props.batchSize())) {
            // the next turn is booked first, so an order that keeps failing cannot hold up the others
            orders.postponeQuery(order.outTradeNo(), now.plus(props.every()));
            try {
                check(order);
            } catch (WechatPayUnavailable | TransactionRefused e) {
                log.warn("active query of {} failed, will try again: {}", order.outTradeNo(), e.getMessage());
            }
        }
    }

    private void check(PaymentOrder order) {
        Optional<ReportedTransaction> reported = wechatPay.query(order.outTradeNo());
        switch (QueryVerdict.of(reported, !Instant.now().isBefore(order.expiresAt()))) {
            case COMPLETE -> completion.complete(reported.orElseThrow(), PaymentCompletion.Source.QUERY);
            case WAIT -> { }
            case CLOSE -> {
                if (wechatPay.close(order.outTradeNo()) == WechatPayClient.CloseResult.ALREADY_PAID) {
                    wechatPay.query(order.outTradeNo()).filter(ReportedTransaction::paid)
                            .ifPresent(paid -> completion.complete(paid, PaymentCompletion.Source.QUERY));
                } else {
                    closeHere(order);
                }
            }
            case CLOSE_HERE -> closeHere(order);
        }
    }

    private void closeHere(PaymentOrder order) {
        if (closing.close(order)) {
            log.info("order {} closed unpaid after its timeout", order.outTradeNo());
        }
    }
}
