package com.redpacket.platform.web;

/** One entry of a problem body's {@code errors}: the offending field (dotted path, header or parameter name) and why. */
public record FieldProblem(String field, String message) {
}
