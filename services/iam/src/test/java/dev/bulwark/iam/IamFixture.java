package dev.bulwark.iam;

import dev.bulwark.auth.SameAccountAuthorizer;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.Operation;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** The IAM service over a store in memory, called through its operation table as the gateway calls it. */
public final class IamFixture implements AutoCloseable {
    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final IamService service;

    public IamFixture(Path rootKeyFolder) {
        this.store = SealedStore.open(new InMemoryBackend(), new KeyFileRootKeyProvider(rootKeyFolder, RANDOM), RANDOM,
                Clock.systemUTC());
        this.service = new IamService(store, Clock.systemUTC(), RANDOM);
    }

    public Store store() {
        return store;
    }

    /** Calls an operation as the account root. */
    @SuppressWarnings("unchecked")
    public <O extends SdkResponse> O call(SdkRequest request) {
        return (O) operation(request).invoke(callerAs(Principal.root(ACCOUNT, "AKIAROOTEXAMPLE00000")), request);
    }

    public static Caller callerAs(Principal principal) {
        return new Caller(principal, Region.US_EAST_1, "request", Instant.now(), "127.0.0.1", "test", false,
                new SameAccountAuthorizer());
    }

    private Operation<?, ?> operation(SdkRequest request) {
        String name = request.getClass().getSimpleName().replace("Request", "");
        return service.operations().stream().filter(operation -> operation.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("IAM has no operation " + name));
    }

    @Override
    public void close() {
        store.close();
    }
}
