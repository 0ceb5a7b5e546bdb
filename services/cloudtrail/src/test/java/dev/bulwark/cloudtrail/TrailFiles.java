package dev.bulwark.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Reading and tampering with delivered trail files in tests. */
public final class TrailFiles {
    private TrailFiles() {
    }

    /** Files under a folder whose name ends with the suffix, sorted by path. */
    public static List<Path> find(Path folder, String nameSuffix) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(nameSuffix))
                    .filter(f -> !f.toString().contains(".bulwark-staging"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> logFiles(Path folder) {
        return find(folder, ".json.gz").stream().filter(f -> f.toString().contains("/CloudTrail/")).toList();
    }

    public static List<Path> digestFiles(Path folder) {
        return find(folder, ".json.gz").stream().filter(f -> f.toString().contains("/CloudTrail-Digest/")).toList();
    }

    public static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JsonMapper.builder().build().readTree(gunzip(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void gzipTo(Path file, byte[] content) {
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes one byte of a log file's content (as an attacker editing an event would), keeping it gzip. */
    public static void alterOneByte(Path file) {
        byte[] content = gunzip(file);
        int at = new String(content, StandardCharsets.UTF_8).indexOf("\"eventName\":\"") + 13;
        content[at] = (byte) (content[at] == 'X' ? 'Y' : 'X');
        gzipTo(file, content);
    }
}
