package dev.bulwark.secretsmanager.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Staging labels, with AWS's rules: a label is attached to at most one version of a secret, so
 * attaching it to a version removes it from any other; whenever {@code AWSCURRENT} moves, the
 * version it leaves gets {@code AWSPREVIOUS} (which leaves whatever version had it). A version left
 * without labels is deprecated: it stays listed with IncludeDeprecated until pruned.
 */
public final class Stages {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    public static final String PENDING = "AWSPENDING";
    /** AWS's quota: staging labels attached across all versions of a secret. */
    public static final int MAX_LABELS = 20;

    private Stages() {
    }

    /** Attaches labels to a version, moving each from wherever it was. */
    public static Map<String, String> attach(Map<String, String> stages, String versionId, Collection<String> labels) {
        Map<String, String> result = new TreeMap<>(stages);
        for (String label : labels) {
            String from = result.put(label, versionId);
            if (label.equals(CURRENT) && from != null && !from.equals(versionId)) {
                result.put(PREVIOUS, from);
            }
        }
        if (labels.contains(CURRENT) && versionId.equals(result.get(PREVIOUS)) && !labels.contains(PREVIOUS)) {
            // The new current version is no longer the previous one.
            result.remove(PREVIOUS);
        }
        checkLimit(result);
        return result;
    }

    public static Map<String, String> detach(Map<String, String> stages, String label) {
        Map<String, String> result = new TreeMap<>(stages);
        result.remove(label);
        return result;
    }

    /** The versions that have at least one label. */
    public static Set<String> labelledVersions(Map<String, String> stages) {
        return new HashSet<>(stages.values());
    }

    private static void checkLimit(Map<String, String> stages) {
        if (stages.size() > MAX_LABELS) {
            throw SecretsErrors.limitExceeded("A secret can have at most " + MAX_LABELS
                    + " staging labels attached across all of its versions.");
        }
    }
}
