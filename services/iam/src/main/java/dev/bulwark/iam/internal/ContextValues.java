package dev.bulwark.iam.internal;

import java.util.Base64;
import java.util.List;

/**
 * Checks the values of a simulation's context entry against its {@code ContextKeyType}
 * ({@code string}, {@code numericList}, {@code ip}, ...). The engine reads every value as a
 * string, as AWS does; the check only turns a value that cannot be of its type into AWS's
 * {@code InvalidInput} instead of a condition that silently never matches. Dates and IP
 * addresses are left to the condition operators, which accept their several forms.
 */
final class ContextValues {
    private ContextValues() {
    }

    static void check(String key, String type, List<String> values) {
        if (type == null) {
            throw IamErrors.invalidInput("ContextKeyType is required for the context key " + key + ".");
        }
        boolean list = type.endsWith("List");
        String scalar = list ? type.substring(0, type.length() - "List".length()) : type;
        if (!list && values.size() > 1) {
            throw IamErrors.invalidInput("The context key " + key + " of type " + type + " takes one value.");
        }
        for (String value : values) {
            if (!valid(scalar, value)) {
                throw IamErrors.invalidInput("The value " + value + " of the context key " + key
                        + " is not of type " + type + ".");
            }
        }
    }

    private static boolean valid(String type, String value) {
        try {
            return switch (type) {
                case "string" -> true;
                case "numeric" -> {
                    Double.parseDouble(value);
                    yield true;
                }
                case "boolean" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                // Dates and addresses have several accepted forms; the condition operators parse them.
                case "date", "ip" -> true;
                case "binary" -> {
                    Base64.getDecoder().decode(value);
                    yield true;
                }
                default -> throw IamErrors.invalidInput("Invalid ContextKeyType: " + type);
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
