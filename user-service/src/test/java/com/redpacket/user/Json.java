package com.redpacket.user;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public final class Json {
    private static final JsonMapper mapper = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode read(String json) {
        return mapper.readTree(json);
    }
}
