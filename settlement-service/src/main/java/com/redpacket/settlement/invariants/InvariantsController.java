package com.redpacket.settlement.invariants;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops: the ledger's invariants, checked now. Internal (the gateway never routes {@code /internal/**}). */
@RestController
public class InvariantsController {
    private final InvariantChecker checker;

    public InvariantsController(InvariantChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/internal/invariants")
    public InvariantReport report() {
        return checker.check();
    }
}
