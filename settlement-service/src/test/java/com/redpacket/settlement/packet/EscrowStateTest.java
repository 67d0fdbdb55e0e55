package com.redpacket.settlement.packet;

import org.junit.jupiter.api.Test;

import static com.redpacket.settlement.packet.EscrowState.ClaimStep.CREDIT;
import static com.redpacket.settlement.packet.EscrowState.ClaimStep.SHORT;
import static com.redpacket.settlement.packet.EscrowState.ClaimStep.VOID;
import static com.redpacket.settlement.packet.EscrowState.ClaimStep.WAIT_FOR_FUNDING;
import static com.redpacket.settlement.packet.EscrowState.FundingStep.DUPLICATE;
import static com.redpacket.settlement.packet.EscrowState.FundingStep.FUND;
import static com.redpacket.settlement.packet.EscrowState.FundingStep.RETURN_TO_PAYER;
import static com.redpacket.settlement.packet.EscrowState.RefundStep;
import static org.assertj.core.api.Assertions.assertThat;

/** Every order in which a packet's facts can arrive, decided in plain Java. */
class EscrowStateTest {
    private static final EscrowState NEW = EscrowState.unknown(1).withSender(7);
    private static final EscrowState FUNDED = NEW.withFunding(7, 300, "wx-1");

    @Test
    void aClaimWaitsForTheFundingThenIsCreditedWhileTheShareIsHeld() {
        assertThat(NEW.onClaim(100)).isEqualTo(WAIT_FOR_FUNDING);
        assertThat(FUNDED.onClaim(300)).isEqualTo(CREDIT);
        assertThat(FUNDED.withCredited(250).onClaim(100)).as("more claimed than paid in").isEqualTo(SHORT);
        assertThat(FUNDED.held()).isEqualTo(300);
        assertThat(FUNDED.withCredited(100).withRefunded(50).held()).isEqualTo(150);
    }

    @Test
    void aCancelledPacketsClaimsAreVoidFundedOrNot() {
        assertThat(NEW.withCancelled().onClaim(1)).isEqualTo(VOID);
        assertThat(FUNDED.withCancelled().onClaim(1)).isEqualTo(VOID);
    }

    @Test
    void theFirstPaymentFundsTheSameOneIsADuplicateAnyOtherGoesBack() {
        assertThat(NEW.onFunding("wx-1")).isEqualTo(FUND);
        assertThat(FUNDED.onFunding("wx-1")).isEqualTo(DUPLICATE);
        assertThat(FUNDED.onFunding("wx-2")).isEqualTo(RETURN_TO_PAYER);
        assertThat(NEW.withCancelled().onFunding("wx-1")).isEqualTo(RETURN_TO_PAYER);
    }

    @Test
    void anExpiryRefundWaitsForTheFundingAndHappensOnce() {
        EscrowState expired = NEW.withRefundDue(120);
        assertThat(expired.refundStep()).as("nothing was paid in yet").isEqualTo(RefundStep.NONE);
        EscrowState fundedLater = expired.withFunding(7, 300, "wx-1").withCredited(180);
        assertThat(fundedLater.refundStep()).isEqualTo(RefundStep.REFUND);
        assertThat(fundedLater.withRefunded(120).refundStep()).isEqualTo(RefundStep.NONE);
        assertThat(fundedLater.withRefunded(120).held()).isZero();
        assertThat(FUNDED.withRefundDue(0).refundStep()).isEqualTo(RefundStep.NOTHING_TO_REFUND);
        assertThat(FUNDED.withCredited(250).withRefundDue(100).refundStep()).isEqualTo(RefundStep.SHORT);
        assertThat(FUNDED.withRefundDue(100).withCancelled().refundStep()).isEqualTo(RefundStep.NONE);
    }

    @Test
    void aSecondExpiryDoesNotChangeTheRefundDue() {
        assertThat(NEW.withRefundDue(40).withRefundDue(90).refundDue()).isEqualTo(40);
    }

    @Test
    void aCancellationGivesBackWhatIsHeld() {
        assertThat(NEW.voidAmount()).isZero();
        assertThat(FUNDED.withCredited(100).voidAmount()).isEqualTo(200);
    }

    @Test
    void theRefundGoesToTheSenderElseToWhoeverPaid() {
        assertThat(EscrowState.unknown(1).withFunding(9, 10, "BALANCE").refundRecipient()).isEqualTo(9);
        assertThat(EscrowState.unknown(1).withSender(3).withFunding(9, 10, "BALANCE").refundRecipient()).isEqualTo(3);
        assertThat(NEW.withSender(8).senderId()).as("the first sender stands").isEqualTo(7);
    }
}
