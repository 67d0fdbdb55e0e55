package com.redpacket.user.group;

import com.redpacket.user.input.InputRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** {@code POST /api/groups}: the caller becomes owner and member; {@code memberIds} (user ids as strings) may be empty. */
public record CreateGroupRequest(
        @Schema(requiredMode = REQUIRED, maxLength = InputRules.GROUP_NAME_MAX, example = "家人群") String name,
        @ArraySchema(schema = @Schema(example = "1839204857261057"),
                arraySchema = @Schema(description = "Other members (the caller is added anyway); at most "
                        + "redpacket.groups.max-size in all"))
        List<String> memberIds) {
}
