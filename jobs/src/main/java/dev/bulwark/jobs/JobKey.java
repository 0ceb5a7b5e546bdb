package dev.bulwark.jobs;

import java.util.Objects;

/**
 * Names a job: its type (which handler runs it, e.g. {@code kms.delete-key}) and an id unique
 * within the type (e.g. the key's scope and id). Scheduling the same key again replaces the
 * earlier schedule, so "at most one pending deletion per key" holds by construction.
 */
public record JobKey(String type, String id) {
    public JobKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("A job needs a type and an id");
        }
    }
}
