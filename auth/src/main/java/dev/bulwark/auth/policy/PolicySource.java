package dev.bulwark.auth.policy;

/** Where a deciding statement comes from, with the words AWS's AccessDeniedException uses for it. */
public enum PolicySource {
    IDENTITY_BASED("an identity-based policy", "identity-based policy"),
    RESOURCE_BASED("a resource-based policy", "resource-based policy"),
    SESSION("a session policy", "session policy");

    private final String withArticle;
    private final String noun;

    PolicySource(String withArticle, String noun) {
        this.withArticle = withArticle;
        this.noun = noun;
    }

    /** "with an explicit deny in an identity-based policy" */
    String explicitDenyReason() {
        return "with an explicit deny in " + withArticle;
    }

    /** "because no identity-based policy allows the kms:Decrypt action" */
    String noAllowReason(String action) {
        return "because no " + noun + " allows the " + action + " action";
    }
}
