package com.redpacket.settlement;

import com.redpacket.platform.openapi.ApiDocsCompleteness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway serves for settlement-service documents every public endpoint, and only those. */
class ApiDocsIT extends AbstractSettlementIT {
    @Test
    void everyPublicEndpointIsDocumented(@Autowired ApplicationContext context) {
        assertThat(ApiDocsCompleteness.assertComplete(context)).containsExactlyInAnyOrder(
                "GET /api/wallet", "GET /api/wallet/entries");
    }
}
