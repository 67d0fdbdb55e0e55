package com.redpacket.packet.send;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.packet.PacketProperties;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits of a send (API.md "Limits", {@code redpacket.packet.*}), checked before anything is written. Every
 * violation is reported at once, each naming its field; membership in the group is checked afterwards by the caller
 * (it needs user-service).
 */
public final class SendRules {
    private static final Pattern OPEN_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final List<String> WECHAT_CHANNELS = List.of("NATIVE", "APP", "JSAPI");

    private final PacketProperties limits;

    public SendRules(PacketProperties limits) {
        this.limits = limits;
    }

    public ValidSend validate(long senderId, SendPacketRequest r) {
        List<FieldProblem> errors = new ArrayList<>();
        PacketType type = oneOf("type", r.type(), PacketType.class, errors);
        PayChannel payChannel = oneOf("payChannel", r.payChannel(), PayChannel.class, errors);
        String greeting = greeting(r.greeting(), errors);
        Long groupId = id("groupId", r.groupId(), errors);
        Long receiverId = id("receiverId", r.receiverId(), errors);
        String wechatChannel = wechatChannel(payChannel, r, errors);
        int count = 0;
        long total = 0;
        if (type != null) {
            count = count(type, r.count(), errors);
            total = total(type, count, r, errors);
            audience(type, senderId, groupId, receiverId, r, errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    errors, Map.of());
        }
        return new ValidSend(type, count, total, type == PacketType.GROUP_EQUAL ? r.amountEach() : null, greeting,
                groupId, receiverId, payChannel, wechatChannel,
                payChannel == PayChannel.WECHAT ? r.payerOpenId() : null);
    }

    private int count(PacketType type, Integer count, List<FieldProblem> errors) {
        if (type.toOneUser()) {
            if (count != null && count != 1) {
                errors.add(new FieldProblem("count", "must be 1 for a " + type + " packet"));
            }
            return 1;
        }
        if (count == null) {
            errors.add(new FieldProblem("count", "is required"));
        } else if (count < 1 || count > limits.maxCount()) {
            errors.add(new FieldProblem("count", "must be between 1 and " + limits.maxCount()));
        } else {
            return count;
        }
        return 0;
    }

    private long total(PacketType type, int count, SendPacketRequest r, List<FieldProblem> errors) {
        long min = limits.minShare();
        long max = limits.maxShare();
        if (type == PacketType.GROUP_EQUAL) {
            if (r.amountEach() == null) {
                errors.add(new FieldProblem("amountEach", "is required for a GROUP_EQUAL packet"));
                return 0;
            }
            if (r.amountEach() < min || r.amountEach() > max) {
                errors.add(new FieldProblem("amountEach", "must be between " + min + " and " + max + " fen"));
                return 0;
            }
            long total = r.amountEach() * count;
            if (r.totalAmount() != null && count > 0 && r.totalAmount() != total) {
                errors.add(new FieldProblem("totalAmount", "must be amountEach × count (" + total + ") or left out"));
            }
            return total;
        }
        if (r.amountEach() != null) {
            errors.add(new FieldProblem("amountEach", "is only for GROUP_EQUAL packets"));
        }
        if (r.totalAmount() == null) {
            errors.add(new FieldProblem("totalAmount", "is required"));
            return 0;
        }
        if (count > 0 && (r.totalAmount() < count * min || r.totalAmount() > count * max)) {
            errors.add(new FieldProblem("totalAmount", count == 1
                    ? "must be between " + min + " and " + max + " fen"
                    : "must be between " + count * min + " and " + count * max + " fen for " + count
                      + " shares (each share " + min + ".." + max + " fen)"));
        }
        return r.totalAmount();
    }

    private static void audience(PacketType type, long senderId, Long groupId, Long receiverId, SendPacketRequest r,
                                 List<FieldProblem> errors) {
        if (type.toOneUser()) {
            if (r.receiverId() == null) {
                errors.add(new FieldProblem("receiverId", "is required for a " + type + " packet"));
            } else if (receiverId != null && receiverId == senderId) {
                errors.add(new FieldProblem("receiverId", "must not be the sender"));
            }
        } else if (r.receiverId() != null) {
            errors.add(new FieldProblem("receiverId", "is only for SINGLE and EXCLUSIVE packets"));
        }
        if (type.inGroup() && r.groupId() == null) {
            errors.add(new FieldProblem("groupId", "is required for a " + type + " packet"));
        } else if (!type.inGroup() && r.groupId() != null) {
            errors.add(new FieldProblem("groupId", "is not for a SINGLE packet"));
        }
    }

    private String greeting(String greeting, List<FieldProblem> errors) {
        if (greeting == null || greeting.isBlank()) {
            return limits.defaultGreeting();
        }
        String text = greeting.strip();
        if (text.codePointCount(0, text.length()) > limits.greetingMaxLength()) {
            errors.add(new FieldProblem("greeting", "must be at most " + limits.greetingMaxLength() + " characters"));
        } else if (text.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE)) {
            errors.add(new FieldProblem("greeting", "must not contain control characters"));
        }
        return text;
    }

    private static String wechatChannel(PayChannel payChannel, SendPacketRequest r, List<FieldProblem> errors) {
        if (payChannel != PayChannel.WECHAT) {
            if (r.wechatChannel() != null) {
                errors.add(new FieldProblem("wechatChannel", "is only for payChannel WECHAT"));
            }
            if (r.payerOpenId() != null) {
                errors.add(new FieldProblem("payerOpenId", "is only for payChannel WECHAT"));
            }
            return null;
        }
        String channel = r.wechatChannel() == null ? "NATIVE" : r.wechatChannel();
        if (!WECHAT_CHANNELS.contains(channel)) {
            errors.add(new FieldProblem("wechatChannel", "must be one of " + WECHAT_CHANNELS));
        } else if (channel.equals("JSAPI") && (r.payerOpenId() == null || !OPEN_ID.matcher(r.payerOpenId()).matches())) {
            errors.add(new FieldProblem("payerOpenId", "is required for JSAPI: the payer's openid"));
        }
        return channel;
    }

    private static Long id(String field, String raw, List<FieldProblem> errors) {
        if (raw == null) {
            return null;
        }
        try {
            long id = Long.parseLong(raw);
            if (id > 0 && raw.equals(Long.toString(id))) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldProblem(field, "must be an id (a positive integer as a string)"));
        return null;
    }

    private static <E extends Enum<E>> E oneOf(String field, String raw, Class<E> type, List<FieldProblem> errors) {
        if (raw == null) {
            errors.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
