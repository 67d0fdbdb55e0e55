package com.redpacket.packet;

import com.redpacket.platform.openapi.ApiDocsCompleteness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway serves for packet-service documents every public endpoint, and only those. */
class ApiDocsIT extends AbstractPacketIT {
    @Test
    void everyPublicEndpointIsDocumented(@Autowired ApplicationContext context) {
        assertThat(ApiDocsCompleteness.assertComplete(context)).containsExactlyInAnyOrder(
                "POST /api/packets", "POST /api/packets/{id}/client-paid", "GET /api/packets/{id}",
                "GET /api/packets/sent", "GET /api/packets/received");
    }
}
