package com.redpacket.platform.openapi;

import com.redpacket.contracts.error.ErrorCode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes a public endpoint answers with, for its OpenAPI document. Only what the endpoint's own logic (or a
 * service it calls, or the gateway in front of it) decides: the codes the platform itself answers are added from the
 * handler's signature ({@link ApiDocsOperations}). Documentation only; no effect on what the endpoint does.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {
    ErrorCode[] value();
}
