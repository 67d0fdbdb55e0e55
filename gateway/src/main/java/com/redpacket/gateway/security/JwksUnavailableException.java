package com.redpacket.gateway.security;

/** The keys to check a token with could not be had (user-service down or not registered yet): 503, not 401. */
public class JwksUnavailableException extends RuntimeException {
    public JwksUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
