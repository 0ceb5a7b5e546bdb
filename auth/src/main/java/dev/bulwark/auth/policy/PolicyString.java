package dev.bulwark.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string of a policy that may hold wildcards and, in Version 2012-10-17 documents, policy
 * variables: a Resource or NotResource entry, or a value of a string or ARN condition.
 *
 * <p>Variables are {@code ${key}} or {@code ${key, 'default'}}; the key names a request context
 * key (case-insensitively) and the default is used when the key has no single value.
 * {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the literal characters. A variable that
 * cannot be resolved makes the whole string match nothing, as AWS documents for variables with
 * no value ("there is no equal or like value"). A substituted value is literal text: a user named
 * {@code a*} does not turn the pattern into a wildcard. Keys with several values (such as
 * {@code aws:TagKeys}) cannot be variables. Before Version 2012-10-17, {@code ${...}} is plain
 * text.
 *
 * <p>A {@code ${} without its closing brace is plain text; a closed one whose inside is not of
 * the forms above never resolves, so a typo fails closed.
 */
final class PolicyString {
    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Wildcard(char symbol) implements Part {
    }

    private record Variable(String key, String fallback) implements Part {
    }

    /** A variable whose text is not of a recognised form: it never resolves. */
    private record Unresolvable() implements Part {
    }

    private final String source;
    private final List<Part> parts;
    // Most strings hold no variable: they are built once, not at every evaluation.
    private final Glob constantPattern;
    private final String constantLiteral;

    private PolicyString(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        boolean constant = parts.stream().allMatch(p -> p instanceof Text || p instanceof Wildcard);
        this.constantPattern = constant ? buildPattern(RequestContext.empty()).orElseThrow() : null;
        this.constantLiteral = constant ? buildLiteral(RequestContext.empty()).orElseThrow() : null;
    }

    static PolicyString parse(String text, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = variablesEnabled && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{'
                    ? text.indexOf('}', i + 2)
                    : -1;
            if (close >= 0) {
                Part variable = variable(text.substring(i + 2, close));
                if (variable instanceof Text escaped) {
                    literal.append(escaped.text());
                } else {
                    flush(literal, parts);
                    parts.add(variable);
                }
                i = close + 1;
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(new Wildcard(c));
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new PolicyString(text, List.copyOf(parts));
    }

    private static Part variable(String inside) {
        if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
            return new Text(inside);
        }
        int comma = inside.indexOf(',');
        String key = (comma < 0 ? inside : inside.substring(0, comma)).strip();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return new Unresolvable();
        }
        if (comma < 0) {
            return new Variable(key, null);
        }
        String fallback = inside.substring(comma + 1).strip();
        if (fallback.length() < 2 || fallback.charAt(0) != '\'' || fallback.charAt(fallback.length() - 1) != '\'') {
            return new Unresolvable();
        }
        return new Variable(key, fallback.substring(1, fallback.length() - 1));
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }

    /** The string as a pattern ({@code *} and {@code ?} are wildcards), or empty if a variable has no value. */
    Optional<Glob> toPattern(RequestContext context) {
        return constantPattern != null ? Optional.of(constantPattern) : buildPattern(context);
    }

    /** The string with wildcards as ordinary characters, or empty if a variable has no value. */
    Optional<String> toLiteral(RequestContext context) {
        return constantLiteral != null ? Optional.of(constantLiteral) : buildLiteral(context);
    }

    private Optional<Glob> buildPattern(RequestContext context) {
        Glob.Builder pattern = new Glob.Builder();
        for (Part part : parts) {
            switch (part) {
                case Text text -> pattern.literal(text.text());
                case Wildcard wildcard -> {
                    if (wildcard.symbol() == '*') {
                        pattern.anyRun();
                    } else {
                        pattern.anyChar();
                    }
                }
                case Variable variable -> {
                    Optional<String> value = resolve(variable, context);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    pattern.literal(value.get());
                }
                case Unresolvable unresolvable -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(pattern.build());
    }

    private Optional<String> buildLiteral(RequestContext context) {
        StringBuilder literal = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text text -> literal.append(text.text());
                case Wildcard wildcard -> literal.append(wildcard.symbol());
                case Variable variable -> {
                    Optional<String> value = resolve(variable, context);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    literal.append(value.get());
                }
                case Unresolvable unresolvable -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(literal.toString());
    }

    private static Optional<String> resolve(Variable variable, RequestContext context) {
        Optional<String> value = context.get(variable.key())
                .filter(values -> values.size() == 1)
                .map(List::getFirst);
        return value.isPresent() ? value : Optional.ofNullable(variable.fallback());
    }

    @Override
    public String toString() {
        return source;
    }
}
