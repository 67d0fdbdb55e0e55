package com.redpacket.grab;

/** API.md "Grab outcomes" (all answered 200). */
public enum GrabOutcome {
    GRABBED, ALREADY_GRABBED, SOLD_OUT, EXPIRED, NOT_PAYABLE_YET
}
