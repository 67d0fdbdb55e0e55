package com.redpacket.user.input;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What users may type, as plain rules. Each check adds a problem naming the field to {@link FieldErrors} and returns
 * the value to store (trimmed where trimming is part of the rule), or null when the value is unusable.
 * <ul>
 * <li>username: 3..32 characters of {@code A-Z a-z 0-9 _ . -}; unique regardless of case (the column's collation).
 * ASCII only so that look-alike letters from other scripts cannot impersonate someone.</li>
 * <li>password: at least 8 characters and at most 72 bytes of UTF-8 (bcrypt ignores anything past 72 bytes, so a
 * longer one would silently be a shorter one); no control characters.</li>
 * <li>display text (nickname, group name): any Unicode, trimmed, not empty, at most N code points (an emoji counts
 * once, as the app shows it), no control characters, no bidirectional overrides (which can make a name read as
 * another), no broken surrogate pairs (which the database would refuse).</li>
 * </ul>
 */
public final class InputRules {
    public static final int USERNAME_MAX = 32;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int NICKNAME_MAX = 32;
    public static final int GROUP_NAME_MAX = 64;
    public static final String USERNAME_REGEX = "[A-Za-z0-9_.-]{3,32}";
    private static final Pattern USERNAME = Pattern.compile(USERNAME_REGEX);
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private InputRules() {
    }

    public static String username(String raw, FieldErrors errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add("username", "is required");
            return null;
        }
        if (!isUsername(raw)) {
            errors.add("username", "must be 3 to 32 characters of A-Z, a-z, 0-9, '_', '.' and '-'");
            return null;
        }
        return raw;
    }

    /** Whether registration would take this as a username. */
    public static boolean isUsername(String raw) {
        return raw != null && USERNAME.matcher(raw).matches();
    }

    public static String password(String raw, FieldErrors errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add("password", "is required");
            return null;
        }
        if (raw.codePointCount(0, raw.length()) < PASSWORD_MIN) {
            errors.add("password", "must be at least " + PASSWORD_MIN + " characters");
            return null;
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add("password", "must be at most " + PASSWORD_MAX_BYTES + " bytes of UTF-8");
            return null;
        }
        String bad = badCharacter(raw, false);
        if (bad != null) {
            errors.add("password", bad);
            return null;
        }
        return raw;
    }

    /** A login attempt: present and not absurd; whether it is right is the password hash's business. */
    public static String credential(String field, String raw, int maxChars, FieldErrors errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (raw.length() > maxChars) {
            errors.add(field, "is too long");
            return null;
        }
        return raw;
    }

    public static String displayText(String field, String raw, int maxCodePoints, FieldErrors errors) {
        if (raw == null) {
            errors.add(field, "is required");
            return null;
        }
        String bad = badCharacter(raw, true);
        if (bad != null) {
            errors.add(field, bad);
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            errors.add(field, "must not be blank");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            errors.add(field, "must be at most " + maxCodePoints + " characters");
            return null;
        }
        return text;
    }

    /** A user id as the public API carries it: a positive 64-bit decimal in a string. */
    public static Long userId(String field, String raw, FieldErrors errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (!USER_ID.matcher(raw).matches()) {
            errors.add(field, "must be a user id");
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            errors.add(field, "must be a user id");
            return null;
        }
    }

    private static String badCharacter(String text, boolean refuseBidiControls) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an invalid character (broken surrogate pair)";
            } else if (Character.isISOControl(c)) {
                return "must not contain control characters";
            } else if (refuseBidiControls && isBidiControl(c)) {
                return "must not contain bidirectional control characters";
            }
        }
        return null;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
