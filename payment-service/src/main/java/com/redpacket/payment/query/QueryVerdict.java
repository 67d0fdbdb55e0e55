package com.redpacket.payment.query;

import com.redpacket.payment.wechat.ReportedTransaction;

import java.util.Optional;

/** What the active query does with a PENDING order, given what WeChat Pay says about it and whether it expired. */
enum QueryVerdict {
    /** WeChat Pay has the money: complete the order as its notification would. */
    COMPLETE,
    /** Not paid (yet) and not expired, or the payer is entering the password right now: ask again later. */
    WAIT,
    /** Expired unpaid: close it at WeChat Pay, then here. */
    CLOSE,
    /** Expired and WeChat Pay closed it already (its time_expire passed): close it here. */
    CLOSE_HERE;

    static QueryVerdict of(Optional<ReportedTransaction> reported, boolean expired) {
        if (reported.isPresent() && reported.get().paid()) {
            return COMPLETE;
        }
        String state = reported.map(ReportedTransaction::tradeState).orElse("NOT_FOUND");
        if (!expired || state.equals("USERPAYING")) {
            return WAIT;
        }
        return state.equals("CLOSED") ? CLOSE_HERE : CLOSE;
    }
}
