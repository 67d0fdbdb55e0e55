package com.redpacket.packet.read;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of a list (API.md): the items, the cursor of the next page (null at the end), and the list's totals. */
public record Page<T>(List<T> items,
                      @Schema(description = "pass as cursor for the next page; absent on the last page",
                              example = "v1:1839204857263001") String nextCursor,
                      @Schema(description = "fen, over the whole list", example = "12800") long totalAmount,
                      @Schema(description = "items in the whole list", example = "17") long count) {
}
