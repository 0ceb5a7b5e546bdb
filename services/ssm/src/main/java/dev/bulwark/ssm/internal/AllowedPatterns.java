package dev.bulwark.ssm.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * AllowedPattern: a regular expression the whole value must match (AWS's own example, {@code \d{1,4}},
 * refuses {@code 10,000}, so a pattern is matched against the entire value, not searched in it).
 *
 * <p>The pattern comes from the caller and Java's matcher backtracks, so a pattern such as
 * {@code (a+)+$} could hold a request thread for hours on an 8 KB value. The matcher therefore reads
 * the value through a {@link CharSequence} that counts reads and gives up after a budget far above
 * what any reasonable pattern needs; a pattern that exhausts it is refused as invalid.
 */
public final class AllowedPatterns {
    private static final long READ_BUDGET = 5_000_000;

    private AllowedPatterns() {
    }

    /** Compiles a pattern, or throws InvalidAllowedPatternException. */
    public static Pattern compile(String allowedPattern) {
        try {
            return Pattern.compile(allowedPattern);
        } catch (PatternSyntaxException e) {
            throw SsmErrors.invalidAllowedPattern(e.getDescription());
        }
    }

    /** Requires the value to match the pattern, or throws ParameterPatternMismatchException. */
    public static void requireMatch(String allowedPattern, String value) {
        Pattern pattern = compile(allowedPattern);
        boolean matches;
        try {
            matches = pattern.matcher(new BudgetedText(value)).matches();
        } catch (BudgetExhausted e) {
            throw SsmErrors.invalidAllowedPattern("the pattern takes too long to evaluate.");
        }
        if (!matches) {
            throw SsmErrors.patternMismatch(allowedPattern);
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super(null, null, false, false);
        }
    }

    /** The value, read at most {@link #READ_BUDGET} times in all. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] reads;

        BudgetedText(String text) {
            this(text, new long[1]);
        }

        private BudgetedText(String text, long[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > READ_BUDGET) {
                throw new BudgetExhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
