package com.redpacket.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * {@code redpacket.gateway.*}: what the public edge accepts.
 *
 * @param maxBodySize   largest request body (413 beyond); the services enforce the same default themselves
 * @param maxUriLength  longest path and query (414 beyond)
 * @param maxHeaderSize largest request headers, names and values together (431 beyond)
 * @param cors          browsers' cross-origin access (a native app sends no Origin and is not affected)
 */
@ConfigurationProperties("redpacket.gateway")
public record EdgeProperties(DataSize maxBodySize, DataSize maxUriLength, DataSize maxHeaderSize, Cors cors) {
    public EdgeProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        maxUriLength = maxUriLength == null ? DataSize.ofKilobytes(4) : maxUriLength;
        maxHeaderSize = maxHeaderSize == null ? DataSize.ofKilobytes(8) : maxHeaderSize;
        cors = cors == null ? new Cors(null, null) : cors;
    }

    /**
     * @param allowedOriginPatterns origins (patterns) whose web pages may call the API, e.g. the H5 pages of the app;
     *                              default: local development servers only
     * @param maxAge                how long a browser may cache a preflight answer
     */
    public record Cors(List<String> allowedOriginPatterns, Duration maxAge) {
        public Cors {
            allowedOriginPatterns = allowedOriginPatterns == null
                    ? List.of("http://localhost:[*]", "http://127.0.0.1:[*]") : List.copyOf(allowedOriginPatterns);
            maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        }
    }
}
