package com.redpacket.grab;

import com.redpacket.platform.openapi.ApiDocsCompleteness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway serves for grab-service documents every public endpoint, and only those. */
class ApiDocsIT extends AbstractGrabIT {
    @Test
    void everyPublicEndpointIsDocumented(@Autowired ApplicationContext context) {
        assertThat(ApiDocsCompleteness.assertComplete(context)).containsExactly("POST /api/packets/{id}/grab");
    }
}
