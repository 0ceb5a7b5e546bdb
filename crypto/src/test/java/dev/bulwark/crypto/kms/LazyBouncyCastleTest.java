package dev.bulwark.crypto.kms;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bulwark.core.AwsException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Server start-up must stay fast, so Bouncy Castle (hundreds of classes) may only load when a key
 * spec the JDK lacks is used. Proof: the common operations run in a class loader that has
 * Bulwark's classes but not Bouncy Castle's; touching any BC class would fail with
 * NoClassDefFoundError.
 */
class LazyBouncyCastleTest {
    @Test
    void commonOperationsNeverLoadBouncyCastle() throws Exception {
        URL[] withoutBouncyCastle = {
            location(KeySpec.class), location(AwsException.class), location(DefaultPathExercise.class),
        };
        try (URLClassLoader loader = new URLClassLoader(withoutBouncyCastle, ClassLoader.getPlatformClassLoader())) {
            Runnable exercise = (Runnable) loader.loadClass(DefaultPathExercise.class.getName()).getConstructor().newInstance();

            assertThatCode(exercise::run).doesNotThrowAnyException();
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
