package com.redpacket.packet.read;

import java.util.List;

/** A page of a list (API.md): the items, the cursor of the next page (null at the end), and the list's totals. */
public record Page<T>(List<T> items, String nextCursor, long totalAmount, long count) {
}
