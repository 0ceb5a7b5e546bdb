package dev.bulwark.kms.internal;

/**
 * A predefined AWS alias was used before its AWS managed key exists. Reads cannot create the
 * key, so the resolver says so with this and {@link KmsTransactions} creates the key in a write
 * transaction and runs the work again. Never reaches a client.
 */
public final class AwsManagedKeyMissing extends RuntimeException {
    private final KmsScope scope;
    private final String aliasName;

    public AwsManagedKeyMissing(KmsScope scope, String aliasName) {
        super(aliasName + " has no AWS managed key yet", null, false, false);
        this.scope = scope;
        this.aliasName = aliasName;
    }

    public KmsScope scope() {
        return scope;
    }

    public String aliasName() {
        return aliasName;
    }
}
