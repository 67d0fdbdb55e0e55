package com.redpacket.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's bearer-token reader answers exactly as Spring Security's converter does, header by header. */
class BearerTokensTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJlLXdpdGgtLS1fXy4rLw";

    @Test
    void readsEveryHeaderAsSpringSecurityDoes() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "BeArEr " + JWT, "Bearer abc==", "Bearer a=",
                "Bearer a-._~+/Z09", "Bearer =", "Bearer ==", "Bearer a=b", "Bearer a =", "Bearer  " + JWT,
                "Bearer\t" + JWT, "Bearer", "Bearer ", "Bearer" + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\n",
                " Bearer " + JWT, "Bearer " + JWT + ",x", "Bearer a b", "Bearer é", "Bearer 中", "Bearer a\u0000",
                "Bearers " + JWT, "BearerX " + JWT, "Basic dXNlcjpwYXNz", "Digest x", "", " ", "b", "bear",
                "Token " + JWT, "Bearer " + "A".repeat(8000), "Bearer a%20b", "Bearer a;b", "Bearer \"a\""));
        for (char c = 0; c < 128; c++) {
            headers.add("Bearer a" + c + "b");
            headers.add("Bearer ab" + c);
        }
        ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationConverter ours = new BearerTokens();
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, null)).isEqualTo(outcome(spring, null)).isEqualTo("none");
        assertThat(outcome(ours, "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(ours, "Bearer a b")).startsWith("error invalid_token");
    }

    /** "none", "token &lt;token&gt;" or "error &lt;code&gt; &lt;description&gt;". */
    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/users/me");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication auth = converter.convert(MockServerWebExchange.from(request)).block();
            return auth == null ? "none" : "token " + ((BearerTokenAuthenticationToken) auth).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
