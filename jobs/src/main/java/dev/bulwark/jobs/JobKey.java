package dev.bulwark.jobs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a job: its type (which handler runs it, e.g. {@code kms.delete-key}) and an id unique
 * within the type (e.g. the key's scope and id). Scheduling the same key again replaces the
 * earlier schedule, so "at most one pending deletion per key" holds by construction.
 *
 * <p>A type is a short name of letters, digits, dots, dashes and underscores; it never holds a
 * slash, so that "type/id" names one job unambiguously in the store even when ids hold slashes.
 */
public record JobKey(String type, String id) {
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._-]+");

    public JobKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("A job needs a type and an id");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A job type is made of letters, digits, '.', '-' and '_', not " + type);
        }
    }
}
