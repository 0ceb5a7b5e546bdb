package dev.bulwark.iam.internal;

/** A tag on a user, role or managed policy, as stored. */
record TagRecord(String key, String value) {
}
