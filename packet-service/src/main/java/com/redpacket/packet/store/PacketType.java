package com.redpacket.packet.store;

/** API.md "Send body": who may open the packet and how it is split. */
public enum PacketType {
    /** to one user, one share */
    SINGLE,
    /** random shares among the members of a group */
    GROUP_LUCKY,
    /** identical shares among the members of a group */
    GROUP_EQUAL,
    /** a group packet only one member may open, one share */
    EXCLUSIVE;

    public boolean toOneUser() {
        return this == SINGLE || this == EXCLUSIVE;
    }

    public boolean inGroup() {
        return this != SINGLE;
    }
}
