package com.redpacket.infra;

/** Infrastructure could not be had; the message says what to do about it and is shown as is. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
