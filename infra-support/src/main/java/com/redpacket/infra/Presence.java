package com.redpacket.infra;

/** What answers at an address: the server we want, nothing at all, or something we must not replace. */
public record Presence(State state, String detail) {

    public enum State { ANSWERS, ABSENT, FOREIGN }

    public static Presence answers(String detail) {
        return new Presence(State.ANSWERS, detail);
    }

    public static Presence absent(String detail) {
        return new Presence(State.ABSENT, detail);
    }

    public static Presence foreign(String detail) {
        return new Presence(State.FOREIGN, detail);
    }

    public boolean answers() {
        return state == State.ANSWERS;
    }
}
