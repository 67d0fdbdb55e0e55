package com.redpacket.wechatpay.emulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The APIv3 envelope of every {@code /v3/**} call: the request's signature is verified over its exact bytes before
 * any controller runs, and every answer (errors too) leaves signed over its exact bytes.
 */
@Component
public class ApiV3Filter extends OncePerRequestFilter {
    /** The verified merchant id, for controllers that compare it with the body's. */
    static final String MCHID_ATTRIBUTE = ApiV3Filter.class.getName() + ".mchid";

    private final RequestVerifier verifier;
    private final PlatformSigner signer;
    private final JsonMapper json;

    public ApiV3Filter(RequestVerifier verifier, PlatformSigner signer, JsonMapper json) {
        this.verifier = verifier;
        this.signer = signer;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String url = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            ApiV3Authorization auth = verifier.verify(request.getMethod(), url, request.getHeader("Authorization"),
                    request.getHeader("Wechatpay-Serial"), new String(body, StandardCharsets.UTF_8));
            request.setAttribute(MCHID_ATTRIBUTE, auth.mchid());
            chain.doFilter(new ReplayedBody(request, body), answer);
        } catch (WechatPayError e) {
            answer.setStatus(e.status());
            answer.setContentType("application/json");
            answer.getOutputStream().write(json.writeValueAsBytes(Map.of("code", e.code(), "message", e.getMessage())));
        }
        String sent = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
        signer.responseHeaders(sent, url + "\n" + new String(body, StandardCharsets.UTF_8)).forEach(answer::setHeader);
        answer.setHeader("Request-ID", UUID.randomUUID().toString());
        answer.copyBodyToResponse();
    }

    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
