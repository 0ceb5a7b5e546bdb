package dev.bulwark.iam.internal;

import java.util.List;

/** An entity that carries tags: users and roles. */
interface Tagged<T extends Tagged<T>> {

    List<TagRecord> tags();

    T withTags(List<TagRecord> tags);
}
