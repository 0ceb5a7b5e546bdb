package dev.bulwark.ssm.internal;

import dev.bulwark.core.Arn;
import java.util.Optional;

/**
 * How a read names a parameter: by name or by ARN, optionally with a selector naming a version
 * ({@code /app/db:3}) or a label ({@code /app/db:prod}).
 *
 * @param requestedName the name as the request wrote it (trimmed), which responses echo; for an ARN,
 *                      the parameter's own name is echoed instead ({@link #echoedName})
 * @param id            the parameter's id ({@link ParameterNames#id})
 * @param byArn         whether the request named the parameter by ARN
 * @param selector      the text after the colon, if any
 */
public record ParameterReference(String requestedName, String id, boolean byArn, Optional<String> selector) {

    /** Parses a name or ARN with an optional selector, as GetParameter and GetParameters accept them. */
    public static ParameterReference parse(String raw, SsmScope scope) {
        String text = raw.strip();
        if (text.startsWith("arn:")) {
            return parseArn(text, scope);
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
            throw SsmErrors.invalidSelector();
        }
        String name = ParameterNames.forRead(parts[0]);
        return new ParameterReference(name, ParameterNames.id(name), false,
                parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
    }

    /** Parses a name or ARN that must not carry a selector (history, labels, tags). */
    public static ParameterReference parseWithoutSelector(String raw, SsmScope scope) {
        ParameterReference reference = parse(raw, scope);
        if (reference.selector().isPresent()) {
            throw SsmErrors.invalidName();
        }
        return reference;
    }

    private static ParameterReference parseArn(String text, SsmScope scope) {
        Arn arn = Arn.parse(text)
                .filter(parsed -> parsed.service().equals("ssm") && parsed.resource().startsWith("parameter/"))
                .orElseThrow(SsmErrors::invalidName);
        if (!arn.account().equals(scope.account().value()) || !arn.region().equals(scope.region().name())
                || !arn.partition().equals(scope.region().partition())) {
            // Parameters shared from other accounts (AWS RAM) are not served: nothing is found there.
            throw SsmErrors.parameterNotFound();
        }
        String[] parts = arn.resource().substring("parameter".length()).split(":", -1);
        if (parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
            throw SsmErrors.invalidSelector();
        }
        String id = ParameterNames.forRead(parts[0]);
        return new ParameterReference(id, id, true, parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
    }

    public String arn(SsmScope scope) {
        return scope.parameterArn(id);
    }

    /** The name a response shows: as requested, or the parameter's own name when asked by ARN. */
    public String echoedName(ParameterRecord parameter) {
        return byArn ? parameter.name() : requestedName;
    }

    /** The selector as responses show it ({@code :3}, {@code :prod}), or null. */
    public String selectorText() {
        return selector.map(text -> ":" + text).orElse(null);
    }
}
