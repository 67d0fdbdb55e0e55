package com.redpacket.user.input;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Collects every problem of one request, so the app can show them all at once, then fails with a 400 naming them. */
public final class FieldErrors {
    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws 400 VALIDATION_FAILED with all collected problems, if there are any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            String detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
            throw new ApiException(ErrorCode.VALIDATION_FAILED, detail, problems, Map.of());
        }
    }
}
