package dev.bulwark.auth.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pattern of the policy language: literal characters, {@code *} (any run of characters, also
 * none) and {@code ?} (exactly one character).
 *
 * <p>Which characters are wildcards is decided when the pattern is built, not by looking at its
 * text again: a {@code *} written as {@code ${*}}, or one that arrives inside a policy variable's
 * value, is an ordinary character. Matching is the linear greedy algorithm with one backtrack
 * point, so no pattern can make it run away (a policy author controls the pattern, a caller the
 * text).
 */
final class Glob {
    private static final int ANY_RUN = -1;
    private static final int ANY_CHAR = -2;

    private final int[] tokens;

    private Glob(int[] tokens) {
        this.tokens = tokens;
    }

    /** A pattern in which every {@code *} and {@code ?} of the text is a wildcard. */
    static Glob of(String text) {
        Builder builder = new Builder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> builder.anyRun();
                case '?' -> builder.anyChar();
                default -> builder.literal(c);
            }
        }
        return builder.build();
    }

    boolean matches(CharSequence text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int runAt = -1;
        int runText = -1;
        while (t < text.length()) {
            if (p < tokens.length && tokens[p] != ANY_RUN
                    && (tokens[p] == ANY_CHAR || same((char) tokens[p], text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < tokens.length && tokens[p] == ANY_RUN) {
                runAt = p++;
                runText = t;
            } else if (runAt >= 0) {
                p = runAt + 1;
                t = ++runText;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == tokens.length;
    }

    /** True when the pattern is a lone {@code *}, which matches everything. */
    boolean isAnything() {
        return tokens.length == 1 && tokens[0] == ANY_RUN;
    }

    boolean endsWithAnyRun() {
        return tokens.length > 0 && tokens[tokens.length - 1] == ANY_RUN;
    }

    /**
     * Splits at the first {@code limit - 1} occurrences of a literal character, as
     * {@code String.split(separator, limit)} would (empty parts kept).
     */
    List<Glob> split(char separator, int limit) {
        List<Glob> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.length && parts.size() < limit - 1; i++) {
            if (tokens[i] == separator) {
                parts.add(new Glob(Arrays.copyOfRange(tokens, start, i)));
                start = i + 1;
            }
        }
        parts.add(new Glob(Arrays.copyOfRange(tokens, start, tokens.length)));
        return parts;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    static final class Builder {
        private int[] tokens = new int[16];
        private int size;

        Builder literal(char c) {
            return add(c);
        }

        Builder literal(String text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i));
            }
            return this;
        }

        Builder anyRun() {
            return add(ANY_RUN);
        }

        Builder anyChar() {
            return add(ANY_CHAR);
        }

        private Builder add(int token) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
            }
            tokens[size++] = token;
            return this;
        }

        Glob build() {
            return new Glob(Arrays.copyOf(tokens, size));
        }
    }
}
