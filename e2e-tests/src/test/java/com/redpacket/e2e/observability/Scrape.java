package com.redpacket.e2e.observability;

import com.redpacket.e2e.Api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of a process's {@code /actuator/prometheus}, as Prometheus reads it (text format 0.0.4). */
final class Scrape {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String process;
    private final List<Sample> samples;

    private Scrape(String process, List<Sample> samples) {
        this.process = process;
        this.samples = samples;
    }

    static Scrape of(Meters.Process process) {
        Api.Answer answer = new Api(process.actuatorUrl()).get("/actuator/prometheus", null);
        if (answer.status() != 200) {
            throw new AssertionError(process + ": /actuator/prometheus answered " + answer.status());
        }
        return new Scrape(process.name, parse(answer.body()));
    }

    /** The samples of a series whose labels include {@code labels} (name, value, name, value ...). */
    List<Sample> samples(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample s : samples) {
            if (s.name().equals(name) && hasLabels(s, labels)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The sum over those samples: a counter's total across tag values, replicas of a label, ... */
    double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    String process() {
        return process;
    }

    private static boolean hasLabels(Sample sample, String[] labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /** {@code name{label="value",...} value}; label values may hold braces and escaped quotes (uri="/a/{id}"). */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                i++;
            }
            String name = line.substring(0, i);
            Map<String, String> labels = new LinkedHashMap<>();
            if (i < line.length() && line.charAt(i) == '{') {
                i++;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq);
                    StringBuilder value = new StringBuilder();
                    int j = eq + 2;
                    while (line.charAt(j) != '"') {
                        if (line.charAt(j) == '\\') {
                            j++;
                        }
                        value.append(line.charAt(j++));
                    }
                    labels.put(key, value.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
            }
            String[] rest = line.substring(i).trim().split(" ");
            samples.add(new Sample(name, labels, Double.parseDouble(rest[0].replace("Inf", "Infinity"))));
        }
        return samples;
    }
}
