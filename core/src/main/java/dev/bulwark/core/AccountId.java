package dev.bulwark.core;

import java.util.regex.Pattern;

/** A twelve-digit AWS account id. Every resource Bulwark stores belongs to exactly one. */
public record AccountId(String value) implements Comparable<AccountId> {
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    /** The account used when none is configured, as LocalStack and moto use it. */
    public static final AccountId DEFAULT = new AccountId("000000000000");

    public AccountId {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("An account id is twelve digits: " + value);
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static boolean isValid(String value) {
        return value != null && TWELVE_DIGITS.matcher(value).matches();
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
