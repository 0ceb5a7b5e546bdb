package dev.bulwark.ssm.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parameter as its main record holds it: the name as it was created, the current version (whose
 * value is the record's sealed part, so that GetParameter is one read), the labels of all its
 * versions, and its tags. Labels live here rather than on the versions because a label names one
 * version of the parameter and moves between versions: one map keeps that true by construction.
 *
 * @param name    the name as first written ({@code app} or {@code /app}; both are the same parameter)
 * @param labels  label to the version it is attached to
 * @param tags    tag key to value, in the order they were added
 */
public record ParameterRecord(String name, ParameterVersion current, Map<String, Long> labels, Map<String, String> tags) {

    public ParameterRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The labels attached to one version, in name order. */
    public List<String> labelsOf(long version) {
        TreeSet<String> attached = new TreeSet<>();
        labels.forEach((label, labelled) -> {
            if (labelled == version) {
                attached.add(label);
            }
        });
        return List.copyOf(attached);
    }

    public ParameterRecord withCurrent(ParameterVersion version) {
        return new ParameterRecord(name, version, labels, tags);
    }

    public ParameterRecord withLabels(Map<String, Long> newLabels) {
        return new ParameterRecord(name, current, newLabels, tags);
    }

    public ParameterRecord withTags(Map<String, String> newTags) {
        return new ParameterRecord(name, current, labels, newTags);
    }
}
