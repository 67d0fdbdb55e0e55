package com.redpacket.e2e.support;

import java.util.List;

/** A chat group as POST /api/groups answered it. */
public record TestGroup(String id, String name, String ownerId, List<String> memberIds) {
}
