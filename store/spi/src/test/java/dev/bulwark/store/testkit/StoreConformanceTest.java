package dev.bulwark.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Page;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealException;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every backend must have, checked through the {@link SealedStore} that services
 * use. A backend module extends this class and says how to open its backend on a folder.
 */
public abstract class StoreConformanceTest {
    protected static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAMESPACE = "test.thing";
    private static final String SCOPE = "111122223333/us-east-1";

    @TempDir
    protected Path dataFolder;
    protected SealedStore store;

    /** Opens the backend kept in a folder; called again on the same folder to check that data survives. */
    protected abstract Backend openBackend(Path dataFolder);

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected final SealedStore open() {
        return SealedStore.open(openBackend(dataFolder), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM, Clock.systemUTC());
    }

    protected final void reopen() {
        store.close();
        store = open();
    }

    protected static RecordKey key(String id) {
        return new RecordKey(NAMESPACE, SCOPE, id);
    }

    protected static byte[] document(String text) {
        return ("{\"name\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    protected static SecretBytes secret(String text) {
        return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
    }

    protected static String reveal(StoredRecord record) {
        return new String(record.secret().orElseThrow().toByteArray(InsecureSecretAccess.get()), StandardCharsets.UTF_8);
    }

    private long put(RecordKey key, byte[] document, SecretBytes secret) {
        return store.write(tx -> tx.put(key, document, secret));
    }

    private boolean delete(RecordKey key) {
        return store.write(tx -> tx.delete(key));
    }

    private long count(String idPrefix) {
        return store.read(tx -> tx.count(NAMESPACE, SCOPE, idPrefix));
    }

    private Optional<StoredRecord> get(RecordKey key) {
        return store.read(tx -> tx.get(key));
    }

    private List<String> ids(Page page) {
        return page.records().stream().map(record -> record.key().id()).toList();
    }

    @Test
    void aRecordReadsBackAsWritten() {
        long version = put(key("a"), document("a"), null);

        StoredRecord record = get(key("a")).orElseThrow();
        assertThat(version).isEqualTo(1);
        assertThat(record.key()).isEqualTo(key("a"));
        assertThat(record.document()).isEqualTo(document("a"));
        assertThat(record.secret()).isEmpty();
        assertThat(record.version()).isEqualTo(1);
    }

    @Test
    void aMissingRecordIsEmpty() {
        assertThat(get(key("nothing"))).isEmpty();
    }

    @Test
    void everyPutIncrementsTheVersionAndARecreatedRecordStartsAgain() {
        put(key("a"), document("1"), null);
        put(key("a"), document("2"), null);
        long third = put(key("a"), document("3"), null);

        assertThat(third).isEqualTo(3);
        assertThat(get(key("a")).orElseThrow().document()).isEqualTo(document("3"));
        delete(key("a"));
        assertThat(put(key("a"), document("new"), null)).isEqualTo(1);
    }

    @Test
    void deleteRemovesARecordAndSaysWhetherItExisted() {
        put(key("a"), document("a"), secret("s"));

        assertThat(delete(key("a"))).isTrue();
        assertThat(delete(key("a"))).isFalse();
        assertThat(get(key("a"))).isEmpty();
    }

    @Test
    void recordsListInBinaryOrderOfTheirUtf8Ids() {
        // U+FFFD sorts before U+1F600 in UTF-8 but after it in Java's UTF-16 order.
        List<String> ids = List.of("b", "a", "B", "a0", "\u00e9", "\uFFFD", "\uD83D\uDE00", "a/b", "A");
        ids.forEach(id -> put(key(id), document(id), null));

        List<String> expected = new ArrayList<>(ids);
        expected.sort(Comparator.comparing((String id) -> id.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        assertThat(ids(store.read(tx -> tx.list(NAMESPACE, SCOPE, "", "", 100)))).containsExactlyElementsOf(expected);
        assertThat(expected.indexOf("\uFFFD")).isLessThan(expected.indexOf("\uD83D\uDE00"));
    }

    @Test
    void listingPagesThroughEveryRecordOnce() {
        for (int i = 0; i < 25; i++) {
            put(key("item-%02d".formatted(i)), document("i"), null);
        }

        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            String from = after;
            Page page = store.read(tx -> tx.list(NAMESPACE, SCOPE, "item-", from, 10));
            seen.addAll(ids(page));
            pages++;
            if (page.nextAfterId().isEmpty()) {
                break;
            }
            after = page.nextAfterId().get();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastRecordSaysThereIsNoMore() {
        put(key("a"), document("a"), null);
        put(key("b"), document("b"), null);

        assertThat(store.read(tx -> tx.list(NAMESPACE, SCOPE, "", "", 2)).nextAfterId()).isEmpty();
        assertThat(store.read(tx -> tx.list(NAMESPACE, SCOPE, "", "", 1)).nextAfterId()).contains("a");
    }

    @Test
    void listAndCountSeeOnlyTheirNamespaceScopeAndPrefix() {
        for (String id : List.of("alpha/1", "alpha/2", "alphabet", "beta/1")) {
            put(key(id), document(id), null);
        }
        store.write(tx -> tx.put(new RecordKey(NAMESPACE, "444455556666/us-east-1", "alpha/3"), document("x"), null));
        store.write(tx -> tx.put(new RecordKey("test.other", SCOPE, "alpha/4"), document("x"), null));

        assertThat(ids(store.read(tx -> tx.list(NAMESPACE, SCOPE, "alpha/", "", 10)))).containsExactly("alpha/1", "alpha/2");
        assertThat(ids(store.read(tx -> tx.list(NAMESPACE, SCOPE, "alpha", "alpha/1", 10)))).containsExactly("alpha/2", "alphabet");
        assertThat(ids(store.read(tx -> tx.list(NAMESPACE, SCOPE, "beta", "alpha/1", 10)))).containsExactly("beta/1");
        assertThat(count("alpha")).isEqualTo(3);
        assertThat(count("")).isEqualTo(4);
        assertThat(count("gamma")).isZero();
    }

    @Test
    void anExceptionInsideAWriteRollsBackEverythingItWrote() {
        put(key("existing"), document("before"), secret("before"));
        IllegalStateException failure = new IllegalStateException("work failed");

        assertThatThrownBy(() -> store.write(tx -> {
            tx.put(key("new"), document("new"), null);
            tx.put(key("existing"), document("after"), secret("after"));
            tx.delete(key("existing"));
            throw failure;
        })).isSameAs(failure);

        assertThat(get(key("new"))).isEmpty();
        StoredRecord existing = get(key("existing")).orElseThrow();
        assertThat(existing.document()).isEqualTo(document("before"));
        assertThat(existing.version()).isEqualTo(1);
        assertThat(reveal(existing)).isEqualTo("before");
    }

    @Test
    void aWriteSeesItsOwnChanges() {
        long count = store.write(tx -> {
            tx.put(key("a"), document("a"), null);
            return tx.count(NAMESPACE, SCOPE, "");
        });

        assertThat(count).isEqualTo(1);
    }

    @Test
    void concurrentWritersAreSerialised() throws Exception {
        int increments = 100;
        put(key("counter"), "0".getBytes(StandardCharsets.UTF_8), null);
        Runnable incrementer = () -> {
            for (int i = 0; i < increments; i++) {
                store.write(tx -> {
                    StoredRecord counter = tx.get(key("counter")).orElseThrow();
                    long value = Long.parseLong(new String(counter.document(), StandardCharsets.UTF_8));
                    return tx.put(key("counter"), Long.toString(value + 1).getBytes(StandardCharsets.UTF_8), null);
                });
            }
        };

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = List.of(threads.submit(incrementer), threads.submit(incrementer));
            for (Future<?> each : running) {
                each.get(30, TimeUnit.SECONDS);
            }
        }

        StoredRecord counter = get(key("counter")).orElseThrow();
        assertThat(new String(counter.document(), StandardCharsets.UTF_8)).isEqualTo(Long.toString(2L * increments));
        assertThat(counter.version()).isEqualTo(2L * increments + 1);
    }

    @Test
    void wipeExceptKeepsTheNamedNamespacesAndTheSeal() {
        put(key("kept"), document("kept"), secret("kept secret"));
        store.write(tx -> tx.put(new RecordKey("test.wiped", SCOPE, "gone"), document("gone"), null));

        store.wipeExcept(Set.of(NAMESPACE));
        reopen();

        Optional<StoredRecord> wiped = store.read(tx -> tx.get(new RecordKey("test.wiped", SCOPE, "gone")));
        assertThat(wiped).isEmpty();
        assertThat(reveal(get(key("kept")).orElseThrow())).isEqualTo("kept secret");
        put(key("later"), document("later"), secret("later secret"));
        assertThat(reveal(get(key("later")).orElseThrow())).isEqualTo("later secret");
    }

    @Test
    void wipingEverythingStillLeavesAWorkingSeal() {
        put(key("a"), document("a"), secret("a"));

        store.wipeExcept(Set.of());
        reopen();

        assertThat(get(key("a"))).isEmpty();
        put(key("b"), document("b"), secret("b"));
        assertThat(reveal(get(key("b")).orElseThrow())).isEqualTo("b");
    }

    @Test
    void reopeningKeepsRecordsAndSecrets() {
        put(key("a"), document("a"), secret("the secret of a"));
        put(key("b"), document("b"), null);

        reopen();

        assertThat(reveal(get(key("a")).orElseThrow())).isEqualTo("the secret of a");
        assertThat(get(key("b")).orElseThrow().document()).isEqualTo(document("b"));
    }

    @Test
    void secretsRoundTripWhateverTheirSize() {
        for (int size : new int[] {0, 1, 4096, 300_000}) {
            SecretBytes value = SecretBytes.random(size, RANDOM);
            put(key("size-" + size), document("s"), value);

            assertThat(get(key("size-" + size)).orElseThrow().secret().orElseThrow().equalsSecretBytes(value)).isTrue();
        }
    }

    @Test
    void listedRecordsCarryTheirOpenedSecrets() {
        put(key("a"), document("a"), secret("secret a"));
        put(key("b"), document("b"), null);

        List<StoredRecord> records = store.read(tx -> tx.list(NAMESPACE, SCOPE, "", "", 10)).records();

        assertThat(reveal(records.get(0))).isEqualTo("secret a");
        assertThat(records.get(1).secret()).isEmpty();
    }

    @Test
    void replacingARecordWithoutASecretDropsTheSecret() {
        put(key("a"), document("a"), secret("secret a"));
        put(key("a"), document("a"), null);

        assertThat(get(key("a")).orElseThrow().secret()).isEmpty();
    }

    @Test
    void theBackendNeverHoldsASecretInPlaintext() {
        byte[] marker = ("marker-" + RANDOM.nextLong()).getBytes(StandardCharsets.UTF_8);
        put(key("a"), document("a"), SecretBytes.copyOf(marker));
        store.close();

        BackendRow row;
        try (Backend backend = openBackend(dataFolder)) {
            row = backend.read(reader -> reader.get(key("a"))).orElseThrow();
        }
        store = open();

        assertThat(row.document()).isEqualTo(document("a"));
        assertThat(indexOf(row.sealed(), marker)).isEqualTo(-1);
    }

    @Test
    void aSealedPartMovedToAnotherRecordDoesNotOpen() {
        put(key("victim"), document("victim"), secret("victim's secret"));
        put(key("attacker"), document("attacker"), secret("attacker's own"));
        store.close();
        try (Backend backend = openBackend(dataFolder)) {
            backend.write(writer -> {
                BackendRow victim = writer.get(key("victim")).orElseThrow();
                return writer.put(key("attacker"), document("attacker"), victim.sealed());
            });
        }
        store = open();

        assertThatThrownBy(() -> get(key("attacker")))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("attacker")
                .hasMessageContaining("corrupt")
                .hasMessageNotContaining("secret");
        assertThat(reveal(get(key("victim")).orElseThrow())).isEqualTo("victim's secret");
    }

    @Test
    void anAlteredSealedPartDoesNotOpen() {
        put(key("a"), document("a"), secret("secret a"));
        store.close();
        try (Backend backend = openBackend(dataFolder)) {
            backend.write(writer -> {
                byte[] sealed = writer.get(key("a")).orElseThrow().sealed();
                sealed[sealed.length - 1] ^= 1;
                return writer.put(key("a"), document("a"), sealed);
            });
        }
        store = open();

        assertThatThrownBy(() -> get(key("a"))).isInstanceOf(SealException.class).hasMessageContaining("corrupt");
    }

    @Test
    void aWrongRootKeyCannotUnsealTheStore() throws Exception {
        put(key("a"), document("a"), secret("secret a"));
        store.close();
        Path rootKeyFile = dataFolder.resolve(KeyFileRootKeyProvider.FILE_NAME);
        byte[] rightKey = Files.readAllBytes(rootKeyFile);
        Files.write(rootKeyFile, SecretBytes.random(32, RANDOM).toByteArray(InsecureSecretAccess.get()));

        assertThatThrownBy(this::open)
                .isInstanceOf(SealException.class)
                .hasMessageContaining("cannot be unsealed");

        Files.write(rootKeyFile, rightKey);
        store = open();
        assertThat(reveal(get(key("a")).orElseThrow())).isEqualTo("secret a");
    }

    @Test
    void afterRotationNewSecretsUseTheNewDataKeyAndOldOnesStillOpen() {
        put(key("old"), document("old"), secret("sealed under key 1"));

        int rotated = store.rotateDataKey();
        put(key("new"), document("new"), secret("sealed under key 2"));
        reopen();

        assertThat(rotated).isEqualTo(2);
        assertThat(store.activeDataKey()).isEqualTo(2);
        assertThat(reveal(get(key("old")).orElseThrow())).isEqualTo("sealed under key 1");
        assertThat(reveal(get(key("new")).orElseThrow())).isEqualTo("sealed under key 2");
        store.close();
        try (Backend backend = openBackend(dataFolder)) {
            assertThat(dataKeyNumber(backend, key("old"))).isEqualTo(1);
            assertThat(dataKeyNumber(backend, key("new"))).isEqualTo(2);
        }
        store = open();
    }

    @Test
    void theSealsNamespaceIsOffLimits() {
        RecordKey dataKey = new RecordKey("_seal.data-key", "", "1");

        assertThatThrownBy(() -> get(dataKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> put(dataKey, document("x"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(tx -> tx.delete(dataKey))).isInstanceOf(IllegalArgumentException.class);
    }

    private static int dataKeyNumber(Backend backend, RecordKey key) {
        byte[] sealed = backend.read(reader -> reader.get(key)).orElseThrow().sealed();
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    protected static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
