package dev.bulwark.secretsmanager.internal.passwords;

import dev.bulwark.secretsmanager.internal.SecretsErrors;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Random passwords as GetRandomPassword makes them, from a {@link SecureRandom}: characters drawn
 * uniformly from the included classes (lowercase, uppercase, digits, AWS's punctuation set, and
 * the space if asked for), minus the excluded characters; with RequireEachIncludedType (the
 * default) at least one character of each included class other than the space, placed at random
 * positions.
 */
public final class PasswordGenerator {
    public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";
    /** AWS's punctuation: {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final SecureRandom random;

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    /** What to draw from. */
    public record Options(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
            boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace, boolean requireEachIncludedType) {

        public static Options defaults(int length) {
            return new Options(length, "", false, false, false, false, false, true);
        }
    }

    public char[] generate(Options options) {
        String excluded = options.excludeCharacters() == null ? "" : options.excludeCharacters();
        List<String> classes = new ArrayList<>();
        addClass(classes, LOWERCASE, !options.excludeLowercase(), excluded);
        addClass(classes, UPPERCASE, !options.excludeUppercase(), excluded);
        addClass(classes, DIGITS, !options.excludeNumbers(), excluded);
        addClass(classes, PUNCTUATION, !options.excludePunctuation(), excluded);
        String space = options.includeSpace() && excluded.indexOf(' ') < 0 ? " " : "";
        String all = String.join("", classes) + space;
        if (all.isEmpty()) {
            throw SecretsErrors.invalidParameter("The password can't be generated because every character is excluded.");
        }
        if (options.requireEachIncludedType() && options.length() < classes.size()) {
            throw SecretsErrors.invalidParameter("Password length is too short based on the required types.");
        }
        char[] password = new char[options.length()];
        int next = 0;
        if (options.requireEachIncludedType()) {
            for (String characterClass : classes) {
                password[next++] = pick(characterClass);
            }
        }
        while (next < password.length) {
            password[next++] = pick(all);
        }
        shuffle(password);
        return password;
    }

    private static void addClass(List<String> classes, String characters, boolean included, String excluded) {
        if (!included) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        characters.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        if (!kept.isEmpty()) {
            classes.add(kept.toString());
        }
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    /** Fisher-Yates, so the required characters are not at predictable positions. */
    private void shuffle(char[] password) {
        for (int i = password.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
    }
}
