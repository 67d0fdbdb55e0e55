package com.redpacket.e2e.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * bench/BAD-INPUT.md: how many requests of each category went to each endpoint and what they got back. It holds no
 * time or random value, so a run that behaves the same writes the same file.
 */
final class BadInputReport {
    private final Map<String, Map<String, Map<String, Integer>>> byEndpoint = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> byCategory = new TreeMap<>();
    private final Set<String> changed = new TreeSet<>();
    private int requests;

    void count(Case c, String outcome) {
        requests++;
        byEndpoint.computeIfAbsent(c.endpoint(), e -> new TreeMap<>()).computeIfAbsent(c.category(),
                x -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        byCategory.computeIfAbsent(c.category(), x -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    void stateChange(String endpoint) {
        changed.add(endpoint);
    }

    void write(Path file, List<String> violations) {
        long fivexx = byCategory.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().startsWith("5")).mapToLong(Map.Entry::getValue).sum();
        StringBuilder md = new StringBuilder("# Bad-input corpus\n\n")
                .append("Written by e2e-tests `BadInputE2E` (run by `.ci/run`'s e2e phase, or `dev/test -Pe2e -pl ")
                .append("e2e-tests -am -Dit.test=BadInputE2E` against `dev/up`). Every request goes through the ")
                .append("gateway to a public endpoint of API.md. Expected: no 5xx; every 4xx an RFC 9457 problem ")
                .append("body with a `code` (`{\"code\":\"FAIL\",...}` on `/pay/notify/wechat`); nothing that must ")
                .append("be refused accepted; no refused call changes any state: the caller's and a friend's profile, ")
                .append("wallets, statements, packet lists, group, packets and top-up, and the rows every service ")
                .append("wrote, compared around each endpoint's refusals and around every call that might be accepted; ")
                .append("settlement's invariant figures around each endpoint's refusals.\n\n")
                .append("**Requests sent: ").append(requests).append(". 5xx answers: ").append(fivexx)
                .append(". Endpoints with a state change from a refused call: ").append(changed.size())
                .append(". Violations found: ").append(violations.size()).append(".**\n\n")
                .append("## By category\n\n| category | requests | answers |\n|---|---|---|\n");
        byCategory.forEach((category, outcomes) -> md.append("| ").append(category).append(" | ")
                .append(outcomes.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(answers(outcomes)).append(" |\n"));
        md.append("\n## By endpoint\n\n| endpoint | requests | answers | categories |\n|---|---|---|---|\n");
        byEndpoint.forEach((endpoint, categories) -> {
            Map<String, Integer> outcomes = new TreeMap<>();
            categories.values().forEach(m -> m.forEach((k, v) -> outcomes.merge(k, v, Integer::sum)));
            md.append("| `").append(endpoint).append("` | ")
                    .append(outcomes.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                    .append(answers(outcomes)).append(" | ").append(String.join(", ", categories.keySet()))
                    .append(" |\n");
        });
        md.append("\n**Violations: ").append(violations.size()).append("**\n");
        violations.forEach(v -> md.append("- ").append(v.replace("|", "\\|")).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String answers(Map<String, Integer> outcomes) {
        StringBuilder s = new StringBuilder();
        outcomes.forEach((outcome, n) -> s.append(s.isEmpty() ? "" : ", ").append(outcome).append(" ×").append(n));
        return s.toString();
    }
}
