package com.redpacket.user;

import com.redpacket.platform.openapi.ApiDocsCompleteness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway serves for user-service documents every public endpoint, and only those. */
class ApiDocsIT extends AbstractUserServiceIT {
    @Test
    void everyPublicEndpointIsDocumented(@Autowired ApplicationContext context) {
        assertThat(ApiDocsCompleteness.assertComplete(context)).containsExactlyInAnyOrder(
                "POST /api/users/register", "POST /api/users/login", "GET /api/users/me",
                "POST /api/groups", "POST /api/groups/{id}/members", "GET /api/groups/{id}");
    }
}
