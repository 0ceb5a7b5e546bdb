package dev.bulwark.ssm.internal;

import java.time.Instant;

/** A service setting the account changed from its default (a reset deletes the record). */
public record SettingRecord(String value, Instant lastModifiedDate, String lastModifiedUser) {
}
