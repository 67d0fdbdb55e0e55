package com.redpacket.user.group;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A group as its members see it; ids are strings. */
public record GroupView(@Schema(example = "1839204857261090") String id,
                        @Schema(example = "家人群") String name,
                        @Schema(example = "1839204857261056") String ownerId,
                        @ArraySchema(schema = @Schema(example = "1839204857261056")) List<String> memberIds) {
    static GroupView of(Group group, List<Long> members) {
        return new GroupView(Long.toString(group.id()), group.name(), Long.toString(group.ownerId()),
                members.stream().map(String::valueOf).toList());
    }
}
